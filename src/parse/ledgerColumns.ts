import type { LedgerColumn } from '../model/ledger.js';
import type { HeaderMap } from './headers.js';

const isHeaderMap = (h: unknown): h is HeaderMap =>
  typeof h === 'object' &&
  h !== null &&
  (h as HeaderMap).fields instanceof Map &&
  Array.isArray((h as HeaderMap).others);

/** The ledger's columns of a plain header (criteria, bands, previous results): each field, then the rest. */
export function describeMap(header: unknown): LedgerColumn[] {
  if (!isHeaderMap(header)) return [];
  const text = (index: number) => header.texts[index] ?? '';
  const columns: LedgerColumn[] = [];
  for (const [field, index] of header.fields) columns.push({ index, header: text(index), role: field });
  for (const cols of header.duplicates.values())
    for (const index of cols.slice(1))
      columns.push({ index, header: text(index), role: null, ignored: 'duplicate' });
  for (const { index, text } of header.others)
    columns.push({ index, header: text, role: null, ignored: 'text' });
  return columns.sort((a, b) => a.index - b.index);
}
