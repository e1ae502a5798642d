// Text and number normalisation on the way in (docs/inputs.md): NFC/NFD and spacing of unit names, English
// headers, comma decimals, numbers stored as text, a UTF-8 BOM, title rows above the header.
import { describe, expect, it } from 'vitest';
import {
  csv,
  type Json,
  LONG_HEADER,
  longScores,
  run,
  tinyCriteria,
  tinyUnit,
  workspace,
} from './helpers.js';

const score = async (cwd: string, args: string[]) => {
  const r = await run(['score', ...args, '--format', 'json'], { cwd });
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as Json;
};
const summary = (json: Json) =>
  json.units.map((u: Json) => [u.unit, u.group, u.appraisal, u.survey, u.total, u.index]);

describe('unit names', () => {
  it('NFD in one file and NFC with double spaces in another are one unit', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const nfd = 'Xã An Bình'.normalize('NFD');
    const spaced = '  Xã   An  Bình '.normalize('NFC');
    expect(nfd).not.toBe('Xã An Bình');
    await ws.write(
      'a.csv',
      longScores([[nfd, 'Xã', '1.1', 25, 25], ...tinyUnit('Xã Hòa Lạc', 'Xã', 20, 30)]),
    );
    await ws.write('b.csv', longScores([[spaced, 'xã', '1.2', 35, 35]]));
    await ws.write(
      'survey.csv',
      csv([
        ['Đơn vị', 'Điểm XHH'],
        ['XÃ AN BÌNH'.normalize('NFD'), 20],
        ['Xã Hòa Lạc', 18],
      ]),
    );
    const json = await score(ws.dir, [
      '--criteria',
      'criteria.csv',
      '--scores',
      'a.csv',
      '--scores',
      'b.csv',
      '--survey',
      'survey.csv',
    ]);
    expect(json.diagnostics).toEqual([]);
    expect(summary(json)).toEqual([
      ['Xã An Bình', 'Xã', 60, 20, 80, 80],
      ['Xã Hòa Lạc', 'Xã', 50, 18, 68, 68],
    ]);
    expect(json.units[0].unit).toBe('Xã An Bình'.normalize('NFC'));
    expect(json.groups).toHaveLength(1);
  });
});

describe('headers', () => {
  it('English headers (code, name, max, component / unit, group, criterion, self, appraised) work', async () => {
    const ws = await workspace();
    await ws.write(
      'criteria.csv',
      tinyCriteria([], ['code', 'name', 'max', 'component'])
        .replace('thẩm định', 'appraisal')
        .replace(',xhh', ',survey'),
    );
    await ws.write(
      'scores.csv',
      longScores(
        [...tinyUnit('Xã A', 'Xã', 25, 35, 20)],
        ['unit', 'group', 'criterion', 'self', 'appraised'],
      ),
    );
    const json = await score(ws.dir, ['--criteria', 'criteria.csv', '--scores', 'scores.csv']);
    expect(summary(json)).toEqual([['Xã A', 'Xã', 60, 20, 80, 80]]);
  });

  it('headers match ignoring case, diacritics, spaces and punctuation', async () => {
    const ws = await workspace();
    await ws.write(
      'criteria.csv',
      tinyCriteria([], ['MÃ TIÊU CHÍ', 'Ten tieu chi', 'Điểm tối đa (*)', 'Thanh_phan']),
    );
    await ws.write(
      'scores.csv',
      longScores(tinyUnit('Xã A', 'Xã', 25, 35, 20), [
        'ĐƠN VỊ',
        'khoi',
        'Mã  tiêu chí',
        'Điểm tự đánh giá:',
        'DIEM THAM DINH',
      ]),
    );
    const json = await score(ws.dir, ['--criteria', 'criteria.csv', '--scores', 'scores.csv']);
    expect(summary(json)).toEqual([['Xã A', 'Xã', 60, 20, 80, 80]]);
  });

  it('title rows and an empty row above the header are skipped; BOM and CRLF are fine', async () => {
    const ws = await workspace();
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    await ws.write(
      'criteria.csv',
      `\uFEFF${crlf(`BỘ TIÊU CHÍ CCHC,,,\r\nNăm 2024,,,\r\n,,,\r\n${tinyCriteria()}`)}`,
    );
    const body = longScores(tinyUnit('Xã A', 'Xã', '25', '35,5', '20,25'), LONG_HEADER);
    await ws.write(
      'scores.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(`UBND HUYỆN X,,,,\n,,,,\n${body}`))]),
    );
    const json = await score(ws.dir, ['--criteria', 'criteria.csv', '--scores', 'scores.csv']);
    expect(summary(json)).toEqual([['Xã A', 'Xã', 60.5, 20.25, 80.75, 80.75]]);
    expect(json.rows).toEqual({ read: 3, scored: 3, rejected: 0 });
  });
});

describe('numbers', () => {
  it('comma decimals, dot decimals and spaces around numbers are read exactly', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      longScores([
        ['Xã A', 'Xã', '1.1', '24,45', ' 24,45 '],
        ['Xã A', 'Xã', '1.2', '36.67', '36.67'],
        ['Xã A', 'Xã', '2', '', '20,75'],
      ]),
    );
    const json = await score(ws.dir, ['--criteria', 'criteria.csv', '--scores', 'scores.csv']);
    expect(json.units[0]).toMatchObject({ appraisal: 61.12, survey: 20.75, total: 81.87, index: 81.87 });
    expect(JSON.stringify(json)).not.toMatch(/\d\.\d*0000000\d/);
  });

  it('an xlsx with numbers stored as text (incl. comma decimals) scores as numeric cells do', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    const rows = (a: unknown, b: unknown, s: unknown) => [
      ['Bảng điểm'],
      [],
      LONG_HEADER,
      ['Xã A', 'Xã', '1.1', a, a],
      ['Xã A', 'Xã', '1.2', b, b],
      ['Xã A', 'Xã', '2', null, s],
    ];
    await ws.xlsx('text.xlsx', [{ name: 'Điểm', rows: rows('24,45', '36.67', '20,75') }]);
    await ws.xlsx('numbers.xlsx', [{ name: 'Điểm', rows: rows(24.45, 36.67, 20.75) }]);
    const text = await score(ws.dir, ['--criteria', 'criteria.csv', '--scores', 'text.xlsx']);
    const numbers = await score(ws.dir, ['--criteria', 'criteria.csv', '--scores', 'numbers.xlsx']);
    expect(summary(text)).toEqual([['Xã A', 'Xã', 61.12, 20.75, 81.87, 81.87]]);
    expect(summary(numbers)).toEqual(summary(text));
  });

  it('criterion codes written as numbers or with a trailing dot are the same code', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.xlsx('scores.xlsx', [
      {
        name: 'Điểm',
        rows: [
          LONG_HEADER,
          ['Xã A', 'Xã', 1.1, 25, 25],
          ['Xã A', 'Xã', '1.2.', 35, 35],
          ['Xã A', 'Xã', ' 2 ', null, 20],
        ],
      },
    ]);
    const json = await score(ws.dir, ['--criteria', 'criteria.csv', '--scores', 'scores.xlsx']);
    expect(summary(json)).toEqual([['Xã A', 'Xã', 60, 20, 80, 80]]);
  });
});
