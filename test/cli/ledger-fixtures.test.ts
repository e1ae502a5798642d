// No sheet and no row of any bundled fixture is lost: every sheet of every score and survey file is read or
// skipped with a reason (refused only where a set says so), and every non-empty row below a header is read,
// a heading, a subtotal or a blank line — counted against the files read independently (exceljs,
// csv-parse), not through the product's readers.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, type Json, runJson } from './helpers.js';
import { type Args, loadExpected, OFFICE } from './officeSets.js';

interface Input {
  dir: string;
  criteria: string;
  file: string;
  role: 'scores' | 'survey';
}

/** Every score and survey file of the bundled samples, with the criteria it is scored against. */
function inputs(): Input[] {
  const found = new Map<string, Input>();
  const add = (dir: string, a: Args) => {
    for (const [role, files] of [
      ['scores', a.scores],
      ['survey', a.survey],
    ] as const)
      for (const file of files) found.set(`${dir}|${file}`, { dir, criteria: a.criteria, file, role });
  };
  add(join(FIXTURES, 'province'), {
    criteria: 'criteria.xlsx',
    scores: ['scores.xlsx', 'scores.csv', 'scores-wide.csv'],
    survey: ['survey.csv', 'survey.xlsx'],
  });
  add(join(FIXTURES, 'district'), {
    criteria: 'criteria.xlsx',
    scores: ['scores-phong.xlsx', 'scores-sunghiep.csv', 'scores-xa.xlsx'],
    survey: ['survey-xa.csv'],
  });
  add(join(FIXTURES, 'rules'), { criteria: 'criteria.csv', scores: ['scores.csv'], survey: [] });
  for (const set of readdirSync(OFFICE, { withFileTypes: true })) {
    if (!set.isDirectory() || set.name === 'lib' || set.name === 'sets') continue;
    const exp = loadExpected(set.name);
    // legacy-font-mixed is a convert sample (args of another shape), not a scoring one.
    for (const line of [exp, ...(exp.variants ?? [])])
      if (Array.isArray(line.args?.scores)) add(join(OFFICE, set.name), line.args);
  }
  return [...found.values()];
}

/** Sheets a set makes to be refused: a sheet that holds data but is not a score table. */
const REFUSED = new Set(['scores-nguoi-lap-bieu.xlsx|Người lập biểu']);

const nonEmpty = (values: unknown[]): boolean =>
  values.some(
    (v) =>
      v !== null && v !== undefined && String(typeof v === 'object' ? JSON.stringify(v) : v).trim() !== '',
  );

/** Row numbers of the non-empty rows of each sheet, read without the product. */
async function nonEmptyRows(path: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (extname(path) === '.csv') {
    const records: string[][] = parse(readFileSync(path), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    const sheet = path.replace(/^.*\//, '').replace(/\.csv$/, '');
    out.set(
      sheet,
      records.flatMap((r, i) => (nonEmpty(r) ? [i + 1] : [])),
    );
    return out;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  for (const ws of wb.worksheets) {
    const rows: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (nonEmpty((row.values as unknown[]).slice(1))) rows.push(n);
    });
    out.set(ws.name, rows);
  }
  return out;
}

describe('the readers lose no sheet and no row of a bundled fixture', () => {
  it.each(inputs().map((i) => [`${i.dir.replace(`${FIXTURES}/`, '')}/${i.file}`, i] as const))(
    '%s',
    async (_name, input) => {
      const args = input.role === 'survey' ? ['--survey', input.file] : [input.file];
      const r = await runJson(['inspect', '--criteria', input.criteria, ...args], { cwd: input.dir });
      const file = (r.json.files as Json[]).find((f) => f.file === input.file);
      expect(file?.sheets.length).toBeGreaterThan(0);
      // Counted independently for CSV and real xlsx (a zip); .xls/.ods (and an .xls named .xlsx) by the checks only.
      const path = join(input.dir, input.file);
      const zip = readFileSync(path).subarray(0, 2).toString('latin1') === 'PK';
      const countable = extname(path) === '.csv' || (extname(path) === '.xlsx' && zip);
      const independent = countable ? await nonEmptyRows(path) : null;
      for (const s of file.sheets as Json[]) {
        const refused = REFUSED.has(`${input.file}|${s.sheet}`);
        expect(s.status === 'refused', `${s.sheet}: ${s.status} ${s.reason}`).toBe(refused);
        if (s.status === 'skipped') expect(s.reason, s.sheet).not.toBeNull();
        if (s.header === null || s.rows === null) continue;
        const { read, scored, rejected, headings, subtotals, blank } = s.rows;
        expect(read).toBe(scored + rejected);
        if (!independent) continue;
        const below = (independent.get(s.sheet) ?? []).filter((n) => n > s.header.last);
        expect(read + headings + subtotals + blank, `${s.sheet}: rows below row ${s.header.last}`).toBe(
          below.length,
        );
      }
    },
  );
});
