/**
 * What one input may make the readers hold. Memory is bounded by these limits, not by luck: a 730 KB
 * xlsx of 100 million empty shared strings once took 1.95 GB. Each limit stops the read with an error
 * that names it and the option that raises it (--max-rows, --max-inflated-bytes, --max-cell-chars,
 * --max-shared-strings, --max-shared-chars, --max-sheets, --max-columns, --max-merges; the same keys in cchc.config.json).
 * The defaults keep any run under 512 MB and are far above what a real workbook holds.
 */
export interface ReadLimits {
  /** Rows per sheet (E_TOO_MANY_ROWS). */
  maxRows: number;
  /** Bytes inflated from one xlsx (E_ZIP_TOO_LARGE). */
  maxInflatedBytes: number;
  /** Characters of one cell's text, a shared string included (E_CELL_TOO_LONG). Excel's own cap is 32,767. */
  maxCellChars: number;
  /** Items of a workbook's shared strings table (E_TOO_MANY_SHARED_STRINGS). */
  maxSharedStrings: number;
  /** Characters of all shared strings together (E_SHARED_STRINGS_TOO_LARGE). */
  maxSharedChars: number;
  /** Sheets of one workbook (E_TOO_MANY_SHEETS). */
  maxSheets: number;
  /**
   * Columns a worksheet row may fill with values (E_TOO_MANY_COLUMNS). Rows are dense, so this bounds the
   * memory and time one short row can cost; 1,024 is LibreOffice's long-standing column count.
   */
  maxColumns: number;
  /** Merged ranges of one worksheet (E_TOO_MANY_MERGES). */
  maxMerges: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = {
  maxRows: 2_000_000,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxCellChars: 1024 * 1024,
  maxSharedStrings: 2_000_000,
  maxSharedChars: 64 * 1024 * 1024,
  maxSheets: 10_000,
  maxColumns: 1024,
  maxMerges: 1_000_000,
};

/** The limits asked for, the defaults for the others. */
export function readLimits(options: Partial<ReadLimits>): ReadLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReadLimits)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
