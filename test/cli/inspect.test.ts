// cchc inspect: how each input is read — sheets read, skipped or refused, header rows, column roles,
// units, rows — as a table and as cchc.inspect/1 JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { csv, type Json, LONG_HEADER, ROOT, run, runJson, tinyCriteria, workspace } from './helpers.js';
import { OFFICE } from './officeSets.js';

const schema = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'docs', 'schema', `${name}.schema.json`), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
ajv.addSchema(schema('cchc.diagnostics'));
ajv.addSchema(schema('cchc.inspect'));
function schemaErrors(doc: unknown): string[] {
  const validate = ajv.getSchema('cchc.inspect.schema.json')!;
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const sheetsOf = (json: Json, file: string): Json[] =>
  (json.files as Json[]).find((f) => f.file === file)?.sheets ?? [];

describe('cchc inspect', () => {
  it('shows every sheet: read with its columns and units, skipped and why, refused with the row it found', async () => {
    const dir = join(OFFICE, 'second-sheet');
    const r = await run(['inspect', 'scores-nguoi-lap-bieu.xlsx', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  sheet 1 "Khối phòng": read — long layout, header row 4');
    expect(lines).toContain('    3 units: Phòng Nội vụ, Phòng Tư pháp, Phòng Văn hóa và Thông tin');
    expect(lines).toContain('    rows: 42 read (0 rejected), 0 headings, 0 subtotals, 0 blank');
    expect(r.stdout).toMatch(/ {4}column B {2}"Đơn vị" +unit\n/);
    expect(lines).toContain(
      '  sheet 3 "Người lập biểu": NOT UNDERSTOOD — a table, but no header row with the columns needed',
    );
    expect(lines).toContain(
      '    row 3 looks like its header: STT, Họ và tên, Chức vụ, Đơn vị, Số điện thoại',
    );
    expect(r.stdout).toMatch(
      /^error E_SHEET_NOT_UNDERSTOOD scores-nguoi-lap-bieu\.xlsx › Người lập biểu › 3: /m,
    );
  });

  it('in Vietnamese by default', async () => {
    const r = await run(['inspect', 'scores.xlsx'], { cwd: join(OFFICE, 'second-sheet') });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toContain('  trang 2 "Khối xã": đọc — dạng long, tiêu đề dòng 4');
  });

  it('a two-row header: its rows, and the columns under "Điểm" read as self-assessed and appraised', async () => {
    const r = await runJson(['inspect', 'scores-long.xlsx'], { cwd: join(OFFICE, 'multirow-header') });
    expect(r.code).toBe(0);
    expect(schemaErrors(r.json)).toEqual([]);
    const [sheet] = sheetsOf(r.json, 'scores-long.xlsx');
    expect(sheet).toMatchObject({ status: 'read', layout: 'long', header: { first: 6, last: 7 } });
    expect(sheet.columns.map((c: Json) => [c.column, c.header, c.role])).toEqual([
      ['A', 'STT', 'stt'],
      ['B', 'Đơn vị', 'unit'],
      ['C', 'Khối', 'group'],
      ['D', 'Mã tiêu chí', 'criterion'],
      ['E', 'Điểm Tự đánh giá', 'self'],
      ['F', 'Điểm Thẩm định', 'appraised'],
      ['G', 'Ghi chú', 'note'],
    ]);
    expect(sheet.units).toHaveLength(5);
  });

  it('blank forms of a returned template: skipped as not entered, each naming its unit', async () => {
    const r = await runJson(['inspect', 'tra-ve-hoa-chinh.xlsx'], {
      cwd: join(OFFICE, 'templates-returned'),
    });
    expect(schemaErrors(r.json)).toEqual([]);
    expect(
      sheetsOf(r.json, 'tra-ve-hoa-chinh.xlsx').map((s: Json) => [s.sheet, s.status, s.reason, s.units]),
    ).toEqual([
      ['Hướng dẫn', 'skipped', 'no-table', []],
      ['Chúc Sơn', 'skipped', 'not-entered', ['Thị trấn Chúc Sơn']],
      ['Thủy Xuân Tiên', 'skipped', 'not-entered', ['Xã Thủy Xuân Tiên']],
      ['Hòa Chính', 'read', null, ['Xã Hòa Chính']],
      ['Trung Hòa', 'skipped', 'not-entered', ['Xã Trung Hòa']],
    ]);
  });

  it('with --criteria the codes are checked; without it only the structure, and it says so', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    await ws.write(
      'scores.csv',
      csv([LONG_HEADER, ['Xã A', 'Xã', '1.1', 20, 20], ['Xã A', 'Xã', '9.9', 1, 1]]),
    );
    const plain = await runJson(['inspect', 'scores.csv'], { cwd: ws.dir });
    expect(plain.code).toBe(0);
    expect(plain.json.checked).toBe(false);
    expect(plain.json.rows).toEqual({ read: 2, scored: 2, rejected: 0 });
    const checked = await runJson(['inspect', 'scores.csv', '--criteria', 'criteria.csv'], { cwd: ws.dir });
    expect(checked.code).toBe(1);
    expect(checked.json.checked).toBe(true);
    expect(checked.json.diagnostics.map((d: Json) => [d.code, d.cell])).toEqual([
      ['E_UNKNOWN_CRITERION', 'C3'],
    ]);
    expect(checked.json.rows).toEqual({ read: 2, scored: 1, rejected: 1 });
    expect(checked.json.files.map((f: Json) => f.role)).toEqual(['criteria', 'scores']);
    expect(schemaErrors(checked.json)).toEqual([]);
    const table = await run(['inspect', 'scores.csv', '--lang', 'en'], { cwd: ws.dir });
    expect(table.stdout).toContain('(no --criteria: criterion codes, names and subtotals are not checked');
  });

  it('a survey file in the long layout with one value column', async () => {
    const r = await runJson(['inspect', '--survey', 'survey.csv'], {
      cwd: join(OFFICE, 'survey-long-single'),
    });
    const [sheet] = sheetsOf(r.json, 'survey.csv');
    expect(sheet.layout).toBe('long');
    expect(sheet.columns.map((c: Json) => c.role)).toEqual(['unit', 'criterion', 'value']);
    expect(sheet.rows).toMatchObject({ read: 8, rejected: 0 });
  });

  it('needs a file: a usage error (exit 2) otherwise', async () => {
    const r = await run(['inspect']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a refused file points at inspect in its error', async () => {
    const dir = join(OFFICE, 'second-sheet');
    const r = await runJson(
      ['validate', '--criteria', 'criteria.xlsx', '--scores', 'scores-nguoi-lap-bieu.xlsx', '--lang', 'en'],
      {
        cwd: dir,
      },
    );
    const refused = (r.json.diagnostics as Json[]).find((d) => d.code === 'E_SHEET_NOT_UNDERSTOOD');
    expect(refused.message).toContain('run "cchc inspect scores-nguoi-lap-bieu.xlsx" to see how it was read');
  });
});
