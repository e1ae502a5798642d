// What convert writes, format by format: typed xlsx cells at their row numbers, the same bytes for the
// same inputs, and a table larger than the first pass keeps (read twice, streamed out) that comes back
// the same through every format.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inputTables, scanInputs, writeOutputs } from '../../src/convert/runConvert.js';
import type { OutputFormat } from '../../src/convert/writeTable.js';
import { run, workspace } from '../cli/helpers.js';
import { zipEntryInfos } from '../render/zipReader.js';

const OPTIONS = { decimal: 'dot', bom: false, date: new Date(Date.UTC(1980, 0, 1)) } as const;

describe('convert → xlsx', () => {
  it('writes numbers, booleans, errors and dates as such, text neutralised, rows where they were', async () => {
    const ws = await workspace();
    const input = await ws.xlsx('in.xlsx', [
      {
        name: 'S',
        rows: [
          ['Đơn vị', 'Điểm', 'Đạt', 'Lỗi', 'Ngày', 'Ghi chú'],
          [],
          ['Xã An', '1,5', true, { error: '#DIV/0!' }, new Date(Date.UTC(2025, 6, 1)), '=cmd|x'],
          ['Xã Bình', 2, false, null, null, '-'],
        ],
      },
    ]);
    const r = await run(['convert', input, '-o', ws.path('out.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ws.path('out.xlsx'));
    const s = wb.getWorksheet('S')!;
    expect(s.getRow(2).cellCount).toBe(0);
    expect(s.getCell('B3').value).toBe(1.5);
    expect(s.getCell('C3').value).toBe(true);
    expect(s.getCell('D3').value).toEqual({ error: '#DIV/0!' });
    expect(s.getCell('E3').value).toEqual(new Date(Date.UTC(2025, 6, 1)));
    expect(s.getCell('F3').value).toBe("'=cmd|x");
    expect(s.getCell('F4').value).toBe('-');
  });

  it('gives the same bytes for the same inputs, stamped with the fixed date or SOURCE_DATE_EPOCH', async () => {
    const ws = await workspace();
    const input = await ws.write('in.csv', 'Đơn vị,Điểm\nXã An,"1,5"\nXã Bình,2\n');
    const a = await run(['convert', input, '-o', ws.path('a.xlsx')]);
    const b = await run(['convert', input, '-o', ws.path('b.xlsx')]);
    expect(a.code + b.code).toBe(0);
    const bytes = await readFile(ws.path('a.xlsx'));
    expect(bytes.equals(await readFile(ws.path('b.xlsx')))).toBe(true);
    // Every zip entry carries 1980-01-01 00:00, never the clock.
    expect(zipEntryInfos(bytes).every((e) => e.date === ((0 << 9) | (1 << 5) | 1) && e.time === 0)).toBe(
      true,
    );
    const epoch = await run(['convert', input, '-o', ws.path('c.xlsx')], {
      env: { SOURCE_DATE_EPOCH: '1751328000' },
    });
    expect(epoch.code).toBe(0);
    const c = zipEntryInfos(await readFile(ws.path('c.xlsx')));
    expect(c[0]?.date).toBe(((2025 - 1980) << 9) | (7 << 5) | 1);
  });
});

describe('convert of a table larger than the first pass keeps', () => {
  it('reads the input again and writes the same as from the kept rows, in every format', async () => {
    const ws = await workspace();
    const lines = ['Tổng hợp điểm', 'Đơn vị,Khối,Mã tiêu chí,Điểm thẩm định,Ghi chú'];
    for (let i = 1; i <= 300; i++)
      lines.push(`Xã số ${i % 70},Khối xã,${1 + (i % 9)}.${i % 7},"${i % 4},25",ghi chú ${i}`);
    const file = await ws.write('big.csv', `${lines.join('\n')}\n`);
    const convert = async (format: OutputFormat, cacheRows: number) => {
      const inputs = await scanInputs([file], { read: {}, legacyFont: 'auto', stdin: null, cacheRows });
      const { tables } = inputTables(inputs, undefined);
      const chunks: Buffer[] = [];
      const sink = {
        write: async (c: string | Uint8Array) => void chunks.push(Buffer.from(c)),
        close: async () => {},
      };
      const output = { path: 'x', format, tables };
      const rows = await writeOutputs(inputs, [output], async () => sink, OPTIONS);
      return {
        bytes: Buffer.concat(chunks),
        rows: [...rows.values()],
        kept: inputs[0]?.scan?.cached !== null,
      };
    };
    for (const format of ['csv', 'json', 'xlsx'] as const) {
      const kept = await convert(format, 10_000);
      const reread = await convert(format, 50);
      expect([kept.kept, reread.kept]).toEqual([true, false]);
      expect(reread.rows).toEqual([302]);
      expect(reread.bytes.equals(kept.bytes), format).toBe(true);
    }
    const csv = (await convert('csv', 50)).bytes.toString('utf8').split('\n');
    expect(csv[2]).toBe('Xã số 1,Khối xã,2.1,1.25,ghi chú 1');
  });
});
