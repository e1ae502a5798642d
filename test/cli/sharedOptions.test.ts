// The options every command shares (--lang, --strict, --no-color, --config) are declared once and resolved
// in one place (STYLE.md principle 14); commander's own errors come out of our catalogue (docs/commands.md).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runInProcess, workspace } from './helpers.js';

const COMMANDS = ['score', 'validate', 'explain', 'convert', 'template'];

describe('shared options', () => {
  it.each(COMMANDS)('%s --help lists --lang, --strict, --no-color and --config', async (command) => {
    const r = await runInProcess([command, '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--lang <vi|en>', '--strict', '--no-color', '--config <tệp>'])
      expect(r.stdout).toContain(option);
  });

  it('the settings file sets the language of every command, the command line wins over it', async () => {
    const ws = await workspace();
    const config = await ws.write('c.json', JSON.stringify({ lang: 'en' }));
    const en = await runInProcess(['template', '--config', config]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('cchc template needs the option --criteria');
    const vi = await runInProcess(['template', '--config', config, '--lang', 'vi']);
    expect(vi.stderr).toContain('lệnh cchc template cần tùy chọn --criteria');
    const envEn = await runInProcess(['convert'], { env: { CCHC_LANG: 'en' } });
    expect(envEn.stderr).toContain('cchc convert needs <files>');
  });

  it('a bad choice names the option and the values it takes, before any file is read', async () => {
    for (const [args, found] of [
      [['score', '--stage', 'final'], 'final'],
      [['convert', 'x.csv', '--legacy-font', 'abc'], 'abc'],
      [['template', '--lang', 'fr'], 'fr'],
    ] as const) {
      const r = await runInProcess(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`^cchc: giá trị "${found}" không hợp lệ cho --[a-z-]+; cần một trong: `),
      );
    }
  });

  it.each([
    [['score', '--frobnicate'], 'E_UNKNOWN_OPTION', 'lệnh cchc score không có tùy chọn --frobnicate'],
    [['scor'], 'E_UNKNOWN_COMMAND', 'không có lệnh "scor" — có phải "score"?'],
    [['score', '--formt', 'json'], 'E_UNKNOWN_OPTION', '— có phải "--format"?'],
    [['explain', '--criteria', 'a.csv'], 'E_MISSING_OPTION', 'lệnh cchc explain cần tùy chọn --unit'],
    [['score', '--criteria'], 'E_OPTION_NEEDS_VALUE', 'tùy chọn --criteria cần một giá trị'],
    [['template', 'a'], 'E_TOO_MANY_ARGUMENTS', 'lệnh cchc template không nhận đối số "a"'],
  ])('%j: %s in Vietnamese, exit 2, then where to find help', async (args, _code, text) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, second] = r.stderr.trimEnd().split('\n');
    expect(first).toContain(text);
    expect(first).not.toMatch(/error:/);
    expect(second).toMatch(/^\(xem hướng dẫn: cchc( [a-z]+)? --help\)$/);
  });

  it('the same mistakes in English with --lang en', async () => {
    const r = await runInProcess(['score', '--frobnicate', '--lang', 'en']);
    expect(r.stderr).toBe('cchc: cchc score has no option --frobnicate\n(see: cchc score --help)\n');
  });
});

describe('file dates', () => {
  it('a workbook written by score carries SOURCE_DATE_EPOCH, else 1980-01-01', async () => {
    const ws = await workspace();
    const p = (f: string) => join(FIXTURES, 'province', f);
    const args = [
      'score',
      '--criteria',
      p('criteria.csv'),
      '--scores',
      p('scores.csv'),
      '--survey',
      p('survey.csv'),
    ];
    const created = async (file: string, env: Record<string, string>) => {
      const r = await runInProcess([...args, '-o', ws.path(file)], { env });
      expect(r.code, r.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(ws.path(file));
      return wb.created.toISOString();
    };
    expect(await created('a.xlsx', { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20.000Z');
    expect(await created('b.xlsx', {})).toBe('1980-01-01T00:00:00.000Z');
  });
});
