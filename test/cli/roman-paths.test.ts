// Roman domains whose criterion numbering restarts in each domain (I, 1, 1.1, 2, II, 1, 1.1 …), read with
// no flag: a criterion's identity is its path (II.1.2) in every report, in long files (paths, or plain codes
// that name one node) and in per-unit forms numbered like the framework. Expected values worked by hand.
import { describe, expect, it } from 'vitest';
import { codesOf, csv, findDiag, type Json, runJson, type Workspace, workspace } from './helpers.js';
import { officeBook } from './officeBooks.js';

const TITLES = ['UBND HUYỆN CHƯƠNG MỸ', 'BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC XÃ NĂM 2025'];
const HEADER = ['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Thành phần'];

/** I = 10 (I.1 = 2 + 4, I.2 = 4), II = 20 (II.1 = 8 + 4, II.2 = 8), III survey 30: appraisal 30 + survey 30. */
const FRAMEWORK = [
  ['I', 'Công tác chỉ đạo, điều hành CCHC', 10, 'thẩm định'],
  ['1', 'Kế hoạch CCHC năm', 6, ''],
  ['1.1', 'Ban hành kế hoạch kịp thời', 2, ''],
  ['1.2', 'Mức độ hoàn thành kế hoạch', 4, ''],
  ['2', 'Báo cáo CCHC định kỳ', 4, ''],
  ['II', 'Cải cách thủ tục hành chính', 20, 'thẩm định'],
  ['1', 'Giải quyết hồ sơ thủ tục hành chính', 12, ''],
  ['1.1', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 8, ''],
  ['1.2', 'Tỷ lệ hồ sơ nộp trực tuyến', 4, ''],
  ['2', 'Công khai thủ tục hành chính', 8, ''],
  ['III', 'Điều tra xã hội học', 30, 'xhh'],
];

/** Appraised values by path. An Phú: 28 + 25.5 = 53.5 of 60 → 89.17; Bình Minh: 27 + 27 = 54 → 90.00. */
const VALUES: Record<string, Record<string, string>> = {
  'Xã An Phú': {
    'I.1.1': '2',
    'I.1.2': '3,5',
    'I.2': '4',
    'II.1.1': '7,5',
    'II.1.2': '3',
    'II.2': '8',
    III: '25,5',
  },
  'Xã Bình Minh': {
    'I.1.1': '1,5',
    'I.1.2': '4',
    'I.2': '3',
    'II.1.1': '8',
    'II.1.2': '4',
    'II.2': '6,5',
    III: '27',
  },
};
/** The council cut An Phú's I.1.2 from 4 to 3.5: self-assessed appraisal 28.5. */
const SELF: Record<string, string> = { 'Xã An Phú|I.1.2': '4' };

const criteria = (ws: Workspace) =>
  officeBook(ws, 'tieu-chi.xlsx', [{ name: 'Bộ tiêu chí', titles: TITLES, header: HEADER, rows: FRAMEWORK }]);

/** Long rows, the criterion written by `code(path)`. */
const longCsv = (code: (path: string) => string) =>
  csv([
    ['BẢNG ĐIỂM CHỈ SỐ CCHC CÁC XÃ NĂM 2025', '', '', '', ''],
    ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'],
    ...Object.entries(VALUES).flatMap(([unit, values]) =>
      Object.entries(values).map(([path, v]) => [
        unit,
        'Xã',
        code(path),
        path === 'III' ? '' : (SELF[`${unit}|${path}`] ?? v),
        v,
      ]),
    ),
  ]);

function expectResults(json: Json): void {
  const units = new Map((json.units as Json[]).map((u) => [u.unit, u]));
  expect(units.get('Xã Bình Minh')).toMatchObject({
    appraisal: 27,
    survey: 27,
    total: 54,
    max: 60,
    index: 90,
    rank: 1,
    of: 2,
    band: 'Xuất sắc',
  });
  expect(units.get('Xã An Phú')).toMatchObject({
    appraisal: 28,
    self: 28.5,
    survey: 25.5,
    total: 53.5,
    max: 60,
    index: 89.17,
    rank: 2,
    band: 'Tốt',
  });
  const domains = units.get('Xã An Phú').domains.map((d: Json) => [d.code, d.points, d.max]);
  expect(domains).toEqual([
    ['I', 9.5, 10],
    ['II', 18.5, 20],
    ['III', 25.5, 30],
  ]);
  expect(json.framework).toMatchObject({ appraisalMax: 30, surveyMax: 30, leaves: 7 });
  expect(json.rows.read).toBe(json.rows.scored + json.rows.rejected);
}

describe('Roman domains with restarting numbering', () => {
  it('scores a long file written with path codes; STT 1.1 twice is no duplicate', async () => {
    const ws = await workspace();
    await criteria(ws);
    await ws.write(
      'diem.csv',
      longCsv((p) => p),
    );
    const r = await runJson(['score', '--criteria', 'tieu-chi.xlsx', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(codesOf(r.json).filter((c) => !c.startsWith('I_'))).toEqual([]);
    expectResults(r.json);
    expect(r.json.rows).toEqual({ read: 14, scored: 14, rejected: 0 });
  });

  it('shows the paths in explain, leaf by leaf', async () => {
    const ws = await workspace();
    await criteria(ws);
    await ws.write(
      'diem.csv',
      longCsv((p) => p),
    );
    const r = await runJson(
      ['explain', '--criteria', 'tieu-chi.xlsx', '--scores', 'diem.csv', '--unit', 'Xã An Phú'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.leaves.map((l: Json) => l.code)).toEqual([
      'I.1.1',
      'I.1.2',
      'I.2',
      'II.1.1',
      'II.1.2',
      'II.2',
      'III',
    ]);
    expect(r.json.leaves[1]).toMatchObject({ code: 'I.1.2', self: 4, appraised: 3.5, diff: -0.5 });
  });

  it('accepts a plain code that names one node, and names the candidate paths of one that does not', async () => {
    const ws = await workspace();
    await criteria(ws);
    // "II.2" written "2" is ambiguous (I.2 or II.2); "1.1" too. Only fully ambiguous codes fail.
    const plain = (p: string) => (p === 'II.2' ? '2' : p === 'I.1.1' ? '1.1' : p);
    await ws.write('diem.csv', longCsv(plain));
    const r = await runJson(['validate', '--criteria', 'tieu-chi.xlsx', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    const ambiguous = (r.json.diagnostics as Json[]).filter((d) => d.code === 'E_CRITERION_AMBIGUOUS');
    expect(ambiguous).toHaveLength(4);
    expect(ambiguous[0]).toMatchObject({ file: 'diem.csv', cell: 'C3' });
    expect(ambiguous[0].message).toContain('I.1.1, II.1.1');
    expect(r.json.rows).toEqual({ read: 14, scored: 10, rejected: 4 });
  });

  it('resolves unique plain codes without a word', async () => {
    const ws = await workspace();
    // A framework whose plain codes never repeat across domains: II numbered 3, 3.1, 3.2, 4.
    const book = FRAMEWORK.map((row, i) =>
      i >= 6 && i <= 9 ? [String(row[0]).replace(/^1/, '3').replace(/^2$/, '4'), ...row.slice(1)] : row,
    );
    await officeBook(ws, 'tieu-chi.xlsx', [
      { name: 'Bộ tiêu chí', titles: TITLES, header: HEADER, rows: book },
    ]);
    const local = (p: string) =>
      p
        .replace(/^II\.1/, '3')
        .replace(/^II\.2$/, '4')
        .replace(/^I\./, '');
    await ws.write('diem.csv', longCsv(local));
    const r = await runJson(['score', '--criteria', 'tieu-chi.xlsx', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const units = new Map((r.json.units as Json[]).map((u) => [u.unit, u]));
    expect(units.get('Xã An Phú')).toMatchObject({ appraisal: 28, total: 53.5, index: 89.17 });
  });

  it('reads a wide file whose columns are headed by paths ("II.1.2. Tên tiêu chí", "ii.1.1")', async () => {
    const ws = await workspace();
    await criteria(ws);
    const columns = ['I.1.1', 'I.1.2', 'I.2', 'II.1.1', 'II.1.2', 'II.2', 'III'];
    const headers = [
      'I.1.1',
      'I.1.2. Mức độ hoàn thành kế hoạch',
      'I.2',
      'ii.1.1',
      'II.1.2 Trực tuyến',
      'II.2',
      'III',
    ];
    await ws.write(
      'ngang.csv',
      csv([
        ['Đơn vị', 'Khối', ...headers, 'Tổng điểm'],
        ...Object.entries(VALUES).map(([unit, v]) => [unit, 'Xã', ...columns.map((c) => v[c]), '']),
      ]),
    );
    const r = await runJson(['score', '--criteria', 'tieu-chi.xlsx', '--scores', 'ngang.csv'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(codesOf(r.json).filter((c) => c !== 'I_COLUMN_IGNORED')).toEqual([]);
    expect(r.json.units.map((u: Json) => [u.unit, u.appraisal, u.survey, u.total, u.index])).toEqual([
      ['Xã Bình Minh', 27, 27, 54, 90],
      ['Xã An Phú', 28, 25.5, 53.5, 89.17],
    ]);
  });

  it('reads per-unit forms numbered like the framework (I, 1, 1.1 … II, 1, 1.1)', async () => {
    const ws = await workspace();
    await criteria(ws);
    const sheets = Object.entries(VALUES).map(([unit, values]) => {
      const paths = ['I', 'I.1', 'I.1.1', 'I.1.2', 'I.2', 'II', 'II.1', 'II.1.1', 'II.1.2', 'II.2', 'III'];
      return {
        name: unit.replace('Xã ', ''),
        titles: ['HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC', 'BẢNG ĐIỂM NĂM 2025'],
        lines: [[`Đơn vị: ${unit}`], ['Khối: Xã']],
        header: ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định'],
        rows: [
          ...FRAMEWORK.map((row, i) => {
            const v = values[paths[i]!];
            const self = paths[i] === 'III' ? null : (SELF[`${unit}|${paths[i]}`] ?? v);
            return [row[0], row[1], row[2], self ?? null, v ?? null];
          }),
          [null, 'TỔNG CỘNG', 60, null, null],
        ],
      };
    });
    await officeBook(ws, 'bieu-mau.xlsx', sheets);
    const r = await runJson(['score', '--criteria', 'tieu-chi.xlsx', '--scores', 'bieu-mau.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(codesOf(r.json).filter((c) => !c.startsWith('I_'))).toEqual([]);
    expectResults(r.json);
  });

  it('names a repeated path (two criteria 1 in one domain) as a duplicate of its path', async () => {
    const ws = await workspace();
    const rows = [...FRAMEWORK.slice(0, 5), ['1', 'Lặp lại', 0, ''], ...FRAMEWORK.slice(5)];
    await officeBook(ws, 'tieu-chi.xlsx', [{ name: 'Bộ tiêu chí', titles: TITLES, header: HEADER, rows }]);
    await ws.write(
      'diem.csv',
      longCsv((p) => p),
    );
    const r = await runJson(['validate', '--criteria', 'tieu-chi.xlsx', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    expect(findDiag(r.json, 'E_CRITERIA_DUPLICATE_CODE')).toMatchObject({ row: 10, cell: 'A10' });
    expect(findDiag(r.json, 'E_CRITERIA_DUPLICATE_CODE')!.message).toContain('I.1');
  });
});
