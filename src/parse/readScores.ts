import { type CellValue, columnLetter, pumpRows, type RawRow } from '../model/cell.js';
import { diag } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import { cellText, isBlank } from '../model/normalize.js';
import { cellLocation } from '../model/scores.js';
import { describeFields, extraCell, extraCellWarning, SCORE_FIELDS } from './headers.js';
import { locateTables, type SheetsOptions, type SheetTable } from './locateTable.js';
import { MergeFill } from './mergeFill.js';
import { readFormTable } from './readForm.js';
import type { ScoreBook } from './scoreBook.js';
import { scoreColumns } from './scoreColumns.js';
import {
  detectScoreHeader,
  duplicateHeaderDiagnostics,
  type Layout,
  type ScoreHeader,
  type ScoreRole,
  scoreKeyColumns,
} from './scoreHeader.js';
import { headerDiagnostics } from './scoreLeaf.js';
import { columnsOf, keyCellError, type RowContext } from './scoreRowContext.js';
import { ROW_READERS } from './scoreRows.js';
import { setAsideSheet } from './setAside.js';

export type { ScoreRole } from './scoreHeader.js';
export { soleSurveyLeaf } from './scoreLeaf.js';

/**
 * Reads one --scores or --survey file into the book: every sheet whose header is recognised (long, wide,
 * survey or form layout), each row read, set aside (a blank "not entered" row) or rejected by a
 * diagnostic, and every sheet and column written down in the book's ledger.
 */
export async function readScores(
  file: string,
  role: ScoreRole,
  framework: Framework,
  book: ScoreBook,
  options: SheetsOptions & { layout?: Layout | undefined },
): Promise<void> {
  // --layout is about the score files; a survey file's layout (often one value column) is always detected.
  const layout = role === 'survey' ? undefined : options.layout;
  const expected =
    layout === 'form'
      ? describeFields(SCORE_FIELDS, ['stt', 'criterion', 'self', 'appraised'])
      : describeFields(SCORE_FIELDS, ['unit', 'group', 'criterion', 'self', 'appraised']);
  book.use(framework);
  const ledger = options.ledger ?? book.ledger.file(file, role);
  const spec = {
    detect: (block: Parameters<typeof detectScoreHeader>[0]) =>
      detectScoreHeader(block, framework, layout, role),
    keyColumns: scoreKeyColumns,
    fit: (h: ScoreHeader) => h.map.fields.size + h.columns.filter((c) => c.kind === 'leaf').length,
    expected,
    everySheet: true,
    setAside: setAsideSheet,
  };
  const located = await locateTables(file, { ...options, ledger }, spec, async (t) => {
    t.ledger.layout = t.header.layout;
    const columns = scoreColumns(t, framework, role);
    if (t.header.layout === 'form')
      await readFormTable({ ...t, rows: watching(t.rows, columns.watch) }, framework, book, role);
    else await readTable(t, framework, book, role, columns.watch);
    // A form left blank is set aside whole: its columns say nothing about what was read.
    if (t.ledger.status === 'read') book.diagnostics.push(...columns.finish());
  });
  book.diagnostics.push(...located);
}

async function* watching(rows: AsyncIterable<RawRow>, watch: (raw: RawRow) => void): AsyncGenerator<RawRow> {
  for await (const raw of rows) {
    watch(raw);
    yield raw;
  }
}

async function readTable(
  t: SheetTable<ScoreHeader>,
  framework: Framework,
  book: ScoreBook,
  role: ScoreRole,
  watch: (raw: RawRow) => void,
): Promise<void> {
  const where = { file: t.file, sheet: t.sheet };
  book.diagnostics.push(...duplicateHeaderDiagnostics(t.header.map, where, t.headerRow));
  book.diagnostics.push(...headerDiagnostics(t.header, framework, where, t.headerRow, role));
  const read = ROW_READERS[t.header.layout as 'long' | 'wide' | 'survey'];
  const cols = columnsOf(t.header);
  // Unit, group and unit code merged down over a unit's rows: filled from the merge's first row (in a CSV,
  // which keeps no merges, from the nearest value above, and said).
  const fill = new MergeFill(
    [cols.unit, cols.group, cols.unitCode].filter((c) => c >= 0),
    t.merges,
    t.flat,
    (raw) => cols.unit >= 0 && cols.isTotal(cols.unitText(raw.cells[cols.unit] ?? null)),
  );
  const ctx: RowContext = {
    raw: { row: 0, cells: [] },
    where,
    header: t.header,
    cols,
    ledger: t.ledger,
    framework,
    book,
    role,
    above: (column, row) => fill.above(column, row),
    seen: new Set(),
    lastUnit: null,
    longPlace: book.store.placeOf(where.file, where.sheet, cols.longSelf, cols.longAppraised),
    codes: new Map(),
    same: null,
    keyCols: [cols.unit, cols.group, cols.unitCode, t.header.layout === 'long' ? cols.criterion : -1].filter(
      (c) => c >= 0,
    ),
  };
  const handle = (raw: RawRow) => {
    ctx.raw = raw;
    if (!keyCellError(ctx)) read(ctx);
  };
  // One row object for the whole table: the reader lends each row's cells for the call only.
  const current: RawRow = { row: 0, cells: [] };
  await pumpRows(t.rows, (row, cells) => {
    if (isBlankRow(cells)) return;
    current.row = row;
    current.cells = cells as CellValue[];
    watch(current);
    const extra = extraCell(cells, t.header.map);
    if (extra !== null) book.diagnostics.push(extraCellWarning(where, row, extra, cells[extra] ?? null));
    const ready = fill.take(current);
    if (ready) handle(ready);
  });
  for (const raw of fill.rest()) handle(raw);
  for (const f of fill.filled) {
    const from = `${columnLetter(f.column)}${f.from}`;
    const args = { count: f.count, found: cellText(f.value), from };
    book.diagnostics.push(diag('W_CELLS_FILLED_DOWN', 'warning', cellLocation(where, f.row, f.column), args));
  }
}

function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}
