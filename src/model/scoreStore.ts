import type { CellValue } from './cell.js';
import type { Dec } from './decimal.js';
import type { DiagnosticArgs, Location } from './diagnostic.js';
import { cellLocation } from './scores.js';

/**
 * Every value the score and survey files give, held column by column: one slot per unit and leaf (unit
 * index × leaves + leaf index), each with the source row and the self and appraised cells already scored
 * by their leaf's rule as they were read. A national run holds 235,791 of these; as objects (one per
 * input row, with the values as text, in a Map per unit) they were a quarter of the run in garbage
 * collection. Here a slot is a few typed-array entries, and what only some cells have (a reason, a
 * problem, a very large value, the raw text) sits in side tables keyed by the cell's index.
 *
 * A cell's points are kept as a whole number of ten-thousandths (`Points are rounded to 4 decimals`,
 * docs/computation.md) in a 32-bit integer, up to 214,748 points; a value that is not a whole number of
 * ten-thousandths, or larger, is kept as its exact Dec instead (`CELL_BIG`).
 */

/** What a cell holds once its rule has read it. */
export const CELL_EMPTY = 0;
/** Points, in ten-thousandths (`points`, a 32-bit integer: up to 214,748 points). */
export const CELL_POINTS = 1;
/** Points as an exact Dec (`big`): not a whole number of ten-thousandths, or past 2^53 of them. */
export const CELL_BIG = 2;
/** Not applicable (KPS, N/A, -): the N/A policy decides when scoring. */
export const CELL_NA = 3;
/** The value breaks its rule: `problem` says how (reported when scoring, at the cell). */
export const CELL_PROBLEM = 4;
/** Flag on a points cell: scored with a warning (`warning`), e.g. a ratio clamped to [0, 1]. */
export const CELL_WARNED = 8;
export const CELL_KIND = 7;

/** A problem with one cell's value: a diagnostic code and its message arguments. */
export interface ValueProblem {
  code: string;
  args: DiagnosticArgs;
}

/** The file, sheet and value columns (0-based, -1 for none) of a run of slots read from one place. */
export interface SlotPlace {
  file: string;
  sheet: string;
  selfCol: number;
  appraisedCol: number;
}

/** Texts of a row beside its values; kept only for rows that have any. */
export interface RowTexts {
  reason: string;
  evidence: string;
  note: string;
}

const SELF = 0;
const APPRAISED = 1;
export type Stage = 'self' | 'appraised';
const stageIndex = (which: Stage): number => (which === 'self' ? SELF : APPRAISED);

export class ScoreStore {
  /** Source row of each slot (1-based); 0 = the unit has no value for that leaf. */
  row: Int32Array;
  /** Index into `places` of each slot. */
  place: Int32Array;
  /** Order in which the slots were filled (1-based), for readers that write them back as read. */
  seq: Int32Array;
  /** Bit 1: the value came from a --survey file. */
  flags: Uint8Array;
  /** Per cell (slot × 2 + 0 self, 1 appraised): CELL_* kind, possibly with CELL_WARNED. */
  kind: Uint8Array;
  /** Per cell: points in ten-thousandths, for CELL_POINTS. */
  points: Int32Array;
  readonly places: SlotPlace[] = [];
  readonly big = new Map<number, Dec>();
  readonly problems = new Map<number, ValueProblem>();
  readonly warnings = new Map<number, ValueProblem>();
  /** The cells as read, by cell, with keepRaw (and only then: a national run needs none of them). */
  private readonly rawAll: CellValue[] | null;
  /** Without keepRaw, the N/A cells as read: E_NA_FORBIDDEN quotes them. */
  private readonly rawSome = new Map<number, CellValue>();
  /**
   * Reason, evidence and note by slot, with keepRaw only: just the reports that show them (the xlsx detail,
   * explain, convert) read them. A national file gives a quarter of its rows a reason, 60,000 objects
   * that outlived every collection of the run and were most of its live heap at the peak.
   */
  readonly texts = new Map<number, RowTexts>();
  private filled = 0;
  private readonly placeIds = new Map<string, number>();

  constructor(
    /** Leaves of the framework: slots per unit. */
    readonly leaves: number,
    /** Keep every cell as read (explain, the xlsx and html reports, convert show or write it). */
    readonly keepRaw: boolean,
    units = 64,
  ) {
    const slots = Math.max(1, units) * leaves;
    this.row = new Int32Array(slots);
    this.place = new Int32Array(slots);
    this.seq = new Int32Array(slots);
    this.flags = new Uint8Array(slots);
    this.kind = new Uint8Array(2 * slots);
    this.points = new Int32Array(2 * slots);
    this.rawAll = keepRaw ? [] : null;
  }

  /** Room for unit `index` (units are numbered 0, 1, 2… as they are met). */
  reserve(index: number): void {
    const need = (index + 1) * this.leaves;
    if (need <= this.row.length) return;
    // Half again as many, not twice: the arrays are most of what a national run holds.
    const slots = Math.max(need, Math.ceil((1.5 * this.row.length) / this.leaves) * this.leaves);
    const grow = <T extends Int32Array | Uint8Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.row = grow(this.row, slots);
    this.place = grow(this.place, slots);
    this.seq = grow(this.seq, slots);
    this.flags = grow(this.flags, slots);
    this.kind = grow(this.kind, 2 * slots);
    this.points = grow(this.points, 2 * slots);
  }

  /** The id of a place (file, sheet, value columns), shared by every slot read from it. */
  placeOf(file: string, sheet: string, selfCol: number, appraisedCol: number): number {
    const key = `${selfCol}|${appraisedCol}|${sheet}|${file}`;
    let id = this.placeIds.get(key);
    if (id === undefined) {
      id = this.places.length;
      this.places.push({ file, sheet, selfCol, appraisedCol });
      this.placeIds.set(key, id);
    }
    return id;
  }

  /** Marks a slot filled from `row` at `place`; its cells are set with the cell functions below. */
  fill(slot: number, row: number, place: number, survey: boolean, texts: RowTexts | null): void {
    this.row[slot] = row;
    this.place[slot] = place;
    this.seq[slot] = ++this.filled;
    this.flags[slot] = survey ? 1 : 0;
    if (texts !== null && this.keepRaw) this.texts.set(slot, texts);
  }

  has(slot: number): boolean {
    return this.row[slot]! > 0;
  }

  fromSurvey(slot: number): boolean {
    return (this.flags[slot]! & 1) !== 0;
  }

  /** The reason, evidence and note of the row a slot came from ('' when it had none, or without keepRaw). */
  textsOf(slot: number): RowTexts {
    return this.texts.get(slot) ?? NO_TEXTS;
  }

  /** Forgets the cells as read of a unit once it is scored (reports keep them only until then). */
  release(unit: number): void {
    if (this.rawAll === null) return;
    const from = 2 * unit * this.leaves;
    this.rawAll.fill(null, from, Math.min(this.rawAll.length, from + 2 * this.leaves));
  }

  /** Sets a cell's points, given in ten-thousandths: as such when they fit 32 bits, else as a Dec. */
  setPoints(cell: number, t: number, flags = 0): void {
    if (t <= 0x7fffffff && t >= -0x80000000) {
      this.kind[cell] = CELL_POINTS | flags;
      this.points[cell] = t;
    } else {
      this.kind[cell] = CELL_BIG | flags;
      this.big.set(cell, BigInt(t) * T_TO_DEC);
    }
  }

  /** Keeps a cell as read: every cell with keepRaw, an N/A cell always. */
  keepCell(cell: number, v: CellValue): void {
    if (this.rawAll !== null) {
      while (this.rawAll.length < cell) this.rawAll.push(null);
      this.rawAll[cell] = v;
    } else this.rawSome.set(cell, v);
  }

  /** The location of a slot's row, at the cell of `which` (or the row when the layout has no such column). */
  valueLocation(slot: number, which: Stage): Location {
    const p = this.places[this.place[slot]!]!;
    return cellLocation(p, this.row[slot]!, which === 'self' ? p.selfCol : p.appraisedCol);
  }

  /** Where a slot is reported (see rowLocation). */
  location(slot: number): Location {
    const self = this.kind[2 * slot]! !== CELL_EMPTY;
    const appraised = this.kind[2 * slot + 1]! !== CELL_EMPTY;
    return rowLocation(this.places[this.place[slot]!]!, this.row[slot]!, self, appraised);
  }

  /** The cell index of a slot's self or appraised value. */
  static cell(slot: number, which: Stage): number {
    return 2 * slot + stageIndex(which);
  }

  /** The cell as read: kept for every cell with keepRaw, else for those whose message quotes it. */
  rawOf(cell: number): CellValue {
    return (this.rawAll === null ? this.rawSome.get(cell) : this.rawAll[cell]) ?? null;
  }
}

const NO_TEXTS: RowTexts = { reason: '', evidence: '', note: '' };
const T_TO_DEC = 10n ** 8n;

/** Where a row's values are reported: its appraised value, else its self value, else its appraised column. */
export function rowLocation(p: SlotPlace, row: number, self: boolean, appraised: boolean): Location {
  if (!appraised && self) return cellLocation(p, row, p.selfCol);
  return cellLocation(p, row, p.appraisedCol >= 0 ? p.appraisedCol : p.selfCol);
}
