import type { CellValue, RawRow } from '../model/cell.js';
import type { Framework } from '../model/framework.js';
import { readScores } from '../parse/readScores.js';
import { ScoreBook } from '../parse/scoreBook.js';
import type { Layout } from '../parse/scoreHeader.js';
import type { ReadOptions } from '../read/openSheets.js';
import { memorySheets, type Sheet } from './cleanFile.js';

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
  sheets: readonly Sheet[];
}

/**
 * Wide, form, survey (and long) tables → one long table, through the very readers `cchc score` uses: the
 * ScoreBook they fill is written out row by row (unit in first-appearance order, then its leaves in the
 * order read). What the readers reject is in `book.diagnostics`, so nothing is dropped without a word.
 */
export async function toLong(
  inputs: readonly ToLongInput[],
  framework: Framework,
  groupNames: Map<string, string>,
  options: { sheet: string | undefined; layout: Layout | undefined; read: ReadOptions },
): Promise<{ rows: RawRow[]; book: ScoreBook }> {
  const book = new ScoreBook(groupNames);
  for (const input of inputs) {
    const open = () => memorySheets(input.sheets);
    await readScores(input.file, 'scores', framework, book, {
      sheet: options.sheet,
      read: options.read,
      layout: options.layout,
      open,
    });
  }
  const rows: RawRow[] = [{ row: 1, cells: [...LONG_HEADER] }];
  const text = (s: string): CellValue => (s === '' ? null : s);
  for (const unit of book.units.values()) {
    for (const entry of [...unit.entries.values(), ...unit.survey.values()]) {
      rows.push({
        row: rows.length + 1,
        cells: [
          unit.name,
          text(unit.group),
          unit.unitCode,
          entry.code,
          entry.self,
          entry.appraised,
          text(entry.reason),
          text(entry.evidence),
          text(entry.note),
        ],
      });
    }
  }
  // The unit code column only when some unit has one.
  if (![...book.units.values()].some((u) => u.unitCode)) for (const r of rows) r.cells.splice(2, 1);
  return { rows, book };
}
