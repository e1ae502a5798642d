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

/** "scores.xlsx › Xã › D7" — the place a message is about, as much of it as is known. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.sheet && loc.sheet !== baseName(loc.file)) parts.push(loc.sheet);
  if (loc.cell) parts.push(loc.cell);
  else if (loc.row !== undefined) parts.push(`${loc.column ?? ''}${loc.row}`);
  else if (loc.column) parts.push(loc.column);
  return parts.join(' › ');
}

function baseName(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const b = file.split(/[\\/]/).pop() ?? file;
  return b.replace(/\.[^.]+$/, '');
}
