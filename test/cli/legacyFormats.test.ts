// .xls and .ods inputs end to end, in-process (no LibreOffice on PATH): the committed fixtures of
// test/fixtures-bin/legacy (made by make.mjs) score exactly like the .xlsx they were saved from.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  codesOf,
  type Json,
  ROOT,
  run,
  runBinary,
  runJson,
  tinyCriteria,
  type Workspace,
  workspace,
} from './helpers.js';

const LEGACY = join(ROOT, 'test', 'fixtures-bin', 'legacy');

/** A PATH with nothing on it: node is started by its absolute path, so only LibreOffice is hidden. */
async function noPrograms(ws: Workspace): Promise<Record<string, string>> {
  await mkdir(ws.path('empty-bin'));
  return { PATH: ws.path('empty-bin') };
}

describe('scores in .xls and .ods', () => {
  // Worked by hand: Mộ Đức 28.5 + 32.62 = 61.12 appraisal + 20.75 survey = 81.87 of 100; Đức Phổ 30 + 35.5 =
  // 65.5, survey KPS (excluded), so 65.5 of 70 = 93.5714…% → 93.57, first of the two.
  it.each(['xlsx', 'xls', 'ods'])('scores.%s gives the same ranking, with no LibreOffice', async (ext) => {
    const ws = await workspace();
    const criteria = await ws.write('criteria.csv', tinyCriteria());
    const scores = join(LEGACY, `scores.${ext}`);
    const r = await runJson(['score', '--criteria', criteria, '--scores', scores], {
      env: await noPrograms(ws),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(
      (r.json.units as Json[]).map((u) => [u.unit, u.appraisal, u.survey, u.total, u.index, u.rank]),
    ).toEqual([
      ['Thị xã Đức Phổ', 65.5, 0, 65.5, 93.57, 1],
      ['Huyện Mộ Đức', 61.12, 20.75, 81.87, 81.87, 2],
    ]);
    expect(r.json.rows).toEqual({ read: 6, scored: 6, rejected: 0 });
    // Every sheet is accounted for: the hidden instructions sheet after the scores is named as skipped.
    expect(codesOf(r.json)).toEqual(['I_HIDDEN_SHEET_SKIPPED']);
  });

  it('an .xls renamed .xlsx is read, with an info naming what it is, never "password-protected"', async () => {
    const ws = await workspace();
    const criteria = await ws.write('criteria.csv', tinyCriteria());
    const renamed = ws.path('diem.xlsx');
    await copyFile(join(LEGACY, 'scores.xls'), renamed);
    const r = await runJson(['validate', '--criteria', criteria, '--scores', renamed, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(codesOf(r.json)).toEqual(['I_FILE_FORMAT', 'I_HIDDEN_SHEET_SKIPPED']);
    const info = (r.json.diagnostics as Json[])[0];
    expect(info.file).toBe(renamed);
    expect(info.message).toMatch(/named \.xlsx but holds an Excel 97-2003 workbook \(\.xls\)/);
    expect(r.stderr).not.toMatch(/password/i);
  });
});

describe('convert: an old .xls typed in .VnTime (TCVN3) with comma decimals', () => {
  it('comes out as a clean long table that score accepts, with no LibreOffice', async () => {
    const ws = await workspace();
    const env = await noPrograms(ws);
    const criteria = await ws.write(
      'criteria.csv',
      tinyCriteria([], ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Thành phần']),
    );
    const long = ws.path('long.csv');
    const xls = join(LEGACY, 'scores-tcvn3.xls');
    const c = await run(
      ['convert', xls, '--to', 'long', '--criteria', criteria, '-o', long, '--lang', 'en'],
      {
        env,
      },
    );
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(/cells re-encoded from TCVN3/);
    const text = await readFile(long, 'utf8');
    expect(text).toContain('Huyện Mộ Đức,Cấp huyện,1.2,,32.62,,,');
    const r = await runJson(['score', '--criteria', criteria, '--scores', long], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(new Map((r.json.units as Json[]).map((u) => [u.unit, u.total]))).toEqual(
      new Map([
        ['Huyện Mộ Đức', 81.87],
        ['Thị xã Đức Phổ', 65.5],
      ]),
    );
  });
});

describe('SheetJS is loaded only for the formats that need it', () => {
  /** Hooks that write a marker to stderr when @e965/xlsx is asked for: by require() (the bundle is CommonJS)
   * or by import (a module resolve hook, own thread). They need a process of their own (NODE_OPTIONS), so
   * these runs spawn the binary. */
  async function watching(ws: Workspace): Promise<Record<string, string>> {
    const hooks = await ws.write(
      'hooks.mjs',
      "import { writeSync } from 'node:fs';\n" +
        'export async function resolve(s, c, next) {\n' +
        "  if (s === '@e965/xlsx') writeSync(2, 'SHEETJS-LOADED\\n');\n" +
        '  return next(s, c);\n}\n',
    );
    const register = await ws.write(
      'register.mjs',
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const required = await ws.write(
      'required.cjs',
      "const Module = require('node:module');\nconst load = Module._load;\n" +
        'Module._load = function (request, ...rest) {\n' +
        "  if (request === '@e965/xlsx') require('node:fs').writeSync(2, 'SHEETJS-LOADED\\n');\n" +
        '  return load.call(this, request, ...rest);\n};\n',
    );
    return { NODE_OPTIONS: `--import=${pathToFileURL(register).href} --require=${required}` };
  }

  it('not for xlsx and CSV inputs; yes for an .xls', async () => {
    const ws = await workspace();
    const env = await watching(ws);
    const criteria = await ws.write('criteria.csv', tinyCriteria());
    const xlsx = join(LEGACY, 'scores.xlsx');
    const plain = await runBinary(['validate', '--criteria', criteria, '--scores', xlsx], { env });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).not.toContain('SHEETJS-LOADED');
    const old = await runBinary(
      ['validate', '--criteria', criteria, '--scores', join(LEGACY, 'scores.xls')],
      {
        env,
      },
    );
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toContain('SHEETJS-LOADED');
  });
});
