// Convert's words come from the catalogue, in both languages: the option errors it raised as inline
// English/Vietnamese text (E_USAGE), and the reason of an input that changed between its two readings.
// Its guess of a text input's encoding is the readers' own format sniffing (one place decides what a file is).
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inputTables, scanInputs, writeOutputs } from '../../src/convert/runConvert.js';
import { formatMessage } from '../../src/i18n/format.js';
import { UsageError } from '../../src/model/errors.js';
import { run, workspace, xlsx } from '../cli/helpers.js';

describe('convert option errors', () => {
  it.each([
    [['-o', 'a.csv', '--out-dir', 'd'], 'E_OPTIONS_EXCLUSIVE', 'use either -o or --out-dir, not both'],
    [['--to', 'long'], 'E_OPTION_REQUIRES', '--to long needs --criteria'],
  ])('%j: a usage error from the catalogue (%s)', async (args, _code, en) => {
    const ws = await workspace();
    await ws.write('in.csv', 'Đơn vị,Điểm\nXã A,1\n');
    const vi = await run(['convert', 'in.csv', ...args], { cwd: ws.dir });
    const english = await run(['convert', 'in.csv', ...args, '--lang', 'en'], { cwd: ws.dir });
    expect([vi.code, english.code]).toEqual([2, 2]);
    expect(english.stderr).toBe(`cchc: ${en}\n(see: cchc convert --help)\n`);
    expect(vi.stderr).toMatch(/^cchc: .*(chỉ dùng một trong|cần có thêm)/);
    expect(vi.stderr).toContain('(xem hướng dẫn: cchc convert --help)');
  });
});

describe('an input that changes between the two readings', () => {
  it('is E_FILE_UNREADABLE with a reason the catalogue words in each language', async () => {
    const ws = await workspace();
    const sheet = (name: string) => ({
      name,
      rows: [
        ['Đơn vị', 'Điểm'],
        ['Xã A', 1],
      ],
    });
    const file = await ws.xlsx('in.xlsx', [sheet('A'), sheet('B')]);
    // Nothing kept from the first reading: the second reads the file again.
    const inputs = await scanInputs([file], { read: {}, legacyFont: 'none', stdin: null, cacheRows: 0 });
    const { tables } = inputTables(inputs, undefined);
    expect(tables).toHaveLength(2);
    await writeFile(file, await xlsx([sheet('A')]));
    const sink = { write: async () => {}, close: async () => {} };
    const options = { decimal: 'dot', bom: false, date: new Date(0) } as const;
    const failed = await writeOutputs(
      inputs,
      [{ path: 'x', format: 'csv', tables }],
      async () => sink,
      options,
    )
      .then(() => null)
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(UsageError);
    const e = failed as UsageError;
    expect(e.code).toBe('E_FILE_UNREADABLE');
    const said = (lang: 'vi' | 'en') => formatMessage({ code: e.code, args: e.args }, lang);
    expect(said('en')).toContain('it changed while it was being converted');
    expect(said('vi')).toContain('tệp đã thay đổi trong lúc đang được chuyển đổi');
    expect(said('vi')).not.toMatch(/changed|while|converted/);
  });
});

describe('the encoding convert reports is the CSV reader’s, for what the readers read as text', () => {
  it('an HTML table saved in UTF-16 is an HTML export, not a UTF-16 CSV', async () => {
    const ws = await workspace();
    const html =
      '<html><body><table><tr><td>Đơn vị</td><td>Điểm</td></tr><tr><td>Xã A</td><td>1</td></tr></table></body></html>';
    await ws.write('bang.xls', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]));
    await ws.write(
      'bang.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Đơn vị,Điểm\nXã A,1\n', 'utf16le')]),
    );
    const r = await run(['convert', 'bang.xls', 'bang.csv', '--out-dir', 'out', '--lang', 'en'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const of = (name: string) => lines.find((l) => l.startsWith(`${name} →`)) ?? '';
    expect(of('bang.csv')).toContain('encoding utf-16le');
    expect(of('bang.xls')).not.toContain('encoding');
    expect(of('bang.xls')).toContain('2 rows');
  });
});
