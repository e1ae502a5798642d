// Old .xls workbooks in the TCVN3 font with comma decimals typed as text: convert turns them into a clean
// long table that score accepts. LibreOffice only makes the .xls here; cchc reads it in-process (SheetJS),
// as test/cli/legacyFormats.test.ts shows with committed fixtures and no LibreOffice at all.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type Json, run, runJson, tinyCriteria, type Workspace, workspace } from '../cli/helpers.js';
import { tcvn3Bytes } from '../convert/encoders.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
/** What an old Excel shows for a .VnTime cell: the TCVN3 bytes read as Latin-1 characters. */
const tcvn3 = (s: string) => tcvn3Bytes(s).toString('latin1');

const ROWS = [
  [tcvn3('Bảng tổng hợp điểm chỉ số cải cách hành chính')],
  [],
  [tcvn3('Đơn vị'), tcvn3('Khối'), '1.1', '1.2', tcvn3('Điểm điều tra xã hội học')],
  [tcvn3('Huyện Mộ Đức'), tcvn3('Cấp huyện'), '28,5', '32,62', '20,75'],
  [tcvn3('Thị xã Đức Phổ'), tcvn3('Cấp huyện'), '30', '35,5', 'KPS'],
];

async function tcvn3Workbook(ws: Workspace): Promise<string> {
  return ws.xlsx('diem-tcvn3.xlsx', [{ name: 'Sheet1', rows: ROWS }]);
}

async function toXls(ws: Workspace, xlsx: string): Promise<string> {
  const profile = pathToFileURL(ws.path('lo-profile')).href;
  await promisify(execFile)(
    SOFFICE!,
    ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'xls', '--outdir', ws.dir, xlsx],
    {
      timeout: 120_000,
    },
  );
  return xlsx.replace(/\.xlsx$/, '.xls');
}

async function convertAndScore(ws: Workspace, input: string): Promise<Json> {
  const criteria = await ws.write(
    'criteria.csv',
    tinyCriteria([], ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Thành phần']),
  );
  const long = ws.path('long.csv');
  const c = await run(['convert', input, '--to', 'long', '--criteria', criteria, '-o', long, '--lang', 'en']);
  expect(c.code, c.stderr).toBe(0);
  expect(c.stderr).toMatch(/cells re-encoded from TCVN3/);
  const text = await readFile(long, 'utf8');
  expect(text.split('\n')[0]).toBe(
    'Đơn vị,Khối,Mã tiêu chí,Điểm tự đánh giá,Điểm thẩm định,Lý do điều chỉnh,Tài liệu kiểm chứng,Ghi chú',
  );
  expect(text).toContain('Huyện Mộ Đức,Cấp huyện,1.2,,32.62,,,');
  const r = await runJson(['score', '--criteria', criteria, '--scores', long]);
  expect(r.code, r.stderr).toBe(0);
  return r.json;
}

describe('convert: TCVN3 workbooks with comma decimals', () => {
  it('an xlsx comes out as a clean long table that score accepts', async () => {
    const ws = await workspace();
    const json = await convertAndScore(ws, await tcvn3Workbook(ws));
    const md = (json.units as Json[]).find((u) => u.unit === 'Huyện Mộ Đức');
    expect(md).toMatchObject({ group: 'Cấp huyện', appraisal: 61.12, survey: 20.75, total: 81.87 });
  });

  // LibreOffice is installed by .ci/run; without it this test fails rather than passes unseen.
  it('an .xls made by LibreOffice comes out as a clean long table that score accepts', async () => {
    expect(SOFFICE, 'apt-get install -y libreoffice-calc').toBeTruthy();
    const ws = await workspace();
    const xls = await toXls(ws, await tcvn3Workbook(ws));
    const json = await convertAndScore(ws, xls);
    const totals = new Map((json.units as Json[]).map((u) => [u.unit, u.total]));
    expect(totals).toEqual(
      new Map([
        ['Huyện Mộ Đức', 81.87],
        ['Thị xã Đức Phổ', 65.5],
      ]),
    );
  });
});
