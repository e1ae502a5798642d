// The HTML reports of both samples printed to A4 in Chromium (the page's own @page: A4 landscape) never
// leave a heading alone at the foot of a page: each page's text, as poppler's pdftotext lays it out, must
// not end with a heading (the title, a group's heading, a section's). The district sample has three groups,
// one of 32 communes whose index chart is taller than a page. Part of `npm run test:apps`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, run, SAMPLE_INPUTS } from '../cli/helpers.js';
import { CHROMIUM } from './programs.js';

const OUT = join(process.cwd(), 'test', '.out', 'print');

const SAMPLES = Object.entries(SAMPLE_INPUTS);

/** A line as compared: spaces collapsed, upper case (the section headings print in capitals). */
const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');

describe.each(SAMPLES)('the %s sample printed to A4', (name, args) => {
  let browser: Browser;
  let headings: string[] = [];
  let pages: string[][] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const html = join(OUT, `${name}.html`);
    const r = await run(['score', ...args, '-o', html, '--date', '2026-01-15'], {
      cwd: join(FIXTURES, name),
    });
    expect(r.code, r.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    headings = (await page.locator('h1, h2, h3').allTextContents()).map(key);
    const pdf = join(OUT, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    pages = text
      .split('\f')
      .slice(0, -1)
      .map((p) => p.split('\n').map(key).filter(Boolean));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has the headings and pages it should (the check below looks at something)', () => {
    expect(headings.length).toBeGreaterThanOrEqual(name === 'district' ? 15 : 7);
    expect(pages.length).toBeGreaterThanOrEqual(name === 'district' ? 5 : 3);
    // Every heading is printed, on some page, as a line of its own.
    const lines = new Set(pages.flat());
    expect(headings.filter((h) => !lines.has(h))).toEqual([]);
  });

  it('no page ends with a heading, and none holds only headings', () => {
    const alone = pages.flatMap((lines, i) => {
      const last = lines.at(-1) ?? '';
      return headings.includes(last) ? [`page ${i + 1} of ${pages.length} ends with "${last}"`] : [];
    });
    expect(alone).toEqual([]);
    const bare = pages.flatMap((lines, i) => (lines.every((l) => headings.includes(l)) ? [i + 1] : []));
    expect(bare).toEqual([]);
  });
});
