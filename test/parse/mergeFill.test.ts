// Fill-down of merged unit/group cells when the sheet's merges are known only after its rows (a streamed
// xlsx lists them after the cells), with a SheetSource whose merges() this test controls.
import { describe, expect, it } from 'vitest';
import type { CellRange, CellValue, RawRow, SheetSource } from '../../src/model/cell.js';
import { buildFramework } from '../../src/parse/buildFramework.js';
import { MergeFill } from '../../src/parse/mergeFill.js';
import { readScores } from '../../src/parse/readScores.js';
import { ScoreBook } from '../../src/parse/scoreBook.js';
import { row } from './criteriaRows.js';

const { framework } = buildFramework([row('1', '70'), row('1.1', '30'), row('1.2', '40')], new Map());

const range = (top: number, left: number, bottom: number, right: number): CellRange => ({
  top,
  left,
  bottom,
  right,
});

/** One sheet whose merges appear only once its last row has been handed out (`late`), or from the start. */
function sheet(cells: CellValue[][], merges: CellRange[], late: boolean): SheetSource {
  let done = !late;
  return {
    file: 'scores.xlsx',
    sheet: 'Điểm',
    index: 1,
    hidden: false,
    merges: () => (done ? merges : []),
    rows: async function* () {
      for (const [i, c] of cells.entries()) yield { row: i + 1, cells: c } satisfies RawRow;
      done = true;
    },
  };
}

const CELLS: CellValue[][] = [
  ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm thẩm định'],
  ['Xã A', 'Xã', '1.1', 20],
  [null, null, '1.2', 30],
  ['Xã B', null, '1.1', 25],
  [null, null, '1.2', 35],
  [null, null, '1.2', 1], // outside B's merge (rows 4–5): not filled, not guessed
];
const MERGES = [range(2, 0, 3, 0), range(2, 1, 5, 1), range(4, 0, 5, 0)];

async function read(late: boolean) {
  const book = new ScoreBook(new Map());
  await readScores('scores.xlsx', 'scores', framework, book, {
    read: {},
    open: async function* () {
      yield sheet(CELLS, MERGES, late);
    },
  });
  return book;
}

describe('merged unit and group cells', () => {
  for (const late of [false, true]) {
    it(`are filled down from the merge's first cell (merges known ${late ? 'after the rows' : 'at once'})`, async () => {
      const book = await read(late);
      const units = [...book.units.values()].map((u) => [
        u.name,
        u.group,
        book.entriesOf(u).map((e) => e.code),
      ]);
      expect(units).toEqual([
        ['Xã A', 'Xã', ['1.1', '1.2']],
        ['Xã B', 'Xã', ['1.1', '1.2']],
      ]);
      // Row 6 is outside every merge of column A: E_ROW_NO_UNIT, naming the unit above.
      expect(book.diagnostics.map((d) => [d.code, d.location.cell, d.args.above])).toEqual([
        ['E_ROW_NO_UNIT', 'A6', 'Xã B'],
      ]);
      expect(book.ledger.files[0]?.sheets[0]?.rows).toMatchObject({ read: 5, blank: 0 });
    });
  }
});

describe('MergeFill', () => {
  it('holds the rows it cannot fill yet and hands them back, in order, filled', () => {
    let merges: CellRange[] = [];
    const fill = new MergeFill([0], () => merges);
    const taken = CELLS.slice(1).map((cells, i) => fill.take({ row: i + 2, cells }));
    expect(taken.map((r) => r?.row ?? null)).toEqual([2, null, 4, null, null]);
    merges = MERGES;
    expect(fill.rest().map((r) => [r.row, r.cells[0]])).toEqual([
      [3, 'Xã A'],
      [5, 'Xã B'],
      [6, null],
    ]);
  });

  it('fills a flat table (a CSV) from the value above, at once, and counts the fills of each column', () => {
    const fill = new MergeFill([0, 1], () => [], true);
    const rows: CellValue[][] = [
      [null, 'Xã', '1.1', 1], // nothing above: stays blank
      ['Xã A', 'Xã', '1.1', 20],
      [null, null, '1.2', 30],
      ['  ', null, '1.1', 25],
      ['Xã B', 'Phường', '1.1', 25],
      [null, 'Phường', '1.2', 35],
    ];
    const taken = rows.map((cells, i) => fill.take({ row: i + 2, cells }));
    expect(taken.map((r) => r?.cells.slice(0, 2))).toEqual([
      [null, 'Xã'],
      ['Xã A', 'Xã'],
      ['Xã A', 'Xã'],
      ['Xã A', 'Xã'],
      ['Xã B', 'Phường'],
      ['Xã B', 'Phường'],
    ]);
    expect(fill.rest()).toEqual([]);
    expect(fill.filled).toEqual([
      { column: 0, count: 3, row: 4, from: 3, value: 'Xã A' },
      { column: 1, count: 2, row: 4, from: 3, value: 'Xã' },
    ]);
  });
});
