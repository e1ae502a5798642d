// template → filled in as a unit would (exceljs) → score --layout form (and auto-detected) → the fixture's
// expected results. The forms are filled from fixtures/province/scores.csv, the long layout of the same data.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, type Json, run, runJson, workspace } from '../cli/helpers.js';
import { zipEntryInfos } from '../render/zipReader.js';

const P = join(FIXTURES, 'province');

interface Filled {
  self: string;
  appraised: string;
  evidence: string;
  note: string;
}

/** unit → code → values, from the long CSV (a plain split: the fixture quotes only decimal commas). */
async function longValues(): Promise<Map<string, Map<string, Filled>>> {
  const text = (await readFile(join(P, 'scores.csv'), 'utf8')).replace(/^\uFEFF/, '');
  const byUnit = new Map<string, Map<string, Filled>>();
  for (const line of text.split(/\r?\n/).slice(4)) {
    if (line === '') continue;
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    const [, unit, , code, self, appraised, , evidence, note] = cells as string[];
    if (!byUnit.has(unit!)) byUnit.set(unit!, new Map());
    byUnit
      .get(unit!)!
      .set(code!, { self: self!, appraised: appraised!, evidence: evidence ?? '', note: note ?? '' });
  }
  return byUnit;
}

const cellValue = (s: string): string | number | null => {
  if (s === '') return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
};

async function fillForms(path: string, values: Map<string, Map<string, Filled>>): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let filled = 0;
  for (const ws of wb.worksheets) {
    const title = String(ws.getCell('A1').value ?? '');
    if (!title.startsWith('Đơn vị: ')) continue;
    const unit = values.get(title.slice('Đơn vị: '.length));
    expect(unit, title).toBeDefined();
    ws.eachRow((row) => {
      const v = unit!.get(String(row.getCell(1).value ?? ''));
      if (!v) return;
      expect(row.getCell(4).protection?.locked).toBe(false);
      row.getCell(4).value = cellValue(v.self);
      row.getCell(5).value = cellValue(v.appraised);
      row.getCell(6).value = cellValue(v.evidence);
      row.getCell(7).value = cellValue(v.note);
      filled++;
    });
  }
  await wb.xlsx.writeFile(path);
  return filled;
}

async function expectedUnits(): Promise<Json[]> {
  return JSON.parse(await readFile(join(P, 'expected.json'), 'utf8')).units;
}

describe('template → form → score', () => {
  it('scores the filled forms exactly as the long layout', async () => {
    const ws = await workspace();
    const expected = await expectedUnits();
    const units = await ws.write(
      'units.csv',
      `Đơn vị,Khối\n${expected.map((u) => `${u.unit},${u.group}`).join('\n')}\n`,
    );
    const forms = ws.path('forms.xlsx');
    const t = await run(['template', '--criteria', join(P, 'criteria.xlsx'), '--units', units, '-o', forms]);
    expect(t.code, t.stderr).toBe(0);
    expect(await fillForms(forms, await longValues())).toBe(13 * 38);

    for (const layout of [['--layout', 'form'], []]) {
      const r = await runJson([
        'score',
        '--criteria',
        join(P, 'criteria.xlsx'),
        '--scores',
        forms,
        '--survey',
        join(P, 'survey.csv'),
        ...layout,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json.rows).toEqual({ read: 13 * 38 + 13, scored: 13 * 38 + 13, rejected: 0 });
      const got = new Map((r.json.units as Json[]).map((u) => [u.unit, u]));
      for (const e of expected) {
        const u = got.get(e.unit);
        expect({
          unit: e.unit,
          appraisal: u?.appraisal,
          self: u?.self,
          total: u?.total,
          index: u?.index,
          rank: u?.rank,
        }).toEqual({
          unit: e.unit,
          appraisal: e.appraisal,
          self: e.self,
          total: e.total,
          index: e.index,
          rank: e.rank,
        });
      }
    }
  });

  it('refuses to overwrite an input and writes nothing on criteria errors', async () => {
    const ws = await workspace();
    const units = await ws.write('units.csv', 'Đơn vị,Khối\nXã A,Xã\n');
    const r = await run(['template', '--criteria', join(P, 'criteria.csv'), '--units', units, '-o', units]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/units\.csv/);
    const bad = await ws.write('criteria.csv', 'Mã tiêu chí,Tên tiêu chí,Điểm tối đa\n1,A,x\n');
    const r2 = await run(['template', '--criteria', bad, '--units', units, '-o', ws.path('f.xlsx')]);
    expect(r2.code).toBe(1);
    await expect(readFile(ws.path('f.xlsx'))).rejects.toThrow();
  });

  it('writes the same bytes for the same inputs, whatever the clock says, dated 1980-01-01 or SOURCE_DATE_EPOCH', async () => {
    const ws = await workspace();
    const units = await ws.write('units.csv', 'Đơn vị,Khối\nXã A,Xã\nXã B,Xã\n');
    const once = async (name: string, env: Record<string, string> = {}) => {
      const args = ['template', '--criteria', join(P, 'criteria.csv'), '--units', units, '-o', ws.path(name)];
      const r = await run(args, { env });
      expect(r.code, r.stderr).toBe(0);
      return readFile(ws.path(name));
    };
    // In-process runs see this clock: a day and a few seconds apart (zip times have 2-second steps).
    vi.useFakeTimers({ toFake: ['Date'] });
    let first: Buffer;
    try {
      vi.setSystemTime(new Date('2025-06-01T08:00:00Z'));
      first = await once('a.xlsx');
      vi.setSystemTime(new Date('2025-06-02T08:00:07Z'));
      expect((await once('b.xlsx')).equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const dos = (y: number, m: number, d: number) => ((y - 1980) << 9) | (m << 5) | d;
    expect(zipEntryInfos(first).every((e) => e.date === dos(1980, 1, 1) && e.time === 0)).toBe(true);
    const dated = zipEntryInfos(await once('c.xlsx', { SOURCE_DATE_EPOCH: '1751328000' }));
    expect(dated.every((e) => e.date === dos(2025, 7, 1))).toBe(true);
  });
});
