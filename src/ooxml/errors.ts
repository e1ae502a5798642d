/**
 * What the format code throws. The OOXML layer knows nothing of the product, so it names the problem with
 * one of these codes, which the readers above turn into the user's error (read/source.ts readError).
 */
export type FormatErrorCode =
  | 'E_FILE_CORRUPT'
  | 'E_ZIP_TOO_LARGE'
  | 'E_ZIP_RATIO'
  | 'E_FILE_ENCRYPTED'
  | 'E_CELL_TOO_LONG'
  | 'E_TOO_MANY_SHARED_STRINGS'
  | 'E_SHARED_STRINGS_TOO_LARGE'
  | 'E_TOO_MANY_SHEETS'
  | 'E_TOO_MANY_COLUMNS';

/**
 * Makes the error for a damaged part, from a reason code ('xml-ends-in-tag', 'cell-reference', …) and the
 * values it names (`tag`, `found`, `limit`): the caller adds the file and the part; the words are made above.
 */
export type Corrupt = (reason: string, args?: Record<string, string | number>) => Error;

export class FormatError extends Error {
  constructor(
    readonly code: FormatErrorCode,
    readonly args: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(args)}`);
    this.name = 'FormatError';
  }
}
