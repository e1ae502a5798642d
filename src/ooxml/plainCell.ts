import type { SheetContext } from './cellValue.js';
import type { SheetCell } from './sheetRow.js';

/**
 * The cell as Excel and exceljs write nearly every one of them, read from the worksheet's bytes at b[lt]:
 *
 *   <c r="B7"( s="3")?( t="s")?>(<v>text</v>)?</c>
 *
 * (`r` first, then optional `s` and `t`, then an optional plain <v>: no entity, no carriage return, closed
 * at once) — the language the string scanner matches with its PLAIN_CELL expression. Reading bytes, not
 * decoded text, costs a load per byte instead of a string access per character, and the two commonest
 * values are read straight from the bytes: a shared-string index and a plain decimal number. Anything
 * else is left to the string scanner (NOT_PLAIN), and a cell cut by the chunk's end is read again whole
 * (NEED_MORE).
 */
export interface PlainCell {
  /** 0-based column of `r` (past XFD for a bad reference: the string scanner then refuses it). */
  col: number;
  /** `s`, 0 when absent. */
  style: number;
  /** `t`: absent (''), 's', 'n', or another type the fast path does not read. */
  type: '' | 's' | 'n' | 'other';
  /** The text of <v> is b[from, to); from = -1 when the cell has no <v>. */
  from: number;
  to: number;
}

export const NOT_PLAIN = -1;
export const NEED_MORE = -2;

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const SPACE = 0x20;
const SLASH = 0x2f;
const EQUALS = 0x3d;

/** The index just after a plain cell starting at b[lt] (its parts in `out`), NOT_PLAIN or NEED_MORE. */
export function plainCellAt(b: Uint8Array, lt: number, out: PlainCell): number {
  const n = b.length;
  if (lt + 6 > n) return NEED_MORE;
  // '<c r="'
  if (b[lt + 1] !== 0x63 || b[lt + 2] !== SPACE || b[lt + 3] !== 0x72 || b[lt + 4] !== EQUALS)
    return NOT_PLAIN;
  if (b[lt + 5] !== QUOTE) return NOT_PLAIN;
  let i = lt + 6;
  let col = 0;
  const letters = i;
  while (i < n && b[i]! >= 65 && b[i]! <= 90) col = col * 26 + b[i++]! - 64;
  const digits = i;
  while (i < n && isDigit(b[i]!)) i++;
  if (i >= n) return NEED_MORE;
  if (digits === letters || digits - letters > 3 || i === digits || b[i] !== QUOTE) return NOT_PLAIN;
  i++;
  let style = 0;
  if (i + 4 > n) return NEED_MORE;
  if (b[i] === SPACE && b[i + 1] === 0x73 && b[i + 2] === EQUALS) {
    // ' s="'
    if (b[i + 3] !== QUOTE) return NOT_PLAIN;
    i += 4;
    const from = i;
    while (i < n && isDigit(b[i]!)) style = style * 10 + b[i++]! - 48;
    if (i >= n) return NEED_MORE;
    if (i === from || b[i] !== QUOTE) return NOT_PLAIN;
    i++;
  }
  let type: PlainCell['type'] = '';
  if (i + 4 > n) return NEED_MORE;
  if (b[i] === SPACE && b[i + 1] === 0x74 && b[i + 2] === EQUALS) {
    // ' t="'
    if (b[i + 3] !== QUOTE) return NOT_PLAIN;
    i += 4;
    const from = i;
    while (i < n && isLetter(b[i]!)) i++;
    if (i >= n) return NEED_MORE;
    if (i === from || b[i] !== QUOTE) return NOT_PLAIN;
    type = i - from !== 1 ? 'other' : b[from] === 0x73 ? 's' : b[from] === 0x6e ? 'n' : 'other';
    i++;
  }
  if (i >= n) return NEED_MORE;
  if (b[i] !== GT) return NOT_PLAIN;
  i++;
  let from = -1;
  let to = -1;
  if (i + 3 > n) return NEED_MORE;
  if (b[i] === LT && b[i + 1] === 0x76 && b[i + 2] === GT) {
    // '<v>' … '</v>'
    i += 3;
    from = i;
    for (; i < n; i++) {
      const c = b[i]!;
      if (c === LT) break;
      if (c === 0x26 || c === 0x0d) return NOT_PLAIN; // an entity or a carriage return
    }
    to = i;
    if (i + 4 > n) return NEED_MORE;
    if (b[i + 1] !== SLASH || b[i + 2] !== 0x76 || b[i + 3] !== GT) return NOT_PLAIN;
    i += 4;
  }
  // '</c>'
  if (i + 4 > n) return NEED_MORE;
  if (b[i] !== LT || b[i + 1] !== SLASH || b[i + 2] !== 0x63 || b[i + 3] !== GT) return NOT_PLAIN;
  out.col = col - 1;
  out.style = style;
  out.type = type;
  out.from = from;
  out.to = to;
  return i + 4;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Not read by the fast path: the cell takes the general one. */
export const UNREAD = Symbol('unread');

/**
 * The value of a plain cell (read into `p`) when it is one that cellValue would give without a doubt — a
 * shared string, a plain decimal number in a cell that is not a date, an empty cell — else UNREAD: corrupt
 * values, dates, other types and long text take the general path.
 */
export function plainValue(b: Uint8Array, p: PlainCell, ctx: SheetContext): SheetCell | typeof UNREAD {
  const { col, style, type, from, to } = p;
  if (col > 16383) return UNREAD; // past XFD: the general path refuses it
  if (from < 0) return null; // no <v>, no formula: an empty (styled) cell
  if (to - from > ctx.maxCellChars) return UNREAD;
  if (type === 's') {
    const index = indexIn(b, from, to);
    const text = index < 0 ? undefined : ctx.sharedStrings?.[index];
    if (text === undefined) return UNREAD;
    return text === '' ? null : text;
  }
  if (type !== '' && type !== 'n') return UNREAD;
  if (ctx.isDateStyle(style)) return UNREAD;
  const v = decimalIn(b, from, to);
  return Number.isNaN(v) ? UNREAD : v;
}

/** A shared-string index written as plain digits (1 to 10) in b[from, to); -1 otherwise. */
export function indexIn(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 10) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * A decimal number in b[from, to) — an optional minus, digits, an optional point and digits, 15
 * significant digits at most — as the double Number() reads from its text; NaN for anything else (the
 * general path reads those). With at most 15 digits the digits form an integer below 2^53 and the power of
 * ten is exact, so their one correctly rounded division is exactly the double nearest the text.
 */
export function decimalIn(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = i < to && b[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = b[i]!;
    if (c === 0x2e) {
      if (decimals >= 0) return Number.NaN;
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return Number.NaN;
    mantissa = mantissa * 10 + d;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15 || decimals === 0) return Number.NaN;
  const value = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
  return negative ? -value : value;
}
