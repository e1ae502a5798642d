import { columnLetter } from '../model/cell.js';
import type { Ledger, LedgerSheet } from '../model/ledger.js';

/** The rows of a score or survey sheet: read = scored + rejected; headings, subtotals and blanks apart. */
function rows(s: LedgerSheet) {
  const { read, rejected, headings, subtotals, blank } = s.rows;
  return { read, scored: read - rejected, rejected, headings, subtotals, blank };
}

/**
 * `cchc inspect --format json` (schema cchc.inspect/1, docs/schema/cchc.inspect.schema.json): the readers'
 * ledger as it is, and the diagnostics (as records, in the run's language).
 */
export function inspectDocument(ledger: Ledger, checked: boolean, diagnostics: readonly unknown[]) {
  const totals = { read: 0, scored: 0, rejected: 0 };
  const files = ledger.files.map((f) => ({
    file: f.file,
    role: f.role,
    sheets: f.sheets.map((s) => {
      const counted = f.role === 'criteria' ? null : rows(s);
      if (counted) {
        totals.read += counted.read;
        totals.scored += counted.scored;
        totals.rejected += counted.rejected;
      }
      return {
        sheet: s.sheet,
        index: s.index,
        status: s.status,
        reason: s.reason ?? null,
        layout: s.layout ?? null,
        header: s.header ?? null,
        columns: s.columns.map((c) => ({
          column: columnLetter(c.index),
          header: c.header,
          role: c.role,
          code: c.code ?? null,
          value: c.value ?? null,
          ignored: c.ignored ?? null,
        })),
        units: s.units,
        rows: counted,
      };
    }),
  }));
  return { schema: 'cchc.inspect/1', checked, files, rows: totals, diagnostics };
}
