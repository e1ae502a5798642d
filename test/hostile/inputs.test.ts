// Hostile inputs end to end (docs/inputs.md), through the built binary: every case ends within seconds with
// exit 1 (a located diagnostic) or 2 (a one-line usage error naming the file), never a stack trace, never a
// hang (the test timeout). The readers' own behaviour is tested in test/read/hostile.test.ts; this file
// checks what a user sees.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  codesOf,
  csv,
  findDiag,
  hasStack,
  LONG_HEADER,
  type RunResult,
  run,
  runJson,
  tinyCriteria,
  tinyUnit,
  type Workspace,
  workspace,
} from '../cli/helpers.js';
import { xlsxParts, zip } from '../read/helpers.js';

const T = 20_000;

/** Scores `scores` (a file in ws) against the tiny framework; JSON on stdout when the run gets that far. */
async function score(ws: Workspace, scores: string, extra: string[] = []): Promise<RunResult> {
  await ws.write('criteria.csv', tinyCriteria());
  return run(['score', '--criteria', 'criteria.csv', '--scores', scores, '--format', 'json', ...extra], {
    cwd: ws.dir,
  });
}

/** Exit 2 with one "cchc: …" line that names the file, nothing on stdout, no stack. */
function expectUsageError(r: RunResult, file: string): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(hasStack(r.stderr)).toBe(false);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cchc: /);
  expect(lines[0]).toContain(file);
}

/** Exit 1, the diagnostic `code` at `cell` of `file`, no stack. */
function expectLocated(r: RunResult, code: string, file: string, cell?: string): void {
  expect(r.code, r.stderr).toBe(1);
  expect(hasStack(r.stderr)).toBe(false);
  const json = JSON.parse(r.stdout);
  const d = findDiag(json, code);
  expect(d, JSON.stringify(codesOf(json))).toBeDefined();
  expect(d!.file).toBe(file);
  if (cell) expect(d!.cell).toBe(cell);
  expect(r.stderr).toContain(file);
}

/** A long-layout worksheet: header row then rows of inline cells (t="str"/numbers/raw XML). */
function longSheet(rows: string[][]): string {
  const header = LONG_HEADER.map(
    (h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`,
  );
  return [
    `<row r="1">${header.join('')}</row>`,
    ...rows.map((cells, i) => `<row r="${i + 2}">${cells.join('')}</row>`),
  ].join('');
}
const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const num = (ref: string, n: string) => `<c r="${ref}"><v>${n}</v></c>`;
/** Unit Xã A: 1.1 in row 2 (appraised cell E2 given by `e2`), 1.2 in row 3. */
const unitRows = (e2: string) => [
  [text('A2', 'Xã A'), text('B2', 'Xã'), text('C2', '1.1'), num('D2', '20'), e2],
  [text('A3', 'Xã A'), text('B3', 'Xã'), text('C3', '1.2'), num('D3', '30'), num('E3', '30')],
];
const workbook = (data: string, extra: Parameters<typeof xlsxParts>[1] = {}) =>
  zip(xlsxParts([{ name: 'Điểm', data }], extra));

describe('files that are not what they claim', () => {
  it('not a zip, truncated zip, encrypted workbook: exit 2 naming the file', { timeout: T }, async () => {
    const ws = await workspace();
    const good = workbook(longSheet(unitRows(num('E2', '20'))));
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const cases: [string, Buffer | string][] = [
      ['text.xlsx', 'Đơn vị,Khối\nXã A,Xã\n'],
      ['truncated.xlsx', good.subarray(0, Math.floor(good.length * 0.6))],
      ['locked.xlsx', cfb],
      ['empty.xlsx', Buffer.alloc(0)],
    ];
    for (const [name, bytes] of cases) {
      await ws.write(name, bytes);
      expectUsageError(await score(ws, name), name);
    }
  });

  it('a zip bomb, declared or lying, stops at --max-inflated-bytes (exit 2)', { timeout: T }, async () => {
    const ws = await workspace();
    // A score table (so that every row is read) of 40,000 rows: about 2 MB of XML.
    const header = `<row r="1">${LONG_HEADER.map(
      (h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`,
    ).join('')}</row>`;
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>1</v></c></row>`,
    );
    const parts = xlsxParts([{ name: 'S', data: header + rows.join('') }]);
    // Declared: the central directory admits 4 GB; nothing is inflated at all.
    await ws.write('declared.xlsx', zip(parts, { 'xl/worksheets/sheet1.xml': 0xfffffff0 }));
    expectUsageError(await score(ws, 'declared.xlsx'), 'declared.xlsx');
    // Lying: declares 100 bytes, inflates to about 2 MB; the cap counts what is really inflated.
    await ws.write('liar.xlsx', zip(parts, { 'xl/worksheets/sheet1.xml': 100 }));
    const r = await score(ws, 'liar.xlsx', ['--max-inflated-bytes', '300000']);
    expectUsageError(r, 'liar.xlsx');
    // The same file under the default cap is read to the end: rows without a criterion (exit 1).
    const ok = await score(ws, 'liar.xlsx');
    expect(ok.code).toBe(1);
    expect(codesOf(JSON.parse(ok.stdout))).toContain('E_ROW_NO_CRITERION');
  });
});

describe('limits on what a file makes cchc hold', () => {
  it('each limit is an option and a settings-file key; past it, exit 2 naming the option', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    const parts = xlsxParts(
      [
        { name: 'Điểm', data: longSheet(unitRows(num('E2', '20'))) },
        { name: 'Khác', data: `<row r="1">${text('A1', 'x')}</row>` },
      ],
      { sharedStrings: ['a', 'b', 'c'] },
    );
    await ws.write('two.xlsx', zip(parts));
    const over = await score(ws, 'two.xlsx', ['--max-sheets', '1']);
    expectUsageError(over, 'two.xlsx');
    expect(over.stderr).toContain('--max-sheets');
    const strings = await score(ws, 'two.xlsx', ['--max-shared-strings', '2']);
    expectUsageError(strings, 'two.xlsx');
    expect(strings.stderr).toContain('--max-shared-strings');
    await ws.write('cchc.config.json', JSON.stringify({ maxCellChars: 2 }));
    const cell = await score(ws, 'two.xlsx');
    expectUsageError(cell, 'two.xlsx');
    expect(cell.stderr).toContain('--max-cell-chars');
    const ok = await score(ws, 'two.xlsx', ['--max-cell-chars', '100', '--max-sheets', '2']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('cells that are not values', () => {
  const cases: [string, string, string][] = [
    ['a formula without a cached value', '<c r="E2"><f>D2*2</f></c>', 'E_FORMULA_NO_VALUE'],
    ['an Excel error cell', '<c r="E2" t="e"><v>#DIV/0!</v></c>', 'E_CELL_ERROR'],
    ['1e309 (overflows a double)', num('E2', '1e309'), 'E_VALUE_NOT_NUMBER'],
    ['NaN as text', text('E2', 'NaN'), 'E_VALUE_NOT_NUMBER'],
    ['Infinity as text', text('E2', 'Infinity'), 'E_VALUE_NOT_NUMBER'],
  ];
  for (const [what, cell, code] of cases) {
    it(`${what}: ${code} at E2 (exit 1)`, { timeout: T }, async () => {
      const ws = await workspace();
      await ws.write('scores.xlsx', workbook(longSheet(unitRows(cell))));
      expectLocated(await score(ws, 'scores.xlsx'), code, 'scores.xlsx', 'E2');
    });
  }

  it.each([
    ['0x3 in a number cell', '<c r="E2"><v>0x3</v></c>', 'E2'],
    ['a blank number', '<c r="E2"><v> </v></c>', 'E2'],
    ['two values in one cell', '<c r="E2"><v>3</v><v>4</v></c>', 'E2'],
    ['a shared-string index out of range in the unit column', '<c r="A2" t="s"><v>9</v></c>', 'A2'],
  ])('%s: one E_CELL_CORRUPT at the cell, never a value (exit 1)', { timeout: T }, async (_, cell, at) => {
    const ws = await workspace();
    const [first, second] = unitRows(num('E2', '20'));
    const row2 = first!.map((c) => (c.includes(`r="${at}"`) ? cell : c));
    await ws.write('scores.xlsx', workbook(longSheet([row2, second!])));
    const r = await score(ws, 'scores.xlsx');
    expectLocated(r, 'E_CELL_CORRUPT', 'scores.xlsx', at);
    // Said once at the cell, though a corrupt value cell is also rejected by its rule.
    const codes = JSON.parse(r.stdout)
      .diagnostics.filter((d: { cell: string }) => d.cell === at)
      .map((d: { code: string }) => d.code);
    expect(codes.filter((c: string) => c === 'E_CELL_CORRUPT')).toHaveLength(1);
    expect(codes).toEqual(['E_CELL_CORRUPT']);
  });

  it('a date where a number belongs: E_VALUE_DATE at E2', { timeout: T }, async () => {
    const ws = await workspace();
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    await ws.write(
      'scores.xlsx',
      workbook(longSheet(unitRows('<c r="E2" s="1"><v>45000</v></c>')), { styles }),
    );
    expectLocated(await score(ws, 'scores.xlsx'), 'E_VALUE_DATE', 'scores.xlsx', 'E2');
  });

  it('1e309, NaN and a date-like text in a CSV: located errors (exit 1)', { timeout: T }, async () => {
    const ws = await workspace();
    await ws.write(
      'scores.csv',
      csv([
        LONG_HEADER,
        ['Xã A', 'Xã', '1.1', 20, '1e309'],
        ['Xã A', 'Xã', '1.2', 30, 'NaN'],
        ['Xã B', 'Xã', '1.1', 1, '12/05/2024'],
        ['Xã B', 'Xã', '1.2', 1, 1],
      ]),
    );
    const r = await score(ws, 'scores.csv');
    expectLocated(r, 'E_VALUE_NOT_NUMBER', 'scores.csv', 'E2');
    const cells = JSON.parse(r.stdout)
      .diagnostics.filter((d: { code: string }) => d.code === 'E_VALUE_NOT_NUMBER')
      .map((d: { cell: string }) => d.cell);
    expect(cells).toEqual(expect.arrayContaining(['E2', 'E3', 'E4']));
  });
});

describe('headers and sheets', () => {
  for (const merged of [true, false]) {
    it(`a header of two rows, "Điểm" ${merged ? 'merged' : 'written once'} over "Tự đánh giá | Thẩm định": read (exit 0)`, {
      timeout: T,
    }, async () => {
      const ws = await workspace();
      const row = (r: number, code: string, self: string, appraised: string) =>
        `<row r="${r}">${text(`A${r}`, 'Xã A')}${text(`B${r}`, 'Xã')}${text(`C${r}`, code)}${num(`D${r}`, self)}${num(`E${r}`, appraised)}</row>`;
      const data =
        `<row r="1">${text('A1', 'Đơn vị')}${text('B1', 'Khối')}${text('C1', 'Mã tiêu chí')}${text('D1', 'Điểm')}</row>` +
        `<row r="2">${text('D2', 'Tự đánh giá')}${text('E2', 'Thẩm định')}</row>` +
        row(3, '1.1', '26', '25') +
        row(4, '1.2', '35', '35') +
        `<row r="5">${text('A5', 'Xã A')}${text('B5', 'Xã')}${text('C5', '2')}${num('E5', '20')}</row>`;
      const mergeCells = merged ? '<mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>' : '';
      const parts = xlsxParts([{ name: 'Điểm', data, after: mergeCells }]);
      await ws.write('merged.xlsx', zip(parts));
      const r = await score(ws, 'merged.xlsx');
      expect(r.code, r.stdout).toBe(0);
      expect(hasStack(r.stderr)).toBe(false);
      const json = JSON.parse(r.stdout);
      // Appraised 25 + 35 + survey 20 = 80; self-assessed 26 + 35 = 61 (read from D under "Điểm").
      expect(json.units[0]).toMatchObject({ unit: 'Xã A', appraisal: 60, self: 61, total: 80 });
      expect(json.rows).toEqual({ read: 3, scored: 3, rejected: 0 });
    });
  }

  it('duplicate headers: the second column is reported, the run ends (exit 0 or 1), no stack', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    const header = [...LONG_HEADER, 'Điểm thẩm định'];
    await ws.write(
      'dup.csv',
      csv([header, ['Xã A', 'Xã', '1.1', 20, 20, 25], ['Xã A', 'Xã', '1.2', 30, 30, 35]]),
    );
    const r = await score(ws, 'dup.csv');
    expect([0, 1]).toContain(r.code);
    expect(hasStack(r.stderr)).toBe(false);
    const d = JSON.parse(r.stdout).diagnostics.find((x: { cell: string | null }) => x.cell === 'F1');
    expect(d, r.stderr).toBeDefined();
  });

  it('the only score table on a hidden sheet: skipped with an info, then E_NO_HEADER (exit 1)', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    const parts = xlsxParts([
      { name: 'Bìa', data: `<row r="1">${text('A1', 'BÁO CÁO')}</row>` },
      { name: 'Ẩn', data: longSheet(unitRows(num('E2', '20'))), state: 'hidden' },
    ]);
    await ws.write('hidden.xlsx', zip(parts));
    const r = await score(ws, 'hidden.xlsx');
    expect(r.code).toBe(1);
    expect(hasStack(r.stderr)).toBe(false);
    const codes = codesOf(JSON.parse(r.stdout));
    expect(codes).toContain('I_HIDDEN_SHEET_SKIPPED');
    expect(codes).toContain('E_NO_HEADER');
  });
});

describe('text oddities', () => {
  it('ragged rows: short rows miss values (located), long rows warn (exit 1)', { timeout: T }, async () => {
    const ws = await workspace();
    await ws.write(
      'ragged.csv',
      `${LONG_HEADER.join(',')}\nXã A,Xã,1.1,20\nXã A,Xã,1.2,30,30,extra,more\nXã B\n`,
    );
    const r = await score(ws, 'ragged.csv');
    expect(r.code).toBe(1);
    expect(hasStack(r.stderr)).toBe(false);
    const json = JSON.parse(r.stdout);
    expect(codesOf(json)).toContain('W_ROW_EXTRA_CELLS');
    for (const d of json.diagnostics) if (d.severity === 'error') expect(d.file).toBe('ragged.csv');
    expect(json.rows.read).toBe(json.rows.scored + json.rows.rejected);
  });

  it('NFD names in one file and NFC in another, BOMs (UTF-8 and UTF-16): one unit each, exit 0', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', `\uFEFF${tinyCriteria()}`);
    const rows = [...tinyUnit('Xã Hòa Lạc', 'Xã', 25, 35), ...tinyUnit('Xã An Bình', 'Xã', 20, 30)];
    const nfd = csv([LONG_HEADER, ...rows]).normalize('NFD');
    await ws.write('scores.csv', `\uFEFF${nfd}`);
    await ws.write(
      'survey.csv',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          csv([
            ['Đơn vị', 'Điểm XHH'],
            ['Xã Hòa Lạc', 25],
            ['Xã An Bình', 20],
          ]).normalize('NFC'),
          'utf16le',
        ),
      ]),
    );
    const r = await runJson(
      ['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--survey', 'survey.csv'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.units.map((u: { unit: string; total: number }) => [u.unit, u.total])).toEqual([
      ['Xã Hòa Lạc'.normalize('NFC'), 85],
      ['Xã An Bình'.normalize('NFC'), 70],
    ]);
  });
});

describe('encodings and CSV structure', () => {
  it('one stray byte in a UTF-8 file: the file stays UTF-8, a warning at its line, names intact (exit 0)', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    const rows = [...tinyUnit('Xã Hòa Lạc', 'Xã', 25, 35), ...tinyUnit('Phường Đông Hà', 'Xã', 20, 30)];
    const noted = rows.map((r, i) => [...r, i === 2 ? 'Đã bổ sung hồ sơ' : '']);
    const body = Buffer.from(csv([[...LONG_HEADER, 'Ghi chú'], ...noted]), 'utf8');
    // A 0xFF byte (never valid UTF-8) in the note of the 4th line.
    const at = body.indexOf(Buffer.from('Đã bổ sung'));
    const bytes = Buffer.concat([body.subarray(0, at + 2), Buffer.from([0xff]), body.subarray(at + 2)]);
    await ws.write('scores.csv', bytes);
    await ws.write('criteria.csv', tinyCriteria());
    const r = await runJson(
      ['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--no-survey'],
      {
        cwd: ws.dir,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const warning = findDiag(r.json, 'W_TEXT_UNDECODABLE');
    expect(warning, r.stderr).toMatchObject({ file: 'scores.csv', row: 4, cell: 'F4' });
    const names = r.json.units.map((u: { unit: string }) => u.unit).sort();
    expect(names).toEqual(['Phường Đông Hà', 'Xã Hòa Lạc']);
  });

  it.each([
    [
      'UTF-32LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32('Đơn vị,Khối\nXã A,Xã\n')]),
      'UTF-32LE',
    ],
    ['UTF-32LE without a BOM', utf32('Đơn vị,Khối\nXã A,Xã\n'), 'UTF-32LE'],
    ['UTF-32BE without a BOM', utf32('Đơn vị,Khối\nXã A,Xã\n').swap32(), 'UTF-32BE'],
    ['UTF-7 (by its BOM)', Buffer.from('+/v8-Don vi,Khoi\n'), 'UTF-7'],
  ])('%s: exit 2 naming the encoding, no NUL byte printed', { timeout: T }, async (_, bytes, name) => {
    const ws = await workspace();
    await ws.write('scores.csv', bytes);
    const r = await score(ws, 'scores.csv');
    expectUsageError(r, 'scores.csv');
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toContain('\u0000');
  });

  it('a quote opened in one field and closed lines later: a warning naming the line it opened at', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    const lines = [
      LONG_HEADER.join(','),
      'Xã A,Xã,1.1,25,"25',
      'Xã A,Xã,1.2,35,35',
      'Xã B,Xã,1.1,20,20"',
      'Xã B,Xã,1.2,30,30',
      ...Array.from({ length: 20 }, (_, i) => `Xã C${i},Xã,1.1,1,1`),
    ];
    await ws.write('scores.csv', `${lines.join('\n')}\n`);
    const r = await score(ws, 'scores.csv');
    const w = findDiag(JSON.parse(r.stdout), 'W_CSV_QUOTE_SPANS_LINES');
    expect(w, r.stderr).toMatchObject({ file: 'scores.csv', row: 2, cell: 'E2' });
    expect(r.stderr).toMatch(/line 2|dòng 2/);
  });

  it('an unquoted decimal comma spilling into an existing empty note column: W_ROW_EXTRA_CELLS there', {
    timeout: T,
  }, async () => {
    const ws = await workspace();
    const lines = [
      [...LONG_HEADER, 'Ghi chú'].join(','),
      'Xã A,Xã,1.1,25,25,đã bổ sung',
      'Xã A,Xã,1.2,35,3,8',
    ];
    await ws.write('scores.csv', `${lines.join('\n')}\n`);
    const r = await score(ws, 'scores.csv');
    const w = findDiag(JSON.parse(r.stdout), 'W_ROW_EXTRA_CELLS');
    expect(w, r.stderr).toMatchObject({ file: 'scores.csv', row: 3, cell: 'F3' });
  });
});

/** Text as UTF-32LE bytes. */
function utf32(text: string): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => {
    b.writeUInt32LE(p, i * 4);
  });
  return b;
}

describe('a million rows', () => {
  /** 1,000,000 long rows: 10,000 units × 100 leaves of a 100-leaf framework. */
  async function million(ws: Workspace): Promise<void> {
    const leaves = Array.from({ length: 100 }, (_, i) => `1.${i + 1}`);
    await ws.write(
      'criteria.csv',
      csv([
        ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa'],
        ['1', 'Lĩnh vực', 100],
        ...leaves.map((c) => [c, `Tiêu chí ${c}`, 1]),
      ]),
    );
    const out = createWriteStream(ws.path('scores.csv'));
    out.write(`${LONG_HEADER.join(',')}\n`);
    for (let u = 0; u < 10_000; u++) {
      let chunk = '';
      for (const c of leaves) chunk += `Xã ${u},Xã,${c},1,${(u + c.length) % 2}\n`;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }

  it('--max-rows 100000: a clean E_TOO_MANY_ROWS as soon as the cap is passed (exit 2)', async () => {
    const ws = await workspace();
    await million(ws);
    // A quote left open at the very end: a reader that went through the whole file before counting would
    // fail on it (E_FILE_CORRUPT) instead of stopping at row 100,001.
    const tail = 'Xã cuối,"Xã,1.1,1,1\n';
    await appendFile(ws.path('scores.csv'), tail);
    const args = ['score', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--max-rows', '100000'];
    const r = await run(args, { cwd: ws.dir });
    expectUsageError(r, 'scores.csv');
    expect(r.stderr).toMatch(/100000/);
    // The same tail in a small file is what a whole read would have met.
    await ws.write('scores.csv', `${LONG_HEADER.join(',')}\nXã 1,Xã,1.1,1,1\n${tail}`);
    const small = await run(args, { cwd: ws.dir });
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/dấu ngoặc kép mở ở dòng 3 \(bản ghi 3\) không bao giờ đóng/);
  });

  it('without a cap: read, scored and ranked without crashing (exit 0)', { timeout: 180_000 }, async () => {
    const ws = await workspace();
    await million(ws);
    const r = await run(
      ['validate', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--format', 'json'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    expect(hasStack(r.stderr)).toBe(false);
  });
});
