import type { CellValue, RawRow } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import type { ColumnIgnored, LedgerColumn } from '../model/ledger.js';
import type { SheetTable } from './locateTable.js';
import type { ScoreHeader, ScoreRole } from './scoreHeader.js';

/** The fields each layout reads; the descriptive ones (STT, names, maximum) are known but not needed. */
const USED: Record<ScoreHeader['layout'], ReadonlySet<string>> = {
  long: new Set([
    'unit',
    'group',
    'unit_code',
    'criterion',
    'self',
    'appraised',
    'reason',
    'evidence',
    'note',
  ]),
  wide: new Set(['unit', 'group', 'unit_code', 'survey']),
  survey: new Set(['unit', 'group', 'unit_code', 'survey']),
  form: new Set(['criterion', 'self', 'appraised', 'reason', 'evidence', 'note']),
};
const DESCRIPTIVE = new Set(['stt', 'criterion_name', 'max']);

const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)*\s*%?$|^\d+\s*\/\s*\d+$/;

const looksNumeric = (v: CellValue): boolean =>
  typeof v === 'number' || (typeof v === 'string' && NUMBER_TEXT.test(v.trim()));

/**
 * The ledger's account of a score table's columns: the role each one is read for, or why it is not read.
 * A column the reader ignores is reported — an info when it holds text, a warning when it holds numbers
 * (`Điểm năm 2024`, `Tỷ lệ %`, `Tổng điểm`: figures a clerk may have meant to be read) — once the rows
 * below have shown which.
 */
export function scoreColumns(t: SheetTable<ScoreHeader>, framework: Framework, role: ScoreRole) {
  const { header } = t;
  const { map, layout } = header;
  const columns: LedgerColumn[] = [];
  const text = (index: number) => map.texts[index] ?? '';
  const used = new Set(USED[layout]);
  if (layout === 'form' && !map.fields.has('criterion')) used.add('stt');
  // A survey file's single value column (no self or appraised column beside it) is its value.
  if (layout === 'long' && role === 'survey' && !map.fields.has('self') && !map.fields.has('appraised'))
    used.add('value').add('survey');
  const watched = new Map<number, LedgerColumn>();
  const watch = (col: LedgerColumn) => {
    columns.push(col);
    watched.set(col.index, col);
  };
  for (const [field, index] of map.fields) {
    if (used.has(field) || DESCRIPTIVE.has(field)) columns.push({ index, header: text(index), role: field });
    else watch({ index, header: text(index), role: null, ignored: 'text' });
  }
  for (const cols of map.duplicates.values())
    for (const index of cols.slice(1))
      columns.push({ index, header: text(index), role: null, ignored: 'duplicate' });
  for (const index of map.ambiguous?.keys() ?? [])
    columns.push({ index, header: text(index), role: null, ignored: 'ambiguous' });
  const codeColumns = new Map(header.columns.map((c) => [c.index, c]));
  for (const { index, text: h } of map.others) {
    if (map.ambiguous?.has(index)) continue;
    const c = codeColumns.get(index);
    if (c?.kind === 'leaf') {
      const notSurvey = role === 'survey' && framework.byCode.get(c.code)?.component !== 'survey';
      columns.push({
        index,
        header: h,
        role: 'leaf',
        code: c.code,
        value: c.value,
        ...(notSurvey ? { role: null, ignored: 'not-survey' as const } : {}),
      });
    } else if (c?.kind === 'parent')
      columns.push({ index, header: h, role: null, code: c.code, ignored: 'parent' });
    else if (c?.kind === 'unknown')
      columns.push({ index, header: h, role: null, code: c.code, ignored: 'unknown-code' });
    else if (c?.kind === 'duplicate')
      columns.push({ index, header: h, role: null, code: c.code, ignored: 'duplicate' });
    else watch({ index, header: h, role: null, ignored: 'text' });
  }
  columns.sort((a, b) => a.index - b.index);
  t.ledger.columns = columns;

  return {
    /** Looks at a data row's cells in the ignored text columns, for numbers. */
    watch(raw: RawRow): void {
      if (watched.size === 0) return;
      for (const [index, col] of watched) {
        if (looksNumeric(raw.cells[index] ?? null)) {
          col.ignored = 'numbers';
          watched.delete(index);
        }
      }
    },
    /** The diagnostics about the columns, once the rows are read. */
    finish(): Diagnostic[] {
      const out: Diagnostic[] = [];
      const row = t.headerRow;
      const at = (index: number) => {
        const column = columnLetter(index);
        return { file: t.file, sheet: t.sheet, row, column, cell: `${column}${row}` };
      };
      for (const col of columns) {
        const reported: ColumnIgnored[] = ['text', 'numbers', 'parent'];
        if (col.ignored === 'ambiguous') {
          const fields = map.ambiguous?.get(col.index) ?? [];
          out.push(
            diag('E_HEADER_AMBIGUOUS', 'error', at(col.index), {
              found: col.header,
              fields: fields.join(', '),
            }),
          );
        } else if (col.ignored && reported.includes(col.ignored)) {
          const numbers = col.ignored === 'numbers';
          out.push(
            diag(
              numbers ? 'W_COLUMN_IGNORED' : 'I_COLUMN_IGNORED',
              numbers ? 'warning' : 'info',
              at(col.index),
              { found: col.header },
            ),
          );
        }
      }
      return out;
    },
  };
}
