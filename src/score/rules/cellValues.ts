import type { CellValue } from '../../model/cell.js';
import { isCellError } from '../../model/cell.js';
import { type Dec, decFromNumber, parseDec, SCALE } from '../../model/decimal.js';
import type { DiagnosticArgs } from '../../model/diagnostic.js';
import { labelKey } from '../../model/normalize.js';

/** A problem with one cell's value: a diagnostic code and its message arguments (location added by the caller). */
export interface ValueProblem {
  code: string;
  args: DiagnosticArgs;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: string, args: DiagnosticArgs = {}): Parsed<never> => ({
  ok: false,
  problem: { code, args },
});

const NA_WORDS = new Set(['kps', 'khong phat sinh', 'n/a', 'na', '-', '–', '—', 'không phát sinh']);

/** KPS, không phát sinh, N/A, - (any case, with or without diacritics). */
export function isNaText(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return false; // a digit: a value, never an N/A word (the common case)
  return NA_WORDS.has(labelKey(text));
}

const FROM_THOUSANDTHS = SCALE / 1000n;

/**
 * "1", "0,75", "29.5" in text[from, to): up to 9 digits, then a comma or a dot and up to 3 decimals, as
 * thousandths; -1 for anything else. Nearly every cell of a national run is one of these, so this is a
 * plain loop rather than a regex match and its captures (the store's fast paths read ratios with it too).
 */
export function thousandthsIn(text: string, from = 0, to = text.length): number {
  let whole = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === from || i - from > 9) return -1;
  if (i === to) return whole * 1000;
  const mark = text.charCodeAt(i);
  const decimals = to - i - 1;
  if ((mark !== 44 && mark !== 46) || decimals < 1 || decimals > 3) return -1;
  let frac = 0;
  for (let j = i + 1; j < i + 4; j++) {
    const c = j < to ? text.charCodeAt(j) - 48 : 0;
    if (c < 0 || c > 9) return -1;
    frac = frac * 10 + c;
  }
  return whole * 1000 + frac;
}

/**
 * A decimal written by a Vietnamese or English clerk: "1,5", "1.5", " 2 ", "1.234,5", "1,234.5".
 * One separator is the decimal mark, whichever it is; with both, the last one is.
 */
export function parseNumberText(text: string): Dec | null {
  // Fast path: below 10^12 thousandths, so exact in a double, and the same value the general path finds.
  const thousandths = thousandthsIn(text);
  if (thousandths >= 0) return BigInt(thousandths) * FROM_THOUSANDTHS;
  return parseNumberGeneral(text);
}

/** parseNumberText without the fast path (exported for the test that holds the two together). */
export function parseNumberGeneral(text: string): Dec | null {
  let s = text.replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalMark = lastComma > lastDot ? ',' : '.';
    const thousands = decimalMark === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(',', '.');
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) return null; // "1,2,3" is not a number
    s = s.replace(',', '.');
  } else if (lastDot >= 0 && s.indexOf('.') !== lastDot) {
    return null;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  return parseDec(s);
}

/** Errors common to every rule: Excel error cells, formulas without a cached value, dates. */
export function cellProblem(v: CellValue): ValueProblem | null {
  if (isCellError(v)) {
    if (v.error === '#CORRUPT') return { code: 'E_CELL_CORRUPT', args: { found: v.found, reason: v.kind } };
    return v.error === 'NO_CACHED_VALUE'
      ? { code: 'E_FORMULA_NO_VALUE', args: {} }
      : { code: 'E_CELL_ERROR', args: { found: v.error } };
  }
  if (v instanceof Date) {
    return {
      code: 'E_VALUE_DATE',
      args: { found: Number.isNaN(v.getTime()) ? '?' : v.toISOString().slice(0, 10) },
    };
  }
  return null;
}

function cellFailure(v: CellValue): Parsed<never> | null {
  const p = cellProblem(v);
  return p ? { ok: false, problem: p } : null;
}

export function cellNumber(v: CellValue, display: string): Parsed<Dec> {
  const problem = cellFailure(v);
  if (problem) return problem;
  if (typeof v === 'number') {
    const d = decFromNumber(v);
    return d === null ? fail('E_VALUE_NOT_NUMBER', { found: display }) : ok(d);
  }
  if (typeof v === 'string') {
    const d = parseNumberText(v);
    return d === null ? fail('E_VALUE_NOT_NUMBER', { found: display }) : ok(d);
  }
  return fail('E_VALUE_NOT_NUMBER', { found: display });
}

export interface Ratio {
  num: Dec;
  den: Dec;
}

/** "14/19", "73,68%", "0.7368" or a numeric cell (Excel stores 73,68% as 0.7368). */
export function cellRatio(v: CellValue, display: string): Parsed<Ratio> {
  const problem = cellFailure(v);
  if (problem) return problem;
  if (typeof v === 'number') {
    const d = decFromNumber(v);
    return d === null ? fail('E_VALUE_NOT_RATIO', { found: display }) : ok({ num: d, den: SCALE });
  }
  if (typeof v !== 'string') return fail('E_VALUE_NOT_RATIO', { found: display });
  const text = v.trim();
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const num = parseNumberText(text.slice(0, slash));
    const den = parseNumberText(text.slice(slash + 1));
    if (num === null || den === null) return fail('E_VALUE_NOT_RATIO', { found: display });
    if (den === 0n) return fail('E_RATIO_ZERO_DENOMINATOR', { found: display });
    return den < 0n ? ok({ num: -num, den: -den }) : ok({ num, den });
  }
  if (text.endsWith('%')) {
    const pct = parseNumberText(text.slice(0, -1));
    return pct === null ? fail('E_VALUE_NOT_RATIO', { found: display }) : ok({ num: pct, den: 100n * SCALE });
  }
  const d = parseNumberText(text);
  return d === null ? fail('E_VALUE_NOT_RATIO', { found: display }) : ok({ num: d, den: SCALE });
}

const YES = new Set(['co', 'yes', 'y', 'x', '1', 'dat', 'true', 'đat', 'co thuc hien', 'da thuc hien']);
const NO = new Set([
  'khong',
  'no',
  'n',
  '0',
  'khong dat',
  'false',
  'chua',
  'chua thuc hien',
  'khong thuc hien',
]);

export function cellYesNo(v: CellValue, display: string): Parsed<boolean> {
  const problem = cellFailure(v);
  if (problem) return problem;
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') {
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
  }
  const key = labelKey(display);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail('E_VALUE_NOT_YESNO', { found: display });
}
