import { type Diagnostic, diag, formatLocation, type Location, rowId } from '../model/diagnostic.js';
import { Ledger } from '../model/ledger.js';
import { cleanText, foldDiacritics, nameKey } from '../model/normalize.js';
import { entryLocation, type LeafEntry, type UnitInput } from '../model/scores.js';
import { unitKey, unitNameRank } from '../model/unitName.js';

/** A unit some score file names but leaves blank: where, to report it if no file gives it a value. */
interface NotEntered {
  name: string;
  location: Location;
  places: Set<string>;
}

/**
 * Everything read from the score and survey files, merged: units in first-appearance order, each with its
 * leaf entries. The ledger counts rows sheet by sheet, so that every row read ends up scored or named in a
 * diagnostic; rows and whole forms left blank are "not entered", never values and never duplicates.
 */
export class ScoreBook {
  readonly units = new Map<string, UnitInput>();
  /** groupKey → name as first written. */
  readonly groupNames: Map<string, string>;
  readonly diagnostics: Diagnostic[] = [];
  readonly ledger = new Ledger();
  /** Row ids ("file|sheet|row") that a diagnostic rejected. */
  readonly rejected = new Set<string>();
  /** Units first seen in a survey file only, for "in the survey but not in the scores". */
  readonly surveyOnly = new Set<string>();

  /** Units by their key without diacritics, to point at a near name (never to match it). */
  private readonly folded = new Map<string, UnitInput>();
  private readonly notEntered = new Map<string, NotEntered>();
  private readonly blanks = new Map<string, Map<string, Location>>();
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

  /** The match key of a unit name (rows of one unit usually follow each other: the last one is kept). */
  keyOf(name: string): string {
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastKey = unitKey(name);
    }
    return this.lastKey;
  }

  /**
   * The unit a row speaks of, created on first sight. Returns null (and reports) when the row puts a
   * known unit in another group. `at` gives the row's unit cell, worked out only when it is needed.
   * Names match by unitKey (tone placement, UBND/Ủy ban nhân dân, X./P./TT); the unit is shown under the
   * first name met in the score files, replaced by a plainer one met later ("UBND xã A" → "Xã A").
   */
  unit(
    name: string,
    group: string | null,
    unitCode: string | null,
    at: () => Location,
    fromSurvey: boolean,
  ): UnitInput | null {
    // Once per run of rows with one spelling (rows of one unit usually follow each other).
    const fresh = name !== this.lastName;
    const key = this.keyOf(name);
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
      const blank = this.blanks.get(key);
      if (blank) unit.blank = blank;
      this.units.set(key, unit);
      // A survey-only unit is an error that already suggests the near name.
      if (fromSurvey) this.surveyOnly.add(key);
      else this.nearName(unit);
      return unit;
    }
    if (!fromSurvey) {
      this.surveyOnly.delete(key);
      // Once per run of rows with one spelling, not on every row.
      if (fresh && name !== unit.name && unitNameRank(name) < unitNameRank(unit.name))
        unit.name = cleanText(name);
    }
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

  /** A new unit whose name differs from an earlier one's only by diacritics: said, never matched. */
  private nearName(unit: UnitInput): void {
    const folded = foldDiacritics(unit.key);
    const other = this.folded.get(folded);
    if (other === undefined) this.folded.set(folded, unit);
    else
      this.diagnostics.push(
        diag('I_UNIT_SIMILAR_NAME', 'info', unit.location, { unit: unit.name, suggestion: other.name }),
      );
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

  /**
   * A score row that names a unit's leaf but leaves its values blank: remembered as where a missing value
   * would be reported (the first such cell), never as a value.
   */
  blank(name: string, code: string, at: Location): void {
    const key = this.keyOf(name);
    let leaves = this.blanks.get(key);
    if (!leaves) {
      leaves = new Map();
      this.blanks.set(key, leaves);
      const unit = this.units.get(key);
      if (unit) unit.blank = leaves;
    }
    if (!leaves.has(code)) leaves.set(code, at);
  }

  /** A score sheet (a form) that names a unit and enters nothing for it. */
  unitNotEntered(name: string, at: Location): void {
    const key = this.keyOf(name);
    const seen = this.notEntered.get(key);
    const place = `${at.file}|${at.sheet}`;
    if (seen) seen.places.add(place);
    else this.notEntered.set(key, { name: cleanText(name), location: at, places: new Set([place]) });
  }

  /**
   * Once every score file is read: the units that some file names but no file gives a value (their forms
   * left blank everywhere). A ranking without them would be incomplete, so each is an error.
   */
  unitsNeverEntered(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const [key, u] of this.notEntered) {
      const unit = this.units.get(key);
      if (unit && !this.surveyOnly.has(key)) continue;
      out.push(diag('E_UNIT_NOT_ENTERED', 'error', u.location, { unit: u.name, places: u.places.size }));
    }
    return out;
  }

  /** Whether the unit is one some score file names and leaves blank. */
  isNotEntered(key: string): boolean {
    return this.notEntered.has(key);
  }
}
