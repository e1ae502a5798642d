/**
 * Diagnostics are data: a stable code, a severity, where it happened and the values the message needs.
 * Words are produced in one place only (src/i18n/format.ts), per language.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  file?: string;
  sheet?: string;
  /** 1-based row number in the sheet or CSV file (header rows count). */
  row?: number;
  /** Column letter (A, B, …, AA). */
  column?: string;
  /** A1-style cell reference, e.g. "D7". */
  cell?: string;
}

/** Values interpolated into a message. Strings are shown as found; numbers are formatted per language. */
export type DiagnosticArgs = Record<string, string | number | undefined>;

export interface Diagnostic {
  code: string;
  severity: Severity;
  location: Location;
  args: DiagnosticArgs;
}

export function diag(
  code: string,
  severity: Severity,
  location: Location,
  args: DiagnosticArgs = {},
): Diagnostic {
  return { code, severity, location, args };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Identifies an input row ("file|sheet|row"), to count each row once as scored or rejected. */
export const rowId = (loc: Location): string => `${loc.file}|${loc.sheet}|${loc.row}`;
