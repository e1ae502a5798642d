// Every sheet accounted for: a chart sheet, an Excel 5 dialog sheet and an Excel 4 macro sheet hold no table
// of cells. The xlsx reader dropped them before the ledger saw them; they are skipped with their reason, in
// `cchc inspect` and as an I_SHEET_SKIPPED info, like an empty sheet. So is a sheet the workbook lists
// without its part.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { zip } from '../read/helpers.js';
import {
  type DiagnosticRecord,
  type Json,
  LONG_HEADER,
  ROOT,
  run,
  runJson,
  tinyCriteria,
  workspace,
} from './helpers.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const cell = (ref: string, v: string | number) =>
  typeof v === 'number'
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const row = (r: number, values: (string | number)[]) =>
  `<row r="${r}">${values.map((v, i) => cell(`${'ABCDE'[i]}${r}`, v)).join('')}</row>`;

/** Sheet 1 "Điểm" is a complete long table for Xã A; then a chart, a dialog, a macro sheet and a lost one. */
function workbook(): Buffer {
  const data = [
    row(1, LONG_HEADER),
    row(2, ['Xã A', 'Xã', '1.1', 25, 25]),
    row(3, ['Xã A', 'Xã', '1.2', 35, 35]),
  ].join('');
  const sheets = [
    ['Điểm', 'rId1'],
    ['Biểu đồ', 'rId2'],
    ['Hộp thoại', 'rId3'],
    ['Macro1', 'rId4'],
    ['Mất', 'rId9'], // no such relationship
  ];
  const rels = [
    ['rId1', `${REL}/worksheet`, 'worksheets/sheet1.xml'],
    ['rId2', `${REL}/chartsheet`, 'chartsheets/sheet1.xml'],
    ['rId3', `${REL}/dialogsheet`, 'dialogsheets/sheet1.xml'],
    ['rId4', 'http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet', 'macrosheets/sheet1.xml'],
  ];
  return zip([
    [
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook ${NS} ${RNS}><sheets>${sheets
        .map(([name, id], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="${id}"/>`)
        .join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="${PKG}">${rels
        .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
        .join('')}</Relationships>`,
    ],
    [
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0"?><worksheet ${NS}><sheetData>${data}</sheetData></worksheet>`,
    ],
    [
      'xl/chartsheets/sheet1.xml',
      `<?xml version="1.0"?><chartsheet ${NS} ${RNS}><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
    ],
    ['xl/dialogsheets/sheet1.xml', `<?xml version="1.0"?><dialogsheet ${NS}/>`],
    [
      'xl/macrosheets/sheet1.xml',
      `<?xml version="1.0"?><xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" ${NS}><sheetData>${row(1, ['=HALT()'])}</sheetData></xm:macrosheet>`,
    ],
  ]);
}

const SKIPPED: [sheet: string, reason: string][] = [
  ['Biểu đồ', 'chart-sheet'],
  ['Hộp thoại', 'dialog-sheet'],
  ['Macro1', 'macro-sheet'],
  ['Mất', 'sheet-missing'],
];

describe('sheets without cells', () => {
  it('validate: Xã A is read, each other sheet is an I_SHEET_SKIPPED info naming it', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write('scores.xlsx', workbook());
    const r = await runJson(
      ['validate', '--criteria', 'criteria.csv', '--scores', 'scores.xlsx', '--no-survey', '--lang', 'en'],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const skipped = (r.json.diagnostics as DiagnosticRecord[]).filter((d) => d.code === 'I_SHEET_SKIPPED');
    expect(skipped.map((d) => d.sheet)).toEqual(SKIPPED.map(([s]) => s));
    expect(skipped[0]!.message).toBe('sheet not read: a chart sheet, no cells');
    expect(r.json.rows).toEqual({ read: 2, scored: 2, rejected: 0 });
  });

  it('inspect: every sheet of the workbook listed, the chart sheet skipped as one', async () => {
    const ws = await workspace();
    await ws.write('scores.xlsx', workbook());
    const r = await runJson(['inspect', 'scores.xlsx'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    const ajv = new Ajv2020({ strict: true, strictTypes: false });
    for (const name of ['cchc.diagnostics', 'cchc.inspect'])
      ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'docs', 'schema', `${name}.schema.json`), 'utf8')));
    const valid = ajv.getSchema('cchc.inspect.schema.json')!;
    expect(valid(r.json), JSON.stringify(valid.errors)).toBe(true);
    const sheets = (r.json.files as Json[])[0].sheets as Json[];
    expect(sheets.map((s) => [s.sheet, s.status, s.reason ?? null])).toEqual([
      ['Điểm', 'read', null],
      ...SKIPPED.map(([s, reason]) => [s, 'skipped', reason]),
    ]);
    const table = await run(['inspect', 'scores.xlsx'], { cwd: ws.dir });
    expect(table.stdout.split('\n')).toContain('  trang 2 "Biểu đồ": bỏ qua — trang biểu đồ');
  });

  it('--sheet naming the chart sheet: no table there (E_NO_HEADER), not "no such sheet"', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write('scores.xlsx', workbook());
    const r = await runJson(
      [
        'validate',
        '--criteria',
        'criteria.csv',
        '--scores',
        'scores.xlsx',
        '--sheet',
        'Biểu đồ',
        '--no-survey',
      ],
      { cwd: ws.dir },
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.json.diagnostics.map((d: DiagnosticRecord) => d.code)).toContain('E_NO_HEADER');
  });
});
