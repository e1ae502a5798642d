import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toNumber } from '../../src/model/decimal.js';
import type { Results } from '../../src/model/results.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { leafColumns } from '../../src/render/xlsxDetail.js';
import { ctx, largeSample, reportSample, XSS } from './reportSample.js';
import { zipEntries, zipEntryInfos } from './zipReader.js';

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
    expect(header.slice(1, 14)).toEqual([
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
      'Số đơn vị',
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
      // Rank and group size are numbers, so that the column sorts.
      expect([row.getCell(11).value, row.getCell(12).value]).toEqual([u.rank, u.of]);
      expect(row.getCell(11).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(13).value).toBe(u.band);
    });
    const noi = rowOf(ws, 'Sở Nội vụ');
    expect(noi.getCell(10).value).toBe(95.75);
    expect(noi.getCell(15).value).toBe(1); // rank change: 2 → 1
    expect((noi.getCell(13).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD7EFDC');
  });

  it('uses --precision for the number format', async () => {
    const ws = sheet(await read(await renderXlsx(results, ctx({ precision: 3 }))), 'Xếp hạng');
    expect(ws.getRow(4).getCell(10).numFmt).toBe('0.000');
  });

  it('freezes the headers, sets widths and prints A4 landscape with repeated headers', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
      // One page wide, or, when that would print below 8 points, at the 8-point scale with the unit
      // column repeated on every page.
      if (ws.pageSetup.fitToPage) expect(ws.pageSetup.fitToWidth).toBe(1);
      else {
        expect(ws.pageSetup.scale).toBe(73);
        expect(ws.pageSetup.printTitlesColumn).toMatch(/^\$?A:\$?A$/);
      }
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
      results.units
        .filter((u) => u.groupKey === g.groupKey && u.rank === 1)
        .map((u) => u.unit)
        .join(', '),
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

  it('styles headers, bodies and band cells as the report always has', () => {
    const ws = sheet(wb, 'Xếp hạng');
    const title = ws.getCell('A1');
    expect(title.font).toMatchObject({ bold: true, size: 14, color: { argb: 'FF1F3A5F' } });
    expect(ws.getRow(1).height).toBe(22);
    expect(ws.getCell('A2').font).toMatchObject({ italic: true, color: { argb: 'FF555F6D' } });
    const header = ws.getCell('D3');
    expect(ws.getRow(3).height).toBe(32);
    expect(header.font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } });
    expect(header.alignment).toMatchObject({ vertical: 'middle', horizontal: 'center', wrapText: true });
    expect(header.border).toEqual({ bottom: { style: 'thin', color: { argb: 'FFBFC5CD' } } });
    const thin = { style: 'thin', color: { argb: 'FFBFC5CD' } };
    const body = ws.getCell('B4'); // a unit code, or an empty cell that still has its borders
    expect(body.border).toEqual({ top: thin, bottom: thin, left: thin, right: thin });
    expect(body.alignment).toMatchObject({ vertical: 'top' });
    expect(ws.getCell('J4').font).toMatchObject({ bold: true }); // the index
    expect(ws.getCell('K4').alignment).toMatchObject({ horizontal: 'center' }); // the rank
    expect(ws.getCell('O4').numFmt).toBe('+0;-0;0'); // rank change
    expect(ws.getCell('Q4').numFmt).toBe('+0.00;-0.00;0.00'); // index change
    const band = rowOf(ws, 'Sở Nội vụ').getCell(13);
    expect(band.font).toMatchObject({ bold: true, color: { argb: 'FF0F4220' } });
    // The band columns of Xếp loại carry their band's colours in the header too.
    const bands = sheet(wb, 'Xếp loại');
    expect(bands.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFD7EFDC' } });
    expect(bands.getCell('C3').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    // KPS is centred and muted; the maxima row is filled.
    const detail = sheet(wb, 'Chi tiết');
    const kps = rowOf(detail, 'Sở Giáo dục và Đào tạo').getCell(
      4 + leafColumns(results.units).indexOf('1.3'),
    );
    expect(kps.font).toMatchObject({ color: { argb: 'FF6B7280' } });
    expect(kps.alignment).toMatchObject({ horizontal: 'center' });
    expect(rowOf(detail, 'Điểm tối đa').getCell(2).fill).toMatchObject({ fgColor: { argb: 'FFEEF1F5' } });
    const changes = sheet(wb, 'Thẩm định');
    expect(rowOf(changes, 'Tổng điểm điều chỉnh theo đơn vị').getCell(1).font).toMatchObject({
      bold: true,
      size: 12,
    });
    expect(rowOf(changes, 'Sở Y tế').getCell(7).alignment).toMatchObject({ wrapText: true });
  });

  it('freezes each sheet under its headers, filters the tables and prints the footer', () => {
    const views = Object.fromEntries(
      wb.worksheets.map((w) => {
        const view = w.views[0] as Partial<ExcelJS.WorksheetViewFrozen>;
        return [w.name, [view.xSplit ?? 0, view.ySplit ?? 0]];
      }),
    );
    expect(views).toEqual({
      'Xếp hạng': [1, 3],
      'Xếp loại': [1, 3],
      'Chi tiết': [1, 4],
      'Thẩm định': [1, 3],
      'Cảnh báo': [0, 3],
    });
    expect(sheet(wb, 'Xếp hạng').autoFilter).toBe(`A3:Q${3 + results.units.length}`);
    const codes = leafColumns(results.units);
    expect(sheet(wb, 'Chi tiết').autoFilter).toMatch(new RegExp(`^A3:[A-Z]+${4 + results.units.length}$`));
    expect(sheet(wb, 'Chi tiết').getColumn(4 + codes.length).width).toBe(11);
    expect(sheet(wb, 'Chi tiết').getColumn(4).width).toBe(7);
    expect([12, 22, 90, 28, 18, 8].map((_, i) => sheet(wb, 'Cảnh báo').getColumn(i + 1).width)).toEqual([
      12, 22, 90, 28, 18, 8,
    ]);
    expect(sheet(wb, 'Xếp hạng').getColumn(11).width).toBe(9);
    for (const w of wb.worksheets) {
      expect(w.headerFooter.oddFooter).toBe('&L&A&R&P / &N');
      expect(w.headerFooter.oddHeader).toBe('&C&BKết quả Chỉ số cải cách hành chính&B');
      expect(w.pageSetup.margins).toEqual({
        left: 0.4,
        right: 0.4,
        top: 0.5,
        bottom: 0.5,
        header: 0.3,
        footer: 0.3,
      });
      if (w.pageSetup.fitToPage) expect(w.pageSetup.fitToHeight).toBe(0);
    }
  });

  it('starts each group of the ranking on a new printed page', () => {
    const ws = sheet(wb, 'Xếp hạng');
    const lastOfGroup: number[] = [];
    results.units.forEach((u, i) => {
      const next = results.units[i + 1];
      if (next && next.groupKey !== u.groupKey) lastOfGroup.push(4 + i);
    });
    expect(lastOfGroup.length).toBeGreaterThan(0);
    // exceljs does not read page breaks back: look at the sheet's XML.
    const xml = zipEntries(bytes).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect([...xml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]))).toEqual(
      lastOfGroup,
    );
    expect(ws.getCell(`A${lastOfGroup[0]! + 1}`).value).not.toBeNull();
  });

  it('never loads exceljs to write the report', () => {
    // A child process on the built code: exceljs is CommonJS, so loading it at all puts it in require.cache.
    const script = `
      const { createRequire } = await import('node:module');
      const { main } = await import('./dist/cli/main.js');
      const out = { write: () => true, isTTY: false };
      const code = await main(['node', 'cchc', 'score', '--criteria', 'fixtures/province/criteria.csv',
        '--scores', 'fixtures/province/scores.csv', '--survey', 'fixtures/province/survey.csv',
        '-o', process.argv[1]], { stdout: out, stderr: out, stdin: process.stdin, env: process.env });
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ code, exceljs: cache.filter((k) => k.includes('exceljs')).length }));`;
    const dir = mkdtempSync(join(tmpdir(), 'cchc-noexceljs-'));
    try {
      const file = join(dir, 'r.xlsx');
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], {
        cwd: join(import.meta.dirname, '..', '..'),
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toEqual({ code: 0, exceljs: 0 });
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

    it('stamps the file date the CLI resolved (SOURCE_DATE_EPOCH) when given', async () => {
      const bytes2 = await renderXlsx(results, { ...ctx(), stamp: new Date(1700000000 * 1000) });
      const wb2 = await read(bytes2);
      expect(wb2.created.toISOString()).toBe('2023-11-14T22:13:20.000Z');
      expect(wb2.modified.toISOString()).toBe('2023-11-14T22:13:20.000Z');
      expect([wb2.creator, wb2.lastModifiedBy, wb2.title]).toEqual([
        'cchc',
        'cchc',
        'Kết quả Chỉ số cải cách hành chính',
      ]);
      // 2023-11-14 22:13:20 UTC as an MS-DOS date and time, in every entry.
      for (const e of zipEntryInfos(bytes2)) {
        expect([e.date, e.time]).toEqual([
          ((2023 - 1980) << 9) | (11 << 5) | 14,
          (22 << 11) | (13 << 5) | 10,
        ]);
      }
    });
  });

  // Its speed is measured by `npm run bench`, not here.
  it('writes a province of 300 units × 100 leaves', async () => {
    const out = await read(await renderXlsx(largeSample(300, 100), ctx()));
    expect(sheet(out, 'Chi tiết').rowCount).toBe(4 + 300);
  });
});

describe('renderXlsx, publishable', () => {
  it('puts the title block in the first rows and the printed header of every sheet', async () => {
    const report = {
      title: 'Chỉ số CCHC 2025',
      period: 'Năm 2025',
      issuer: 'Sở Nội vụ & Tư pháp',
      date: null,
    };
    const wb = await read(
      await renderXlsx(results, ctx({ report: { ...report, printedDate: '2026-01-15' } })),
    );
    for (const ws of wb.worksheets) {
      expect(String(ws.getCell('A1').value)).toMatch(/^Chỉ số CCHC 2025 — /);
      expect(String(ws.getCell('A2').value)).toMatch(
        /^Năm 2025 · Sở Nội vụ & Tư pháp · Ngày 15 tháng 01 năm 2026 · /,
      );
      expect(ws.headerFooter.oddHeader).toBe(
        '&LSở Nội vụ && Tư pháp&C&BChỉ số CCHC 2025 — Năm 2025&B&RNgày 15 tháng 01 năm 2026',
      );
    }
  });

  it('leaves out the unit code column when no input has unit codes', async () => {
    const r = reportSample();
    for (const u of r.units) u.unitCode = null;
    const wb = await read(await renderXlsx(r, ctx()));
    for (const name of ['Xếp hạng', 'Chi tiết']) {
      const header = sheet(wb, name).getRow(3).values as unknown[];
      expect(header.slice(1, 3)).toEqual(['Đơn vị', 'Khối']);
    }
  });

  it('prints a wide detail sheet at 8 points or more, across pages, with the unit column repeated', async () => {
    const wide = await read(await renderXlsx(largeSample(20, 100), ctx()));
    const detail = sheet(wide, 'Chi tiết');
    expect(detail.pageSetup.fitToPage).toBeFalsy();
    expect(detail.pageSetup.scale).toBe(73);
    expect(detail.pageSetup.printTitlesColumn).toMatch(/^\$?A:\$?A$/);
    expect(detail.pageSetup.printTitlesRow).toMatch(/^\$?3:\$?4$/);
    // A narrow sheet still fits one page wide.
    expect(sheet(wide, 'Xếp loại').pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1 });
  });
});
