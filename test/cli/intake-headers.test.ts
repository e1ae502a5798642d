// Score tables headed the way offices head them: title rows, two-row headers with merged cells, the same
// columns worded differently, unit and group cells merged down over a unit's rows. Each file is made as
// an office makes it (exceljs with merges, Vietnamese names, comma decimals in CSV) and the expected
// figures are worked out by hand on the tiny framework (1.1 max 30 + 1.2 max 40 = 70, survey 2 max 30).
import { describe, expect, it } from 'vitest';
import { csv, type DiagnosticRecord, type Json, runJson, tinyCriteria, workspace } from './helpers.js';

const only = (json: Json, code: string): DiagnosticRecord[] =>
  (json.diagnostics as DiagnosticRecord[]).filter((d) => d.code === code);
const pick = (json: Json) =>
  (json.units as Json[]).map((u) => [u.unit, u.group, u.appraisal, u.self, u.survey, u.total, u.rank]);

const TITLE = [
  ['UBND HUYỆN CHƯƠNG MỸ', null, null, null, null, null, null],
  ['BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM 2025', null, null, null, null, null, null],
  [],
];

/**
 * Xã Đại Yên: 1.1 self 28.5 / appraised 27.5, 1.2 36 / 35.25, survey 24.5 → appraisal 62.75, self 64.5,
 * total 87.25 (rank 1). Xã Hòa Chính: 25 / 25, 30 / 28.75, survey 26 → 53.75, self 55, total 79.75.
 */
const DATA: [string, string, string, number | null, number][] = [
  ['Xã Đại Yên', 'Xã', '1.1', 28.5, 27.5],
  ['Xã Đại Yên', 'Xã', '1.2', 36, 35.25],
  ['Xã Đại Yên', 'Xã', '2', null, 24.5],
  ['Xã Hòa Chính', 'Xã', '1.1', 25, 25],
  ['Xã Hòa Chính', 'Xã', '1.2', 30, 28.75],
  ['Xã Hòa Chính', 'Xã', '2', null, 26],
];
const EXPECTED = [
  ['Xã Đại Yên', 'Xã', 62.75, 64.5, 24.5, 87.25, 1],
  ['Xã Hòa Chính', 'Xã', 53.75, 55, 26, 79.75, 2],
];
const comma = (v: number | null) => (v === null ? null : String(v).replace('.', ','));

describe('two- and three-row headers', () => {
  it('xlsx: "Điểm" merged over "Tự đánh giá | Thẩm định", the other headers merged down', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [
      {
        name: 'Tổng hợp',
        rows: [
          ...TITLE,
          ['STT', 'Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm', null, 'Ghi chú'],
          [null, null, null, null, 'Tự đánh giá', 'Thẩm định', null],
          ...DATA.map((r, i) => [i + 1, ...r, null]),
        ],
        merges: ['A1:G1', 'A2:G2', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:F4', 'G4:G5'],
      },
    ]);
    const r = await runJson(['score', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(pick(r.json)).toEqual(EXPECTED);
    expect(r.json.rows).toEqual({ read: 6, scored: 6, rejected: 0 });
  });

  it('CSV: the same header, "Điểm" written once over two columns (no merges to go by)', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      csv([
        ['BẢNG TỔNG HỢP ĐIỂM', '', '', '', '', ''],
        ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm', '', 'Ghi chú'],
        ['', '', '', 'Tự đánh giá', 'Thẩm định', ''],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ...DATA.map(([u, g, c, s, a]) => [u, g, c, comma(s), comma(a), '']),
      ]),
    );
    const r = await runJson(['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(pick(r.json)).toEqual(EXPECTED);
    // The column-numbering row (1)…(6) belongs to the header: not a row read, not an error.
    expect(r.json.rows).toEqual({ read: 6, scored: 6, rejected: 0 });
  });

  it('wide, three rows: a caption over the domains over the leaf codes; "Tổng điểm" holds numbers: a warning', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('wide.xlsx', [
      {
        name: 'Tổng hợp',
        rows: [
          ['STT', 'Đơn vị', 'Khối', 'ĐIỂM THẨM ĐỊNH THEO LĨNH VỰC, TIÊU CHÍ', null, null, 'Tổng điểm'],
          [null, null, null, '1. Công tác chỉ đạo, điều hành', null, '2. Điều tra XHH', null],
          [null, null, null, '1.1', '1.2', '2', null],
          [1, 'Xã Đại Yên', 'Xã', 27.5, 35.25, 24.5, { formula: 'SUM(D4:F4)', result: 87.25 }],
          [2, 'Xã Hòa Chính', 'Xã', 25, 28.75, 26, { formula: 'SUM(D5:F5)', result: 79.75 }],
        ],
        merges: ['A1:A3', 'B1:B3', 'C1:C3', 'D1:F1', 'D2:E2', 'G1:G3'],
      },
    ]);
    const r = await runJson(['score', '--criteria', 'criteria.csv', '--scores', 'wide.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    // Wide values are appraised values: no self column.
    expect(pick(r.json)).toEqual(EXPECTED.map((u) => [u[0], u[1], u[2], null, u[4], u[5], u[6]]));
    expect(only(r.json, 'W_COLUMN_IGNORED')).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'Tổng hợp', cell: 'G1' }),
    ]);
  });
});

describe('header variants built from the same words', () => {
  const variants = [
    ['Tên đơn vị', 'Điểm tự đánh giá của đơn vị', 'Điểm thẩm định của Hội đồng'],
    ['Đơn vị', 'Điểm tự chấm', 'Kết quả thẩm định'],
    ['Cơ quan, đơn vị', 'Tự đánh giá', 'Điểm do Hội đồng thẩm định'],
    ['Đơn vị', 'Điểm TĐG', 'Điểm HĐTĐ'],
  ];
  for (const [unit, self, appraised] of variants) {
    it(`"${unit}" | "${self}" | "${appraised}"`, async () => {
      const ws = await workspace();
      await ws.write('criteria.csv', tinyCriteria());
      await ws.write(
        'scores.csv',
        csv([
          ['STT', unit, 'Khối', 'Mã tiêu chí', self, appraised, 'Điểm năm 2024', 'Người chấm'],
          ...DATA.map(([u, g, c, s, a], i) => [i + 1, u, g, c, comma(s), comma(a), '1,5', 'Nguyễn Văn A']),
        ]),
      );
      const r = await runJson(['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv'], {
        cwd: ws.dir,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(pick(r.json)).toEqual(EXPECTED);
      // Every column is accounted for: the numbers of last year are a warning, a text column an info.
      expect(only(r.json, 'W_COLUMN_IGNORED').map((d) => d.cell)).toEqual(['G1']);
      expect(only(r.json, 'I_COLUMN_IGNORED').map((d) => d.cell)).toEqual(['H1']);
    });
  }

  it('a column that names both self and appraisal is ambiguous: an error at its header, not read', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      csv([
        ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá/thẩm định', 'Điểm thẩm định'],
        ...DATA.map(([u, g, c, s, a]) => [u, g, c, comma(s), comma(a)]),
      ]),
    );
    const r = await runJson(['validate', '--criteria', 'criteria.csv', '--scores', 'scores.csv'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    expect(only(r.json, 'E_HEADER_AMBIGUOUS')).toEqual([expect.objectContaining({ cell: 'D1' })]);
  });
});

describe('unit and group cells merged down over a unit’s rows', () => {
  const rows = [
    ['STT', 'Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'],
    [1, 'Xã Đại Yên', 'Xã', '1.1', 28.5, 27.5],
    [null, null, null, '1.2', 36, 35.25],
    [null, null, null, '2', null, 24.5],
    [2, 'Xã Hòa Chính', null, '1.1', 25, 25],
    [null, null, null, '1.2', 30, 28.75],
    [null, null, null, '2', null, 26],
  ];

  it('xlsx: filled down from the first cell of each merge', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [
      { name: 'Điểm', rows, merges: ['A2:A4', 'B2:B4', 'C2:C7', 'A5:A7', 'B5:B7'] },
    ]);
    const r = await runJson(['score', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(pick(r.json)).toEqual(EXPECTED);
  });

  it('a blank unit cell outside any merge is not a guess: E_ROW_NO_UNIT at the cell, naming the unit above', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    // Xã Hòa Chính's block is merged; Xã Đại Yên's is not (B3 and B4 left blank).
    await ws.xlsx('scores.xlsx', [{ name: 'Điểm', rows, merges: ['C2:C7', 'B5:B7'] }]);
    const r = await runJson(['validate', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    expect(only(r.json, 'E_ROW_NO_UNIT').map((d) => d.cell)).toEqual(['B3', 'B4']);
    expect(only(r.json, 'E_ROW_NO_UNIT')[0]?.message).toContain('Xã Đại Yên');
    expect(r.json.rows).toEqual({ read: 6, scored: 4, rejected: 2 });
  });
});
