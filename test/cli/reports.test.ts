// Publishable reports (issue 12): the title block, what stdout and -o write, CSV for Excel, the council's
// mistakes caught, and explain's signed gaps. In-process runs through main(argv, io).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, FIXTURES, runInProcess, tinyCriteria, tinyInputs, tinyUnit, workspace } from './helpers.js';

const P = (f: string) => join(FIXTURES, 'province', f);
const PROVINCE = [
  'score',
  '--criteria',
  P('criteria.csv'),
  '--scores',
  P('scores.csv'),
  '--survey',
  P('survey.csv'),
];
const TITLE = ['--title', 'Chỉ số CCHC năm 2025', '--period', 'Năm 2025', '--issuer', 'UBND tỉnh Quảng Ngãi'];

describe('title block', () => {
  it('heads the Markdown and is in the JSON as given; the JSON has no date unless one is given', async () => {
    const md = await runInProcess([...PROVINCE, ...TITLE, '--date', '2026-01-15', '--format', 'md']);
    expect(md.stdout.split('\n').slice(0, 3)).toEqual([
      '# Chỉ số CCHC năm 2025',
      '',
      'Năm 2025 · UBND tỉnh Quảng Ngãi · Ngày 15 tháng 01 năm 2026',
    ]);
    const json = JSON.parse((await runInProcess([...PROVINCE, ...TITLE, '--format', 'json'])).stdout);
    expect(json.report).toEqual({
      title: 'Chỉ số CCHC năm 2025',
      period: 'Năm 2025',
      issuer: 'UBND tỉnh Quảng Ngãi',
      date: null,
    });
    const epoch = await runInProcess([...PROVINCE, '--format', 'json'], {
      env: { SOURCE_DATE_EPOCH: '1767225600' },
    });
    expect(JSON.parse(epoch.stdout).report.date).toBe('2026-01-01');
  });

  it('comes from the settings file too; a date that is not a calendar day is a usage error', async () => {
    const ws = await workspace();
    const config = await ws.write(
      'c.json',
      JSON.stringify({ title: 'Từ tệp thiết lập', date: '2025-12-31' }),
    );
    const r = await runInProcess([...PROVINCE, '--config', config, '--format', 'json']);
    expect(JSON.parse(r.stdout).report).toMatchObject({ title: 'Từ tệp thiết lập', date: '2025-12-31' });
    const bad = await runInProcess([...PROVINCE, '--date', '2025-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('giá trị "2025-02-30" không hợp lệ cho --date; cần một trong: YYYY-MM-DD');
  });
});

describe('stdout, -o and CSV', () => {
  it('-o never silences an explicit --format, and every file written is named on stderr', async () => {
    const ws = await workspace();
    const r = await runInProcess([
      ...PROVINCE,
      '-o',
      ws.path('r.xlsx'),
      '-o',
      ws.path('r.html'),
      '--format',
      'md',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '| Huyện Mộ Đức | 61,12 | 20,75 | 0,00 | 81,87 | 100,00 | 81,87 | 8/13 | Tốt |',
    );
    expect(r.stderr).toBe(
      `đã ghi báo cáo bảng tính Excel: ${ws.path('r.xlsx')}\nđã ghi báo cáo trang HTML: ${ws.path('r.html')}\n`,
    );
    const quiet = await runInProcess([...PROVINCE, '-o', ws.path('r.md')]);
    expect(quiet.stdout).toBe('');
  });

  it('a CSV report written with -o starts with a UTF-8 BOM; stdout has none; --csv-delimiter ";"', async () => {
    const ws = await workspace();
    await runInProcess([...PROVINCE, '-o', ws.path('r.csv'), '--csv-delimiter', ';']);
    const file = readFileSync(ws.path('r.csv'));
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.toString('utf8').slice(1).split('\n');
    expect(lines[0]!.startsWith('unit;unit_code;group;appraisal;')).toBe(true);
    expect(lines.find((l) => l.startsWith('Huyện Mộ Đức;'))).toContain(';61.12;');
    const stdout = await runInProcess([...PROVINCE, '--format', 'csv']);
    expect(stdout.stdout.startsWith('unit,unit_code,')).toBe(true);
  });

  it('a failed --strict run says that no report was written and why', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, [...tinyUnit('Xã A', 'Xã', 25, 35), ...tinyUnit('Xã B', 'Xã', 20, 30)]);
    const r = await runInProcess([
      'score',
      ...args.map((a) => (a.endsWith('.csv') ? ws.path(a) : a)),
      '--strict',
      '-o',
      ws.path('r.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('W_SURVEY_NOT_GIVEN');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      'không ghi báo cáo nào: có 1 cảnh báo và --strict coi cảnh báo là lỗi',
    );
  });
});

describe("a council's mistakes", () => {
  it('two bands at the same threshold are a usage error; => is >= in --bands as in --bands-file', async () => {
    const same = await runInProcess([...PROVINCE, '--bands', 'A>=80; B>=80; C']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('"B>=80": mức này cùng ngưỡng với mức trước');
    const arrow = JSON.parse(
      (await runInProcess([...PROVINCE, '--bands', 'A=>85; B', '--format', 'json'])).stdout,
    );
    expect(arrow.groups[0].bands.map((b: { op: string }) => b.op)).toEqual(['>=', null]);
    const ws = await workspace();
    const file = await ws.write(
      'bands.csv',
      csv([
        ['khối', 'xếp loại', 'từ', 'so sánh'],
        ['*', 'A', 85, '=>'],
        ['*', 'B', null, null],
      ]),
    );
    const fromFile = JSON.parse(
      (await runInProcess([...PROVINCE, '--bands-file', file, '--format', 'json'])).stdout,
    );
    expect(fromFile.groups[0].bands).toEqual(arrow.groups[0].bands);
    const wrong = await ws.write(
      'wrong.csv',
      csv([
        ['khối', 'xếp loại', 'từ', 'so sánh'],
        ['*', 'A', 85, '=<'],
        ['*', 'B', null, null],
      ]),
    );
    const bad = JSON.parse(
      (await runInProcess(['validate', ...PROVINCE.slice(1), '--bands-file', wrong, '--format', 'json']))
        .stdout,
    );
    expect(bad.diagnostics.find((d: { code: string }) => d.code === 'E_BANDS_INVALID').message).toContain(
      '>= > ≥ =>',
    );
  });

  it('a --bands-file group that no unit is in is a warning naming the nearest group', async () => {
    const ws = await workspace();
    const file = await ws.write(
      'bands.csv',
      csv([
        ['khối', 'xếp loại', 'từ'],
        ['Cấp huyen', 'Loại I', 80],
        ['Cấp huyen', 'Loại II', null],
      ]),
    );
    const r = JSON.parse(
      (await runInProcess(['validate', ...PROVINCE.slice(1), '--bands-file', file, '--format', 'json']))
        .stdout,
    );
    const w = r.diagnostics.find((d: { code: string }) => d.code === 'W_BANDS_GROUP_UNKNOWN');
    expect(w).toMatchObject({ severity: 'warning', file, row: 2 });
    expect(w.message).toContain('— có phải "Cấp huyện"?');
  });

  it('a wrong --previous file is one error, not a header error and a line per unit', async () => {
    const r = await runInProcess([...PROVINCE, '--previous', P('criteria.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `cchc: tệp kết quả kỳ trước "${P('criteria.csv')}" không dùng được: không có bảng với các cột đơn vị, xếp hạng, chỉ số`,
    ]);
    const json = await runInProcess([
      ...PROVINCE,
      '--previous',
      P('../rules/README.md').replace('README.md', 'expected.json'),
    ]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('không phải tệp JSON kết quả của cchc');
  });
});

describe('explain: gaps to the neighbours are signed, neighbour minus this unit', () => {
  it('a unit above with a lower total (its N/A leaf lowers its maximum) has a negative total gap', async () => {
    const ws = await workspace();
    const rows = [
      ['Xã A', 'Xã', '1.1', 'KPS', 'KPS'],
      ['Xã A', 'Xã', '1.2', 40, 40],
      ['Xã A', 'Xã', '2', null, 25],
      ...tinyUnit('Xã B', 'Xã', 30, 35, 25),
    ] as const;
    await tinyInputs(ws, rows, tinyCriteria());
    const args = [
      'explain',
      '--criteria',
      ws.path('criteria.csv'),
      '--scores',
      ws.path('scores.csv'),
      '--unit',
      'Xã B',
    ];
    const json = JSON.parse((await runInProcess([...args, '--format', 'json'])).stdout);
    // A: 65 of 70 = 92.86; B: 90 of 100 = 90.
    expect(json.neighbours.above).toMatchObject({ unit: 'Xã A', indexGap: 2.86, totalGap: -25 });
    const text = (await runInProcess(args)).stdout;
    expect(text).toContain('Xã A xếp trên: chỉ số cao hơn 2,86, tổng điểm thấp hơn 25,00');
    expect(text).toContain('vì điểm tối đa của hai đơn vị khác nhau');
    expect(text).toMatch(/│ Xếp trên +│ Xã A +│ +92,86 │ +1\/2 │ +\+2,86 │ +−25,00 │/);
    const a = JSON.parse((await runInProcess([...args.slice(0, -1), 'Xã A', '--format', 'json'])).stdout);
    expect(a.neighbours.below).toMatchObject({ unit: 'Xã B', indexGap: -2.86, totalGap: 25 });
  });
});
