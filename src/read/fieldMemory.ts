/** Columns whose recent fields are remembered (a wider file's other columns are read without), and how many per column. */
const CACHED_COLUMNS = 64;
const CACHE_SLOTS = 256;

/** V8 copies substrings shorter than this; longer ones are views that keep their whole chunk alive. */
const SLICE_MIN = 13;

/**
 * A copy of a field that does not hold on to the ~256 KiB chunk it was cut from. Unit names and reasons
 * live until the end of the run: as views they kept every chunk of a national file (38 MB) in memory.
 * Slicing a concatenation makes V8 flatten it into a new string first, and the slice then views that.
 */
const unshared = (s: string): string => ` ${s}`.slice(1);

/**
 * The CSV tokenizer's fields as they are kept: cleaned (NFC), long ones copied off their chunk, and a
 * field met lately in its column given back as the same string, found equal in place. A long file names a
 * unit, a criterion code and a score on each of its rows; each is then neither a new string nor cleaned
 * again. Two memories per column (the first CACHED_COLUMNS): the last long field, which a unit's name on
 * each of its rows matches with no hash, and the fields seen lately by a hash of their characters.
 */
export class FieldMemory {
  private readonly seen: (string | undefined)[][] = [];
  private readonly kept: string[][] = [];
  private readonly lastSeen: (string | undefined)[] = [];
  private readonly lastKept: string[] = [];

  constructor(private readonly clean: (field: string) => string) {}

  /**
   * The field s[from, to) (not empty) of column `col` as it will be kept. `mayChange`: whether cleaning
   * may change it; when not, a short field is simply cut (V8 copies a short substring anyway).
   */
  field(s: string, from: number, to: number, col: number, mayChange: boolean): string {
    const length = to - from;
    if (length < SLICE_MIN && !mayChange) return s.slice(from, to);
    if (col >= CACHED_COLUMNS)
      return this.clean(length < SLICE_MIN ? s.slice(from, to) : unshared(s.slice(from, to)));
    if (length < SLICE_MIN) return this.cached(s, from, to, col, slot(s, from, to));
    const last = this.lastSeen[col];
    if (last !== undefined && last.length === length && s.startsWith(last, from)) return this.lastKept[col]!;
    const h = slot(s, from, to);
    const kept = this.cached(s, from, to, col, h);
    this.lastSeen[col] = this.seen[col]![h];
    this.lastKept[col] = kept;
    return kept;
  }

  /** The field s[from, to) through its column's hashed memory, in slot h. */
  private cached(s: string, from: number, to: number, col: number, h: number): string {
    const length = to - from;
    let seen = this.seen[col];
    if (seen === undefined) {
      seen = this.seen[col] = new Array<string | undefined>(CACHE_SLOTS);
      this.kept[col] = new Array<string>(CACHE_SLOTS);
    }
    const last = seen[h];
    if (last !== undefined && last.length === length && s.startsWith(last, from)) return this.kept[col]![h]!;
    const copy = length < SLICE_MIN ? s.slice(from, to) : unshared(s.slice(from, to));
    const kept = this.clean(copy);
    seen[h] = copy;
    this.kept[col]![h] = kept;
    return kept;
  }
}

/** Slot of the field s[from, to) in its column's memory: a hash of its length and three of its characters. */
function slot(s: string, from: number, to: number): number {
  const length = to - from;
  return (
    (length * 7 + s.charCodeAt(from) * 31 + s.charCodeAt(to - 1) * 131 + s.charCodeAt(from + (length >> 1))) &
    (CACHE_SLOTS - 1)
  );
}
