// The HTML report in a real browser (Debian's chromium through playwright-core): nothing loads but the
// page, no script runs, the ranking shows the Results, and it prints to A4. Part of `npm run test:apps`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { formatDec } from '../../src/render/numbers.js';
import { ctx, reportSample, XSS } from '../render/reportSample.js';
import { CHROMIUM } from './programs.js';

const results = reportSample();
const OUT = join(process.cwd(), 'test', '.out');

describe('renderHtml in headless Chromium', () => {
  let browser: Browser;
  const file = join(OUT, 'report.html');
  const url = pathToFileURL(file).href;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, await renderHtml(results, ctx()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads nothing but itself, runs no script, and shows the ranking of the Results', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => {
      requests.push(r.url());
    });
    // Anything but the page itself is recorded above, then refused: the test never reaches the network.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);

    // Per group: a band column chart, an index bar chart with one bar per unit, a heat map.
    const sections = page.locator('section.group');
    expect(await sections.count()).toBe(results.groups.length);
    for (const [i, group] of results.groups.entries()) {
      const section = sections.nth(i);
      const units = results.units.filter((u) => u.groupKey === group.groupKey);
      expect(await section.locator('svg.chart.columns rect').count()).toBe(group.bands.length);
      expect(await section.locator('svg.chart.bars rect').count()).toBe(units.length);
      const rows = await section.locator('table.ranking tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          return {
            unit: tr.querySelector('td.unit .name')?.textContent ?? '',
            index: tr.querySelector('td.idx')?.textContent ?? '',
            rank: tr.querySelector('td.rank')?.textContent ?? '',
          };
        }),
      );
      expect(rows).toEqual(
        units.map((u) => ({
          unit: u.unit,
          index: formatDec(u.index, 2, 'vi'),
          rank: `${u.rank}/${u.of}`,
        })),
      );
      expect(await section.locator('table.heat tbody tr').count()).toBe(units.length);
    }
    // The hostile name is text on the page, not markup.
    expect(await page.getByText(XSS, { exact: true }).first().isVisible()).toBe(true);
    expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(1280);

    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('prints to a multi-page A4 landscape PDF', async () => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    writeFileSync(join(OUT, 'report.pdf'), pdf);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    // One page per group at least, then diagnostics and settings.
    expect(pages).toBeGreaterThanOrEqual(results.groups.length + 1);
    // A4 landscape: 297 × 210 mm ≈ 842 × 596 points (Chromium rounds to whole CSS pixels).
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes).toHaveLength(pages);
    for (const [, w, h] of boxes) {
      expect(Math.abs(Number(w) - 842)).toBeLessThan(2);
      expect(Math.abs(Number(h) - 595.3)).toBeLessThan(2);
    }
    await page.close();
  }, 60_000);
});
