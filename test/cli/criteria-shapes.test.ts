// Criteria files as offices write them, read with no flag: a) / - sub-items, total rows, and survey / bonus /
// penalty domains known by their names. Small files, Vietnamese names, comma decimals; values by hand.
import { describe, expect, it } from 'vitest';
import { codesOf, csv, findDiag, type Json, runJson, type Workspace, workspace } from './helpers.js';
import { officeBook } from './officeBooks.js';

const LONG_HEADER = ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'];
const unitsOf = (json: Json) => new Map((json.units as Json[]).map((u) => [u.unit, u]));
const ofCode = (json: Json, code: string) => (json.diagnostics as Json[]).filter((d) => d.code === code);

describe('letter and bullet sub-items', () => {
  /** 1 = 1.1 (a 1.5 + b 2.5) + 1.2 (- 3, - 3) = 10; survey 2 = 30. */
  const criteria = (maxOf11: string) =>
    csv([
      ['BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ NĂM 2025', '', '', ''],
      ['STT', 'Nội dung', 'Điểm tối đa', 'Thành phần'],
      ['1', 'Công tác chỉ đạo, điều hành', '10', 'thẩm định'],
      ['1.1', 'Kế hoạch CCHC năm', maxOf11, ''],
      ['a)', 'Ban hành đúng thời hạn', '1,5', ''],
      ['b)', 'Hoàn thành các nhiệm vụ đề ra', '2,5', ''],
      ['c)', 'Không ban hành kế hoạch: 0 điểm', '', ''],
      ['1.2', 'Tuyên truyền CCHC', '6', ''],
      ['-', 'Trên cổng thông tin điện tử', '3', ''],
      ['-', 'Tại trụ sở, nhà văn hóa', '3', ''],
      ['2', 'Điều tra xã hội học', '30', 'xhh'],
    ]);
  /** Xã Hương Sơn: 1.5 + 2 + 3 + 2.5 = 9, + 24 = 33 of 40 → 82.50; Xã Hương Lộc: 1 + 2.5 + 3 + 3 = 9.5, + 27 → 91.25. */
  const scores = csv([
    LONG_HEADER,
    ['Xã Hương Sơn', 'Xã', '1.1.a', '1,5', '1,5'],
    ['Xã Hương Sơn', 'Xã', '1.1.b', '2,5', '2'],
    ['Xã Hương Sơn', 'Xã', '1.2.1', '3', '3'],
    ['Xã Hương Sơn', 'Xã', '1.2.2', '2,5', '2,5'],
    ['Xã Hương Sơn', 'Xã', '2', '', '24'],
    ['Xã Hương Lộc', 'Xã', '1.1a', '1', '1'],
    ['Xã Hương Lộc', 'Xã', '1.1.b)', '2,5', '2,5'],
    ['Xã Hương Lộc', 'Xã', '1.2.1', '3', '3'],
    ['Xã Hương Lộc', 'Xã', '1.2.2', '3', '3'],
    ['Xã Hương Lộc', 'Xã', '2', '', '27'],
  ]);

  it('scores the sub-items as leaves of their criterion; a line without points is text', async () => {
    const ws = await workspace();
    await ws.write('tieu-chi.csv', criteria('4'));
    await ws.write('diem.csv', scores);
    const r = await runJson(['score', '--criteria', 'tieu-chi.csv', '--scores', 'diem.csv'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(codesOf(r.json)).toEqual(['I_SUBITEM_TEXT']);
    expect(findDiag(r.json, 'I_SUBITEM_TEXT')).toMatchObject({ file: 'tieu-chi.csv', cell: 'A7' });
    expect(r.json.framework).toMatchObject({ appraisalMax: 10, surveyMax: 30, leaves: 5 });
    const units = unitsOf(r.json);
    expect(units.get('Xã Hương Sơn')).toMatchObject({
      appraisal: 9,
      self: 9.5,
      total: 33,
      index: 82.5,
      rank: 2,
    });
    expect(units.get('Xã Hương Lộc')).toMatchObject({ appraisal: 9.5, total: 36.5, index: 91.25, rank: 1 });
    const e = await runJson(
      ['explain', '--criteria', 'tieu-chi.csv', '--scores', 'diem.csv', '--unit', 'Xã Hương Sơn'],
      { cwd: ws.dir },
    );
    expect(e.json.leaves.map((l: Json) => [l.code, l.max])).toEqual([
      ['1.1.a', 1.5],
      ['1.1.b', 2.5],
      ['1.2.1', 3],
      ['1.2.2', 3],
      ['2', 30],
    ]);
  });

  it("checks the parent's maximum against the sum of its sub-items", async () => {
    const ws = await workspace();
    await ws.write('tieu-chi.csv', criteria('5'));
    await ws.write('diem.csv', scores);
    const r = await runJson(['validate', '--criteria', 'tieu-chi.csv', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    expect(findDiag(r.json, 'E_CRITERIA_MAX_MISMATCH')).toMatchObject({ cell: 'A4' });
    expect(findDiag(r.json, 'E_CRITERIA_MAX_MISMATCH')!.message).toMatch(/1\.1\b.*5.*4/);
  });

  it('refuses a sub-item with points above every numbered criterion', async () => {
    const ws = await workspace();
    await ws.write(
      'tieu-chi.csv',
      csv([
        ['STT', 'Nội dung', 'Điểm tối đa'],
        ['a)', 'Mục lạc', '2'],
        ['1', 'Lĩnh vực', '2'],
      ]),
    );
    await ws.write('diem.csv', csv([LONG_HEADER, ['Xã A', 'Xã', '1', '2', '2']]));
    const r = await runJson(['validate', '--criteria', 'tieu-chi.csv', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code).toBe(1);
    expect(findDiag(r.json, 'E_CRITERIA_SUBITEM_NO_PARENT')).toMatchObject({ cell: 'A2' });
  });
});

describe('total rows', () => {
  const HEADER = ['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Thành phần'];
  /** 1 = 10, 2 = 20 (appraisal 30), 3 survey 30, 4 bonus 2: the total row should say 60 (bonus aside). */
  const FRAMEWORK = [
    ['1', 'Công tác chỉ đạo, điều hành', 10, 'thẩm định'],
    ['1.1', 'Kế hoạch CCHC', 4, ''],
    ['1.2', 'Báo cáo CCHC', 6, ''],
    ['2', 'Cải cách thủ tục hành chính', 20, 'thẩm định'],
    ['2.1', 'Giải quyết hồ sơ đúng hạn', 20, ''],
    ['Cộng', 'Cộng lĩnh vực 2', 20, ''],
    ['3', 'Điều tra xã hội học', 30, 'xhh'],
    ['4', 'Điểm cộng', 2, 'điểm cộng'],
  ];
  const book = (ws: Workspace, total: unknown[]) =>
    officeBook(ws, 'tieu-chi.xlsx', [
      {
        name: 'Bộ tiêu chí',
        titles: ['UBND QUẬN LIÊN CHIỂU', 'BỘ TIÊU CHÍ CCHC CÁC PHƯỜNG'],
        header: HEADER,
        rows: [...FRAMEWORK, total],
      },
    ]);
  /** Phường Hòa Minh: 4 + 5 + 18 = 27, + 25 + 1 = 53 of 60 → 88.33. */
  const scores = csv([
    LONG_HEADER,
    ['Phường Hòa Minh', 'Phường', '1.1', '4', '4'],
    ['Phường Hòa Minh', 'Phường', '1.2', '5', '5'],
    ['Phường Hòa Minh', 'Phường', '2.1', '18', '18'],
    ['Phường Hòa Minh', 'Phường', '3', '', '25'],
    ['Phường Hòa Minh', 'Phường', '4', '1', '1'],
    ['Cộng', '', '', '28', '53'],
  ]);

  it('reads TỔNG CỘNG and a domain subtotal as totals, not criteria, and the file total row as no unit', async () => {
    const ws = await workspace();
    await book(ws, [null, 'TỔNG CỘNG', 60, null]);
    await ws.write('diem.csv', scores);
    const r = await runJson(['score', '--criteria', 'tieu-chi.xlsx', '--scores', 'diem.csv'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(ofCode(r.json, 'I_CRITERIA_TOTAL_ROW').map((d) => d.row)).toEqual([10, 13]);
    expect(ofCode(r.json, 'I_TOTAL_ROW_IGNORED').map((d) => d.cell)).toEqual(['A7']);
    expect(r.json.framework).toMatchObject({ appraisalMax: 30, surveyMax: 30, bonusMax: 2, leaves: 5 });
    expect(r.json.units).toHaveLength(1);
    expect(r.json.units[0]).toMatchObject({
      appraisal: 27,
      survey: 25,
      bonus: 1,
      total: 53,
      max: 60,
      index: 88.33,
    });
    expect(r.json.rows).toEqual({ read: 6, scored: 5, rejected: 1 });
  });

  it('warns, naming both numbers, when the total row disagrees; a number in the STT cell does not make it a domain', async () => {
    const ws = await workspace();
    await book(ws, ['V', 'Tổng số điểm', 62, null]);
    await ws.write('diem.csv', scores);
    const args = ['score', '--criteria', 'tieu-chi.xlsx', '--scores', 'diem.csv'];
    const r = await runJson(args, { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    const w = findDiag(r.json, 'W_CRITERIA_TOTAL_MISMATCH')!;
    expect(w).toMatchObject({ severity: 'warning', sheet: 'Bộ tiêu chí', cell: 'C13' });
    expect(w.message).toContain('62');
    expect(w.message).toContain('60');
    expect(r.json.units[0]).toMatchObject({ total: 53, max: 60, index: 88.33 });
    expect((await runJson([...args, '--strict'], { cwd: ws.dir })).code).toBe(1);
  });
});

describe('survey, bonus and penalty domains known by name', () => {
  /** No component column. 1 = 10 (1.1 = 4, 1.2 = 6); 2 survey 30; 3 bonus 2; 4 penalty 2. */
  const rows = [
    ['1', 'Công tác chỉ đạo, điều hành', '10'],
    ['1.1', 'Kế hoạch CCHC', '4'],
    ['1.2', 'Công khai thủ tục hành chính', '6'],
    ['2', 'Điểm điều tra XHH', '30'],
    ['3', 'Điểm thưởng', '2'],
    ['4', 'Điểm trừ', '2'],
  ];
  /** Xã Phú Mậu: 4 + 5 + 25 + 1 − 0.5 = 34.5 of 40 → 86.25; Xã Phú Thanh: 3 + 6 + 28 = 37 → 92.50. */
  const scores = csv([
    LONG_HEADER,
    ['Xã Phú Mậu', 'Xã', '1.1', '4', '4'],
    ['Xã Phú Mậu', 'Xã', '1.2', '5', '5'],
    ['Xã Phú Mậu', 'Xã', '3', '1', '1'],
    ['Xã Phú Mậu', 'Xã', '4', '0,5', '0,5'],
    ['Xã Phú Thanh', 'Xã', '1.1', '3', '3'],
    ['Xã Phú Thanh', 'Xã', '1.2', '6', '6'],
  ]);
  const survey = csv([
    ['KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC', ''],
    ['Đơn vị', 'Điểm XHH'],
    ['Xã Phú Mậu', '25'],
    ['Xã Phú Thanh', '28'],
  ]);
  const ARGS = ['score', '--criteria', 'tieu-chi.csv', '--scores', 'diem.csv', '--survey', 'xhh.csv'];

  it('takes the components from the names, says so, and scores with them', async () => {
    const ws = await workspace();
    await ws.write('tieu-chi.csv', csv([['STT', 'Nội dung', 'Điểm tối đa'], ...rows]));
    await ws.write('diem.csv', scores);
    await ws.write('xhh.csv', survey);
    const r = await runJson(ARGS, { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(ofCode(r.json, 'I_COMPONENT_BY_NAME').map((d) => d.cell)).toEqual(['A5', 'A6', 'A7']);
    expect(r.json.framework).toMatchObject({ appraisalMax: 10, surveyMax: 30, bonusMax: 2, penaltyMax: 2 });
    const units = unitsOf(r.json);
    expect(units.get('Xã Phú Mậu')).toMatchObject({
      survey: 25,
      bonus: 1,
      penalty: 0.5,
      total: 34.5,
      max: 40,
      index: 86.25,
    });
    expect(units.get('Xã Phú Thanh')).toMatchObject({ total: 37, index: 92.5, rank: 1 });
  });

  it('lets a component column decide when there is one', async () => {
    const ws = await workspace();
    await ws.write(
      'tieu-chi.csv',
      csv([['STT', 'Nội dung', 'Điểm tối đa', 'Thành phần'], ...rows.map((r) => [...r, ''])]),
    );
    await ws.write('diem.csv', scores);
    await ws.write('xhh.csv', survey);
    const r = await runJson(ARGS, { cwd: ws.dir });
    expect(r.code).toBe(1); // every domain is appraisal: no survey leaf for the survey file's column
    expect(codesOf(r.json)).not.toContain('I_COMPONENT_BY_NAME');
    expect(codesOf(r.json)).toContain('E_SURVEY_LEAF_AMBIGUOUS');
  });
});
