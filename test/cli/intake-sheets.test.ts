// Every sheet of a score workbook is read or set aside with a reason, and the whole template a district
// sends out — one form per commune, each commune filling its own and sending the whole file back — scores
// every unit once. Expected figures by hand on the tiny framework (1.1 max 30 + 1.2 max 40, survey 2 max 30).
import { describe, expect, it } from 'vitest';
import {
  csv,
  type DiagnosticRecord,
  type Json,
  LONG_HEADER,
  run,
  runJson,
  type SheetSpec,
  tinyCriteria,
  workspace,
} from './helpers.js';

const only = (json: Json, code: string): DiagnosticRecord[] =>
  (json.diagnostics as DiagnosticRecord[]).filter((d) => d.code === code);
const totals = (json: Json) => (json.units as Json[]).map((u) => [u.unit, u.total]);

describe('every sheet of a score workbook', () => {
  const phong = {
    name: 'Khối phòng',
    rows: [
      ['BẢNG ĐIỂM CÁC PHÒNG'],
      LONG_HEADER,
      ['Phòng Nội vụ', 'Phòng', '1.1', 30, 29],
      ['Phòng Nội vụ', 'Phòng', '1.2', 40, 38.5],
    ],
  };
  const xa = {
    name: 'Khối xã',
    rows: [LONG_HEADER, ['Xã Tiên Phương', 'Xã', '1.1', 20, 20], ['Xã Tiên Phương', 'Xã', '1.2', 30, 29.25]],
  };

  it('reads every sheet whose header is recognised (Khối phòng and Khối xã)', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [phong, xa]);
    const r = await runJson(['score', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    // No survey in either group: indexed on 70. 29 + 38.5 = 67.5; 20 + 29.25 = 49.25.
    expect((r.json.units as Json[]).map((u) => [u.unit, u.total, u.index])).toEqual([
      ['Phòng Nội vụ', 67.5, 96.43],
      ['Xã Tiên Phương', 49.25, 70.36],
    ]);
    expect(r.json.rows).toEqual({ read: 4, scored: 4, rejected: 0 });
  });

  it('a sheet that holds a table but no score header is an error naming the sheet; others are set aside with a reason', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const sheets: SheetSpec[] = [
      { name: 'Hướng dẫn', rows: [['Mỗi khối một trang.'], ['Ghi KPS nếu không phát sinh.']] },
      phong,
      xa,
      {
        name: 'Người lập biểu',
        rows: [
          ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Số điện thoại'],
          [1, 'Nguyễn Thị Hoa', 'Chuyên viên', 'Phòng Nội vụ', '0912 345 678'],
          [2, 'Trần Văn Nam', 'Công chức', 'Xã Tiên Phương', '0983 221 456'],
        ],
      },
      {
        name: 'Bộ tiêu chí',
        rows: [
          ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa'],
          ['1.1', 'A', 30],
          ['1.2', 'B', 40],
        ],
      },
      { name: 'Cũ', rows: [LONG_HEADER, ['Xã Cũ', 'Xã', '1.1', 1, 1]], state: 'hidden' },
      { name: 'Trống', rows: [] },
    ];
    await ws.xlsx('scores.xlsx', sheets);
    const r = await runJson(['validate', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    expect(only(r.json, 'E_SHEET_NOT_UNDERSTOOD')).toEqual([
      expect.objectContaining({ severity: 'error', sheet: 'Người lập biểu', row: 1 }),
    ]);
    expect(only(r.json, 'I_SHEET_SKIPPED').map((d) => d.sheet)).toEqual([
      'Hướng dẫn',
      'Bộ tiêu chí',
      'Trống',
    ]);
    expect(only(r.json, 'I_HIDDEN_SHEET_SKIPPED').map((d) => d.sheet)).toEqual(['Cũ']);
    expect(r.json.rows).toEqual({ read: 4, scored: 4, rejected: 0 });
  });

  it('--sheet keeps its meaning: that sheet only, and a missing sheet is a usage error', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [phong, xa]);
    const args = ['score', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx', '--sheet'];
    const one = await runJson([...args, 'Khối xã'], { cwd: ws.dir });
    expect(one.code, one.stderr).toBe(0);
    expect(totals(one.json)).toEqual([['Xã Tiên Phương', 49.25]]);
    const missing = await run([...args, 'Khối huyện'], { cwd: ws.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Khối huyện');
  });
});

describe('a file refused for its header says which command helps', () => {
  it.each([
    ['TCVN3 (.VnTime)', ['§¬n vÞ', 'Khèi', 'M· tiªu chÝ', '§iÓm tù ®¸nh gi¸', '§iÓm thÈm ®Þnh'], true],
    ['VNI', ['Ñôn vò', 'Khoái', 'Maõ tieâu chí', 'Ñieåm töï ñaùnh giaù', 'Ñieåm thaåm ñònh'], true],
    ['Unicode', ['Tên xã', 'Loại', 'Chỉ tiêu', 'Số liệu', 'Kết luận'], false],
  ])('%s header → legacy-font hint: %s', async (_font, header, legacy) => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write('cu.csv', csv([header, ['Huyện Mộ Đức', 'Cấp huyện', '1.1', '28,5', '28,5']]));
    const r = await runJson(
      ['validate', '--criteria', 'criteria.csv', '--scores', 'cu.csv', '--lang', 'en'],
      {
        cwd: ws.dir,
      },
    );
    expect(r.code).toBe(1);
    const noHeader = only(r.json, 'E_NO_HEADER')[0];
    expect(noHeader?.file).toBe('cu.csv');
    expect(noHeader?.message.includes('cchc convert cu.csv')).toBe(legacy);
  });
});

/** One commune's form: `Đơn vị`, `Khối` above the header; values only when `values` is given. */
function form(name: string, values?: { s11: number; a11: number; s12: number; a12: number }): SheetSpec {
  const v = (x: number | undefined) => x ?? null;
  return {
    name: name.replace(/^Xã /, ''),
    rows: [
      ['UBND HUYỆN CHƯƠNG MỸ', null, null, null, null],
      [`Đơn vị: ${name}`],
      ['Khối: Xã'],
      [],
      ['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định'],
      ['1', 'Lĩnh vực 1', 70, null, null],
      ['1.1', 'Tiêu chí 1.1', 30, v(values?.s11), v(values?.a11)],
      ['1.2', 'Tiêu chí 1.2', 40, v(values?.s12), v(values?.a12)],
      ['2', 'Điều tra XHH', 30, null, null], // the survey comes in its own file: left empty by every commune
    ],
    merges: ['A1:E1'],
  };
}
const GUIDE: SheetSpec = { name: 'Hướng dẫn', rows: [['Mỗi xã chấm điểm trên trang mang tên mình.']] };
const SURVEY = csv([
  ['Đơn vị', 'Điểm XHH'],
  ['Xã An Bình', '25,5'],
  ['Xã Bình Minh', '27'],
]);

describe('whole templates sent back', () => {
  async function returned() {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write('survey.csv', SURVEY);
    await ws.xlsx('an-binh.xlsx', [
      GUIDE,
      form('Xã An Bình', { s11: 28, a11: 27, s12: 36, a12: 35.5 }),
      form('Xã Bình Minh'),
    ]);
    await ws.xlsx('binh-minh.xlsx', [
      GUIDE,
      form('Xã An Bình'),
      form('Xã Bình Minh', { s11: 30, a11: 30, s12: 38, a12: 37.25 }),
    ]);
    await ws.xlsx('mau-trong.xlsx', [GUIDE, form('Xã An Bình'), form('Xã Bình Minh')]);
    return ws;
  }
  const scoresOf = (...files: string[]) => files.flatMap((f) => ['--scores', f]);

  it('scores every commune once; blank forms are "not entered" (info), the empty survey rows are no error', async () => {
    const ws = await returned();
    for (const files of [
      ['an-binh.xlsx', 'binh-minh.xlsx'],
      ['an-binh.xlsx', 'binh-minh.xlsx', 'mau-trong.xlsx'],
    ]) {
      const r = await runJson(
        ['score', '--criteria', 'criteria.csv', ...scoresOf(...files), '--survey', 'survey.csv'],
        { cwd: ws.dir },
      );
      expect(r.code, r.stderr).toBe(0);
      // Bình Minh 30 + 37.25 + 27 = 94.25; An Bình 27 + 35.5 + 25.5 = 88.
      expect(totals(r.json)).toEqual([
        ['Xã Bình Minh', 94.25],
        ['Xã An Bình', 88],
      ]);
      expect(only(r.json, 'I_FORM_NOT_ENTERED')).toHaveLength(files.length === 2 ? 2 : 4);
      expect(only(r.json, 'I_FORM_NOT_ENTERED')[0]).toMatchObject({
        file: 'an-binh.xlsx',
        sheet: 'Bình Minh',
      });
      expect(r.json.diagnostics.filter((d: DiagnosticRecord) => d.severity !== 'info')).toEqual([]);
      expect(r.json.rows).toEqual({ read: 6, scored: 6, rejected: 0 });
    }
  });

  it('a commune whose form is blank in every file: E_UNIT_NOT_ENTERED (the ranking would miss it)', async () => {
    const ws = await returned();
    const r = await runJson(
      ['validate', '--criteria', 'criteria.csv', ...scoresOf('an-binh.xlsx', 'mau-trong.xlsx')],
      {
        cwd: ws.dir,
      },
    );
    expect(r.code).toBe(1);
    expect(only(r.json, 'E_UNIT_NOT_ENTERED')).toEqual([
      expect.objectContaining({ file: 'an-binh.xlsx', sheet: 'Bình Minh', cell: 'A2' }),
    ]);
    expect(only(r.json, 'E_UNIT_NOT_ENTERED')[0]?.message).toContain('Xã Bình Minh');
  });

  it('a form whose header is not recognised is an error naming its sheet, never a unit silently missing', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const odd = form('Xã Bình Minh', { s11: 30, a11: 30, s12: 38, a12: 37.25 });
    for (const header of [
      ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm', 'Điểm đạt'],
      ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm đánh giá', 'Điểm được chấm'],
    ]) {
      odd.rows[4] = header;
      await ws.xlsx('forms.xlsx', [form('Xã An Bình', { s11: 28, a11: 27, s12: 36, a12: 35.5 }), odd]);
      const r = await runJson(['validate', '--criteria', 'criteria.csv', '--scores', 'forms.xlsx'], {
        cwd: ws.dir,
      });
      expect(r.code).toBe(1);
      expect(only(r.json, 'E_SHEET_NOT_UNDERSTOOD')).toEqual([
        expect.objectContaining({ sheet: 'Bình Minh', row: 5 }),
      ]);
    }
  });

  it('the same commune filled in two files is a real duplicate: E_SCORE_DUPLICATE at the second place', async () => {
    const ws = await returned();
    await ws.xlsx('an-binh-2.xlsx', [form('Xã An Bình', { s11: 28, a11: 27, s12: 36, a12: 35.5 })]);
    const r = await runJson(
      ['validate', '--criteria', 'criteria.csv', ...scoresOf('an-binh.xlsx', 'an-binh-2.xlsx')],
      {
        cwd: ws.dir,
      },
    );
    expect(only(r.json, 'E_SCORE_DUPLICATE').map((d) => [d.file, d.cell])).toEqual([
      ['an-binh-2.xlsx', 'E7'],
      ['an-binh-2.xlsx', 'E8'],
    ]);
  });
});

describe('form rows without STT', () => {
  const criteria = tinyCriteria([['3', 'Điểm cộng', 2, 'điểm cộng']]);
  const sheet = (extra: unknown[][]): SheetSpec => ({
    name: 'Lam Điền',
    rows: [
      ['Đơn vị: Xã Lam Điền'],
      ['Khối: Xã'],
      ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm thẩm định'],
      ['1.1', 'Tiêu chí 1.1', 30, 28, 27],
      ['1.2', 'Tiêu chí 1.2', 40, 36, 35.5],
      ['2', 'Điều tra xã hội học', 30, null, 24.75],
      ...extra,
    ],
  });

  it('a bonus row without STT is matched by its name; a matching total row is silent', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', criteria);
    // Appraised 27 + 35.5 + 24.75 + bonus 1 = 88.25; the form's total says the same.
    await ws.xlsx('forms.xlsx', [
      sheet([
        [null, 'Điểm cộng', 2, 1, 1],
        [null, 'TỔNG CỘNG', 102, 65, 88.25],
      ]),
    ]);
    const r = await runJson(['score', '--criteria', 'criteria.csv', '--scores', 'forms.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect((r.json.units as Json[]).map((u) => [u.unit, u.bonus, u.total])).toEqual([
      ['Xã Lam Điền', 1, 88.25],
    ]);
    expect(r.json.diagnostics).toEqual([]);
    expect(r.json.rows).toEqual({ read: 4, scored: 4, rejected: 0 });
  });

  it('a row whose name matches nothing is rejected naming the row; a total that does not add up is a warning', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', criteria);
    await ws.xlsx('forms.xlsx', [
      sheet([
        [null, 'Điểm thưởng', 2, 1, 1],
        [null, 'Tổng cộng', 102, 66, 90],
      ]),
    ]);
    const r = await runJson(['validate', '--criteria', 'criteria.csv', '--scores', 'forms.xlsx'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    expect(only(r.json, 'E_FORM_ROW_UNMATCHED')).toEqual([expect.objectContaining({ cell: 'B7' })]);
    // Self: 28 + 36 + 1 = 65 (not 66); appraised 27 + 35.5 + 24.75 + 1 = 88.25 (not 90).
    expect(only(r.json, 'W_SUBTOTAL_MISMATCH').map((d) => d.cell)).toEqual(['D8', 'E8']);
    expect(r.json.rows).toEqual({ read: 4, scored: 3, rejected: 1 });
  });
});
