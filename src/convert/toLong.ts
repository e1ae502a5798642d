import type { CellValue, RawRow, SheetSource } from '../model/cell.js';
import type { Framework } from '../model/framework.js';
import { readScores } from '../parse/readScores.js';
import { ScoreBook } from '../parse/scoreBook.js';
import type { Layout } from '../parse/scoreHeader.js';
import type { ReadOptions } from '../read/openSheets.js';

/** The long layout's header as the fixtures and clerks write it (every cell an alias score recognises). */
export const LONG_HEADER = [
  'Đơn vị',
  'Khối',
  'Mã đơn vị',
  'Mã tiêu chí',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Lý do điều chỉnh',
  'Tài liệu kiểm chứng',
  'Ghi chú',
];

export interface ToLongInput {
  file: string;
  /** The input's sheets, cleaned as they stream (cleanSheets). */
  open: () => AsyncIterable<SheetSource>;
}

/** The long table: the ScoreBook the readers filled, and its rows, made one at a time when written. */
export interface LongTable {
  book: ScoreBook;
  width: number;
  /** Rows, header included. */
  height: number;
  rows(): Generator<RawRow>;
}

/**
 * Wide, form, survey (and long) tables → one long table, through the very readers `cchc score` uses: the
 * ScoreBook they fill is written out row by row (unit in first-appearance order, then its leaves in the
 * order read). What the readers reject is in `book.diagnostics`, so nothing is dropped without a word.
 * The book is held (units are gathered across rows and files); its rows are not.
 */
export async function toLong(
  inputs: readonly ToLongInput[],
  framework: Framework,
  groupNames: Map<string, string>,
  options: { sheet: string | undefined; layout: Layout | undefined; read: ReadOptions },
): Promise<LongTable> {
  const book = new ScoreBook(groupNames, { keepRaw: true });
  for (const input of inputs) {
    await readScores(input.file, 'scores', framework, book, {
      sheet: options.sheet,
      read: options.read,
      layout: options.layout,
      open: input.open,
    });
  }
  // The unit code column only when some unit has one.
  const codes = [...book.units.values()].some((u) => u.unitCode);
  const header = codes ? LONG_HEADER : LONG_HEADER.filter((_, i) => i !== 2);
  let height = 1;
  for (const unit of book.units.values()) height += book.valueCount(unit);
  return { book, width: header.length, height, rows: () => longRows(book, header, codes) };
}

function* longRows(book: ScoreBook, header: readonly string[], codes: boolean): Generator<RawRow> {
  let row = 1;
  yield { row, cells: [...header] };
  const text = (s: string): CellValue => (s === '' ? null : s);
  for (const unit of book.units.values()) {
    for (const entry of book.entriesOf(unit)) {
      const cells: CellValue[] = [
        unit.name,
        text(unit.group),
        unit.unitCode,
        entry.code,
        entry.self,
        entry.appraised,
        text(entry.reason),
        text(entry.evidence),
        text(entry.note),
      ];
      if (!codes) cells.splice(2, 1);
      yield { row: ++row, cells };
    }
  }
}
