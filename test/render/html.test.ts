import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { formatDec } from '../../src/render/numbers.js';
import { ctx, largeSample, reportSample, XSS } from './reportSample.js';

const results = reportSample();
const OUT = join(process.cwd(), 'test', '.out');
const CHROMIUM = '/usr/bin/chromium';

describe('renderHtml, read as text', async () => {
  const html = await renderHtml(results, ctx());

  it('escapes every text from the inputs', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('diem &lt;2024&gt;.xlsx');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;bấm vào&quot;)');
  });

  it('is self-contained: no script, no external resource, no link out of the page', () => {
    expect(html).not.toMatch(/\s(src|srcset|action|formaction|poster|background)\s*=/i);
    expect(html).not.toMatch(/url\s*\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<(link|iframe|object|embed|img|image|use|script|base)\b/i);
    for (const [, href] of html.matchAll(/href\s*=\s*"([^"]*)"/gi)) expect(href).toMatch(/^#group-\d+$/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('shows numbers the Vietnamese way with --lang vi, and the English way with --lang en', async () => {
    expect(html).toContain('<td class="num idx">95,75</td>');
    expect(html).toContain('<html lang="vi">');
    const en = await renderHtml(results, ctx({ lang: 'en' }));
    expect(en).toContain('<td class="num idx">95.75</td>');
    expect(en).toContain('Administrative Reform Index results');
  });

  it('puts settings and input hashes in the footer, and prints on A4 landscape', () => {
    const footer = html.slice(html.indexOf('<footer'));
    for (const input of results.inputs) expect(footer).toContain(input.sha256);
    expect(footer).toContain('criteria.xlsx');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toMatch(/@media print \{[\s\S]*break-before: page/);
  });

  it('is deterministic', async () => {
    expect(await renderHtml(results, ctx())).toBe(html);
  });

  // Its speed is measured by `npm run bench`, not here.
  it('renders a province of 300 units × 100 leaves', async () => {
    const page = await renderHtml(largeSample(300, 100), ctx());
    expect(page.match(/<tr>/g)?.length).toBeGreaterThan(600);
  });
});

describe('renderHtml in headless Chromium', () => {
  let browser: Browser;
  const file = join(OUT, 'report.html');
  const url = pathToFileURL(file).href;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is needed for this test: apt-get install -y chromium (expected ${CHROMIUM})`);
    }
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
