import type { Diagnostic, Location } from '../model/diagnostic.js';
import type { Lang } from '../model/settings.js';
import { MESSAGES } from './messages.js';

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

/** The diagnostic's sentence in the given language, without its location. */
export function formatMessage(d: Pick<Diagnostic, 'code' | 'args'>, lang: Lang): string {
  const entry = MESSAGES[d.code];
  if (!entry) return `${d.code} ${JSON.stringify(d.args)}`;
  return entry[lang](d.args);
}

/** "scores.xlsx › Xã › D7: 3,5 vượt điểm tối đa 3 của 2.1.1" */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = formatLocation(d.location);
  const text = formatMessage(d, lang);
  return where ? `${where}: ${text}` : text;
}
