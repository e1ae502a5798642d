import { type Diagnostic, diag, formatLocation, type Location, rowId } from '../model/diagnostic.js';
import { cleanText, nameKey } from '../model/normalize.js';
import { entryLocation, type LeafEntry, type UnitInput } from '../model/scores.js';

/**
 * Everything read from the score and survey files, merged: units in first-appearance order, each with its
 * leaf entries. Rows are counted here so that every row read ends up scored or named in a diagnostic.
 */
export class ScoreBook {
  readonly units = new Map<string, UnitInput>();
  /** groupKey → name as first written. */
  readonly groupNames: Map<string, string>;
  readonly diagnostics: Diagnostic[] = [];
  rowsRead = 0;
  /** Row ids ("file|sheet|row") that a diagnostic rejected. */
  readonly rejected = new Set<string>();
  /** Units first seen in a survey file only, for "in the survey but not in the scores". */
  readonly surveyOnly = new Set<string>();

  private lastName = '';
  private lastKey = '';
  private lastGroup = '';
  private lastGroupKey = '';

  constructor(groupNames: Map<string, string>) {
    this.groupNames = groupNames;
  }

  reject(d: Diagnostic): void {
    this.diagnostics.push(d);
    this.rejected.add(rowId(d.location));
  }

  /**
   * The unit a row speaks of, created on first sight. Returns null (and reports) when the row puts a
   * known unit in another group. `at` gives the row's unit cell, worked out only when it is needed.
   */
  unit(
    name: string,
    group: string | null,
    unitCode: string | null,
    at: () => Location,
    fromSurvey: boolean,
  ): UnitInput | null {
    // Rows of one unit usually follow each other: remember the last name's key.
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastKey = nameKey(name);
    }
    const key = this.lastKey;
    let unit = this.units.get(key);
    if (group !== null && group !== this.lastGroup) {
      this.lastGroup = group;
      this.lastGroupKey = nameKey(group);
    }
    const gKey = group === null ? null : this.lastGroupKey;
    if (gKey !== null && gKey !== '' && !this.groupNames.has(gKey))
      this.groupNames.set(gKey, cleanText(group!));
    if (!unit) {
      unit = {
        key,
        name: cleanText(name),
        unitCode,
        group: gKey ? this.groupNames.get(gKey)! : '',
        groupKey: gKey ?? '',
        location: at(),
        entries: new Map(),
        survey: new Map(),
      };
      this.units.set(key, unit);
      if (fromSurvey) this.surveyOnly.add(key);
      return unit;
    }
    if (!fromSurvey) this.surveyOnly.delete(key);
    if (gKey) {
      if (unit.groupKey === '') {
        unit.groupKey = gKey;
        unit.group = this.groupNames.get(gKey)!;
      } else if (unit.groupKey !== gKey) {
        this.reject(
          diag('E_UNIT_TWO_GROUPS', 'error', at(), {
            unit: unit.name,
            group: cleanText(group!),
            first: unit.group,
          }),
        );
        return null;
      }
    }
    if (unitCode && !unit.unitCode) unit.unitCode = unitCode;
    return unit;
  }

  /** Adds a leaf entry; a second value for the same unit and leaf is an error at the second place. */
  add(unit: UnitInput, entry: LeafEntry, survey: boolean): void {
    const map = survey ? unit.survey : unit.entries;
    const prior =
      map.get(entry.code) ?? (survey ? unit.entries.get(entry.code) : unit.survey.get(entry.code));
    if (prior) {
      this.reject(
        diag('E_SCORE_DUPLICATE', 'error', entryLocation(entry), {
          unit: unit.name,
          code: entry.code,
          first: formatLocation(entryLocation(prior)),
        }),
      );
      return;
    }
    map.set(entry.code, entry);
  }
}
