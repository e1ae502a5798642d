import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Results } from '../../src/model/results.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { leafColumns } from '../../src/render/xlsxDetail.js';
import { toNumber } from '../../src/score/decimal.js';
import { ctx, largeSample, reportSample, XSS } from './reportSample.js';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Row number of the first row whose column A holds `text`. */
function rowOf(ws: ExcelJS.Worksheet, text: string, from = 1): ExcelJS.Row {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === text) return ws.getRow(r);
  throw new Error(`no row "${text}" in ${ws.name}`);
}

const results = reportSample();
const VI_SHEETS = ['Xếp hạng', 'Xếp loại', 'Chi tiết', 'Thẩm định', 'Cảnh báo'];

describe('renderXlsx', async () => {
  const bytes = await renderXlsx(results, ctx());
  const wb = await read(bytes);

  it('names the sheets in the chosen language', async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(VI_SHEETS);
    const en = await read(await renderXlsx(results, ctx({ lang: 'en' })));
    expect(en.worksheets.map((w) => w.name)).toEqual([
      'Ranking',
      'Bands',
      'Detail',
      'Appraisal changes',
      'Diagnostics',
    ]);
    expect(sheet(en, 'Ranking').getRow(3).getCell(1).value).toBe('Unit');
  });

  it('writes the published values of every unit as numeric cells formatted 0.00', () => {
    const ws = sheet(wb, 'Xếp hạng');
    const header = ws.getRow(3).values as unknown[];
    expect(header.slice(1, 13)).toEqual([
      'Đơn vị',
      'Mã đơn vị',
      'Khối',
      'Thẩm định',
      'Điều tra XHH',
      'Điểm cộng',
      'Điểm trừ',
      'Tổng điểm',
      'Điểm tối đa',
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
    ]);
    expect(header).toContain('Thay đổi hạng'); // some units have a previous result
    results.units.forEach((u, i) => {
      const row = ws.getRow(4 + i);
      const expected = u.unit.match(/^[=+\-@]/) ? `'${u.unit}` : u.unit;
      expect(row.getCell(1).value).toBe(expected);
      const numbers = [u.appraisal, u.survey, u.bonus, u.penalty, u.total, u.max, u.index];
      numbers.forEach((d, j) => {
        const cell = row.getCell(4 + j);
        expect(cell.value).toBe(d === null ? null : toNumber(d));
        if (d !== null) expect(cell.numFmt).toBe('0.00');
      });
      expect(row.getCell(11).value).toBe(`${u.rank}/${u.of}`);
      expect(row.getCell(12).value).toBe(u.band);
    });
    const noi = rowOf(ws, 'Sở Nội vụ');
    expect(noi.getCell(10).value).toBe(95.75);
    expect(noi.getCell(14).value).toBe(1); // rank change: 2 → 1
    expect((noi.getCell(12).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD7EFDC');
  });

  it('uses --precision for the number format', async () => {
    const ws = sheet(await read(await renderXlsx(results, ctx({ precision: 3 }))), 'Xếp hạng');
    expect(ws.getRow(4).getCell(10).numFmt).toBe('0.000');
  });

  it('freezes the headers, sets widths and prints A4 landscape with repeated headers', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
      });
      expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(12);
    }
    expect(sheet(wb, 'Xếp hạng').views[0]).toMatchObject({ ySplit: 3, xSplit: 1 });
    expect(sheet(wb, 'Xếp hạng').pageSetup.printTitlesRow).toMatch(/^\$?3:\$?3$/);
    expect(sheet(wb, 'Chi tiết').pageSetup.printTitlesRow).toMatch(/^\$?3:\$?4$/);
    // Wide enough for the longest Vietnamese name, capped.
    expect(sheet(wb, 'Xếp hạng').getColumn(1).width).toBe(48);
  });

  it('neutralises text that a spreadsheet would read as a formula, and writes no formula', () => {
    const ws = sheet(wb, 'Xếp hạng');
    expect(rowOf(ws, `'=HYPERLINK("http://evil.example","bấm vào")`).getCell(2).value).toBe("'=X02");
    rowOf(ws, "'+Xã Cộng Hòa");
    rowOf(ws, "'-Phường Trừ");
    rowOf(ws, "'@Xã Tại");
    rowOf(ws, XSS);
    const changes = sheet(wb, 'Thẩm định');
    const cong = rowOf(changes, "'+Xã Cộng Hòa");
    expect([cong.getCell(7).value, cong.getCell(8).value]).toEqual(["'@SUM(A1:A9)", "'-Không có"]);
    expect(rowOf(changes, 'Ban Quản lý dự án').getCell(8).value).toBe("'+84 912 345 678");
    for (const w of wb.worksheets) {
      w.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
  });

  it('summarises bands per group, one table per band scheme', () => {
    const ws = sheet(wb, 'Xếp loại');
    expect(ws.getRow(3).values).toEqual([
      undefined,
      'Khối',
      'Số đơn vị',
      'Xuất sắc (≥ 90)',
      'Tốt (≥ 80)',
      'Khá (≥ 70)',
      'Trung bình (≥ 50)',
      'Yếu',
      'Bình quân',
      'Trung vị',
      'Thấp nhất',
      'Cao nhất',
      'Dẫn đầu',
    ]);
    const g = results.groups[0]!;
    expect(ws.getRow(4).values).toEqual([
      undefined,
      g.group,
      g.units,
      ...g.bands.map((b) => b.count),
      toNumber(g.mean),
      toNumber(g.median),
      toNumber(g.min),
      toNumber(g.max),
      g.top,
    ]);
    expect(ws.getRow(4).getCell(8).numFmt).toBe('0.00');
    expect(rowOf(ws, 'Khối', 5).getCell(3).value).toBe('Loại I (≥ 90)');
  });

  it('lays out units × leaves with KPS for a leaf that did not arise', () => {
    const ws = sheet(wb, 'Chi tiết');
    const codes = leafColumns(results.units);
    expect(codes).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', 'S.1', 'S.2']);
    expect((ws.getRow(3).values as unknown[]).slice(4, 4 + codes.length)).toEqual(codes);
    const edu = rowOf(ws, 'Sở Giáo dục và Đào tạo');
    expect(edu.getCell(4 + codes.indexOf('1.3')).value).toBe('KPS');
    expect(edu.getCell(4 + codes.indexOf('2.2')).value).toBe(8);
    expect(edu.getCell(4 + codes.indexOf('2.2')).numFmt).toBe('0.00');
    const publicUnit = rowOf(ws, 'Ban Quản lý dự án');
    expect(publicUnit.getCell(4 + codes.indexOf('S.1')).value).toBeNull(); // no survey for that group
    expect(rowOf(ws, 'Điểm tối đa').getCell(4).value).toBe(4);
  });

  it('merges leaf orders from groups that use different leaves', () => {
    const unit = (codes: string[]) =>
      ({ leaves: codes.map((code) => ({ code })) }) as unknown as Results['units'][0];
    expect(leafColumns([unit(['1', '3', '4']), unit(['1', '2', '3']), unit(['0', '1'])])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('lists each change of the self-assessment with reason and evidence, then the total per unit', () => {
    const ws = sheet(wb, 'Thẩm định');
    const yte = rowOf(ws, 'Sở Y tế');
    expect(yte.values).toEqual([
      undefined,
      'Sở Y tế',
      'Sở, ban, ngành',
      '1.1',
      4,
      3.5,
      -0.5,
      'Chưa ban hành kế hoạch đúng hạn',
      'QĐ 123/QĐ-UBND ngày 05/3/2024',
    ]);
    expect(yte.getCell(6).numFmt).toBe('+0.00;-0.00;0.00');
    const total = rowOf(ws, 'Sở Y tế', rowOf(ws, 'Tổng điểm điều chỉnh theo đơn vị').number);
    expect(total.values).toEqual([undefined, 'Sở Y tế', 'Sở, ban, ngành', 2, 56, 51.5, -4.5]);
  });

  it('lists the diagnostics with where they point', () => {
    const ws = sheet(wb, 'Cảnh báo');
    expect(ws.getRow(3).values).toEqual([undefined, 'Mức độ', 'Mã', 'Nội dung', 'Tệp', 'Trang tính', 'Ô']);
    expect((ws.getRow(4).values as unknown[]).slice(0, 3)).toEqual([
      undefined,
      'Cảnh báo',
      'W_NOT_APPRAISED',
    ]);
    expect([4, 5, 6].map((c) => ws.getRow(4).getCell(c).value)).toEqual(['scores.xlsx', 'Xã', 'D7']);
    expect(ws.getRow(6).getCell(6).value).toBe('K1');
    expect(ws.rowCount).toBe(3 + results.diagnostics.length);
  });

  describe('determinism', () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    });

    it('gives byte-identical files for the same results, whatever the clock says', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2024-03-05T08:00:00Z'));
      const a = await renderXlsx(results, ctx());
      vi.setSystemTime(new Date('2031-11-20T17:43:11Z'));
      const b = await renderXlsx(results, ctx());
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect((await read(a)).created.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    });

    it('stamps SOURCE_DATE_EPOCH when set', async () => {
      vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
      const wb2 = await read(await renderXlsx(results, ctx()));
      expect(wb2.created.toISOString()).toBe('2023-11-14T22:13:20.000Z');
      expect(wb2.modified.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    });
  });

  // Its speed is measured by `npm run bench`, not here.
  it('writes a province of 300 units × 100 leaves', async () => {
    const out = await read(await renderXlsx(largeSample(300, 100), ctx()));
    expect(sheet(out, 'Chi tiết').rowCount).toBe(4 + 300);
  });
});

describe('renderXlsx as LibreOffice shows it', () => {
  it('displays the published values with two decimals', () => {
    let soffice = '';
    try {
      soffice = execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim();
    } catch {
      // reported below
    }
    if (!soffice) {
      throw new Error(
        'LibreOffice is needed for this test: apt-get install -y libreoffice-calc (provides soffice)',
      );
    }
    return (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cchc-xlsx-'));
      try {
        const file = join(dir, 'report.xlsx');
        writeFileSync(file, await renderXlsx(results, ctx()));
        mkdirSync(join(dir, 'out'));
        // Token 9 "true": save cell contents as shown; token 12 "-1": every sheet to its own file.
        execFileSync(
          soffice,
          [
            `-env:UserInstallation=file://${join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
            '--outdir',
            join(dir, 'out'),
            file,
          ],
          { stdio: 'pipe', timeout: 120_000 },
        );
        const files = readdirSync(join(dir, 'out'));
        expect(files.sort()).toEqual(VI_SHEETS.map((s) => `report-${s}.csv`).sort());
        const ranking = readFileSync(join(dir, 'out', 'report-Xếp hạng.csv'), 'utf8').split('\n');
        expect(ranking).toContain(
          'Sở Nội vụ,S01,"Sở, ban, ngành",67.00,27.75,1.00,0.00,95.75,100.00,95.75,1/5,Xuất sắc,2,+1,91.20,+4.55',
        );
        expect(ranking).toContain(
          'Ban Quản lý dự án,D02,Đơn vị sự nghiệp,53.50,,0.00,0.00,53.50,70.00,76.43,2/3,Loại III,,,,',
        );
        expect(ranking.some((l) => l.startsWith(`"'=HYPERLINK(`))).toBe(true);
        const detail = readFileSync(join(dir, 'out', 'report-Chi tiết.csv'), 'utf8');
        expect(detail).toContain('Sở Giáo dục và Đào tạo,S05,"Sở, ban, ngành",3.00,2.00,KPS,7.00,');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })();
  }, 180_000);
});
