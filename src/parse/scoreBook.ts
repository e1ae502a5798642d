import type { CellValue } from '../model/cell.js';
import { type Diagnostic, diag, formatLocation, type Location, rowId } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import { Ledger } from '../model/ledger.js';
import { cleanText, foldDiacritics, nameKey } from '../model/normalize.js';
import { type RowTexts, rowLocation, ScoreStore } from '../model/scoreStore.js';
import type { LeafEntry, UnitInput } from '../model/scores.js';
import { unitKey, unitNameRank } from '../model/unitName.js';
import { type LeafPlan, leafPlan, storeCell } from '../score/rules/storeCell.js';

/** A unit some score file names but leaves blank: where, to report it if no file gives it a value. */
interface NotEntered {
  name: string;
  location: Location;
  places: Set<string>;
}

export interface BookOptions {
  /** Keep every cell as read (explain, the xlsx and html reports, convert): see ScoreStore.keepRaw. */
  keepRaw?: boolean;
  /**
   * false: read for the ledger only (`cchc inspect`): no value is kept or scored, the framework may change
   * from file to file and name any code, and a second value for a unit's leaf is still a duplicate.
   */
  values?: boolean;
}

/**
 * Everything read from the score and survey files, merged: units in first-appearance order, their values
 * in a ScoreStore, each cell scored by its leaf's rule as it is read. The ledger counts rows sheet by
 * sheet, so that every row read ends up scored or named in a diagnostic; rows and whole forms left blank
 * are "not entered", never values and never duplicates.
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
  /** The last call to unit() and what it gave: the next row usually asks the same. */
  private last: { name: string; group: string | null; code: string | null; survey: boolean } | null = null;
  private lastUnit: UnitInput | null = null;

  private framework: Framework | null = null;
  private plans: LeafPlan[] = [];
  private leafIndex = new Map<string, number>();
  /** Leaf codes by position. */
  private codes: string[] = [];
  private values: ScoreStore | null = null;
  /** Ledger only: where each unit's leaf was first given, by "unit|leaf". */
  private readonly firsts = new Map<string, Location>();

  constructor(
    groupNames: Map<string, string>,
    private readonly options: BookOptions = {},
  ) {
    this.groupNames = groupNames;
  }

  /** The framework the values are read for (the same one for every file of a run). */
  use(framework: Framework): void {
    if (this.framework === framework) return;
    const ledgerOnly = this.options.values === false;
    if (this.framework !== null && !ledgerOnly) throw new Error('a ScoreBook reads values for one framework');
    this.framework = framework;
    if (ledgerOnly) return;
    this.plans = framework.leaves.map(leafPlan);
    this.codes = framework.leaves.map((l) => l.code);
    this.leafIndex = new Map(framework.leaves.map((l, i) => [l.code, i]));
    this.values = new ScoreStore(framework.leaves.length, this.options.keepRaw === true);
    for (const u of this.units.values()) this.values.reserve(u.index);
  }

  /** The values read so far, column by column. */
  get store(): ScoreStore {
    if (this.values === null) {
      // No framework, no values (a run whose criteria could not be read): an empty store.
      this.values = new ScoreStore(0, false, 1);
    }
    return this.values;
  }

  /** The position of a leaf among the framework's leaves (its slot within a unit). */
  leafAt(code: string): number {
    let i = this.leafIndex.get(code);
    if (i === undefined) {
      if (this.options.values !== false)
        throw new Error(`no leaf ${code} in the framework the book reads for`);
      i = this.codes.length;
      this.codes.push(code);
      this.leafIndex.set(code, i);
    }
    return i;
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
    // The same question as the row before gets the same answer (everything below is idempotent then);
    // only a unit is remembered, never a rejection, which is reported on every row.
    const last = this.last;
    if (
      last !== null &&
      name === last.name &&
      group === last.group &&
      unitCode === last.code &&
      fromSurvey === last.survey
    )
      return this.lastUnit;
    const unit = this.findUnit(name, group, unitCode, at, fromSurvey);
    this.last = unit === null ? null : { name, group, code: unitCode, survey: fromSurvey };
    this.lastUnit = unit;
    return unit;
  }

  private findUnit(
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
        index: this.units.size,
      };
      this.values?.reserve(unit.index);
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
    const { where } = entry;
    const place = this.store.placeOf(where.file, where.sheet, entry.selfCol, entry.appraisedCol);
    const texts = textsOf(entry.reason, entry.evidence, entry.note);
    this.put(unit, this.leafAt(entry.code), entry.self, entry.appraised, entry.row, place, texts, survey);
  }

  /**
   * Adds the values of one row for a unit's leaf (`leaf`: its position in the framework's leaves), each
   * non-empty cell scored by the leaf's rule now; a second value for the same unit and leaf is an error at
   * the second place, naming the first. `place` comes from store.placeOf.
   */
  put(
    unit: UnitInput,
    leaf: number,
    self: CellValue,
    appraised: CellValue,
    row: number,
    place: number,
    texts: RowTexts | null,
    survey: boolean,
  ): void {
    const store = this.store;
    const slot = unit.index * store.leaves + leaf;
    const ledgerOnly = this.options.values === false;
    const key = ledgerOnly ? `${unit.index}|${leaf}` : '';
    const first = ledgerOnly ? this.firsts.get(key) : store.has(slot) ? store.location(slot) : undefined;
    const at = () => rowLocation(store.places[place]!, row, self !== null, appraised !== null);
    if (first !== undefined) {
      this.reject(
        diag('E_SCORE_DUPLICATE', 'error', at(), {
          unit: unit.name,
          code: this.codes[leaf]!,
          first: formatLocation(first),
        }),
      );
      return;
    }
    if (ledgerOnly) {
      this.firsts.set(key, at());
      return;
    }
    store.fill(slot, row, place, survey, texts);
    const plan = this.plans[leaf]!;
    if (self !== null) storeCell(store, 2 * slot, self, plan);
    if (appraised !== null) storeCell(store, 2 * slot + 1, appraised, plan);
  }

  /** Where each of a unit's values was read (the cell it is reported at), in reading order; or its survey values'. */
  valueLocations(unit: UnitInput, surveyOnly = false): Location[] {
    return this.slotsOf(unit)
      .filter((slot) => !surveyOnly || this.store.fromSurvey(slot))
      .map((slot) => this.store.location(slot));
  }

  /** How many values a unit has. */
  valueCount(unit: UnitInput): number {
    return this.slotsOf(unit).length;
  }

  /** A unit's filled slots, in the order they were read. */
  private slotsOf(unit: UnitInput): number[] {
    const store = this.store;
    const slots: number[] = [];
    const from = unit.index * store.leaves;
    for (let slot = from; slot < from + store.leaves; slot++) if (store.has(slot)) slots.push(slot);
    return slots.sort((a, b) => store.seq[a]! - store.seq[b]!);
  }

  /** A unit's values as entries (the cells as read need keepRaw), in the order they were read. */
  entriesOf(unit: UnitInput): LeafEntry[] {
    const store = this.store;
    const from = unit.index * store.leaves;
    return this.slotsOf(unit).map((slot) => {
      const p = store.places[store.place[slot]!]!;
      return {
        code: this.plans[slot - from]!.leaf.code,
        self: store.rawOf(2 * slot),
        appraised: store.rawOf(2 * slot + 1),
        where: { file: p.file, sheet: p.sheet },
        row: store.row[slot]!,
        selfCol: p.selfCol,
        appraisedCol: p.appraisedCol,
        ...store.textsOf(slot),
      };
    });
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

/** A row's reason, evidence and note; null when it has none (most rows). */
export function textsOf(reason: string, evidence: string, note: string): RowTexts | null {
  return reason === '' && evidence === '' && note === '' ? null : { reason, evidence, note };
}
