import { type Diagnostic, formatLocation } from '../model/diagnostic.js';
import type { Lang } from '../model/settings.js';
import { MESSAGES } from './messages.js';

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
