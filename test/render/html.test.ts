import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { REPORT_CSS } from '../../src/render/htmlStyle.js';
import { formatDec } from '../../src/render/numbers.js';
import { percentShares } from '../../src/render/shares.js';
import { ctx, largeSample, reportSample, XSS } from './reportSample.js';
import { d } from './sampleResults.js';

const results = reportSample();

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

// The page's structure as a DOM parser (linkedom) builds it; the same checks run in Chromium in
// `npm run test:apps`, which also loads the page with scripts off and prints it.
describe('renderHtml, parsed as a document', async () => {
  const html = await renderHtml(results, ctx());
  const { document } = parseHTML(html);

  it('has one section per group, each with both charts and a ranking that is the Results', () => {
    const sections = [...document.querySelectorAll('section.group')];
    expect(sections).toHaveLength(results.groups.length);
    for (const [i, group] of results.groups.entries()) {
      const section = sections[i]!;
      const units = results.units.filter((u) => u.groupKey === group.groupKey);
      expect(section.querySelectorAll('svg.chart.columns rect')).toHaveLength(group.bands.length);
      expect(section.querySelectorAll('svg.chart.bars rect')).toHaveLength(units.length);
      const rows = [...section.querySelectorAll('table.ranking tbody tr')].map((tr) => ({
        unit: tr.querySelector('td.unit .name')?.textContent ?? '',
        index: tr.querySelector('td.idx')?.textContent ?? '',
        rank: tr.querySelector('td.rank')?.textContent ?? '',
      }));
      expect(rows).toEqual(
        units.map((u) => ({ unit: u.unit, index: formatDec(u.index, 2, 'vi'), rank: `${u.rank}/${u.of}` })),
      );
      expect(section.querySelectorAll('table.heat tbody tr')).toHaveLength(units.length);
    }
  });

  it('holds hostile names as text, never as elements or attributes', () => {
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const names = [...document.querySelectorAll('td.unit .name')].map((n) => n.textContent);
    expect(names).toContain(XSS);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name).not.toMatch(/^on/i);
    }
  });
});

describe('renderHtml, publishable', async () => {
  const page = async (r = reportSample(), c = ctx()) => parseHTML(await renderHtml(r, c)).document;

  it('puts the title block in <title> and the heading; --stage self says so', async () => {
    const report = { title: 'Chỉ số CCHC 2025', period: 'Năm 2025', issuer: 'Sở Nội vụ', date: null };
    const doc = await page(reportSample(), ctx({ report: { ...report, printedDate: '2026-01-15' } }));
    expect(doc.querySelector('title')?.textContent).toBe('Chỉ số CCHC 2025 — Năm 2025');
    expect(doc.querySelector('header h1')?.textContent).toBe('Chỉ số CCHC 2025');
    expect(doc.querySelector('header .kicker')?.textContent).toBe('Sở Nội vụ');
    expect(doc.querySelector('header .period')?.textContent).toBe('Năm 2025 · Ngày 15 tháng 01 năm 2026');
    const self = reportSample();
    self.settings.stage = 'self';
    const selfDoc = await page(self);
    expect(selfDoc.querySelector('header h1')?.textContent).toContain('(theo điểm tự đánh giá)');
    expect(selfDoc.querySelector('table.ranking th:nth-child(2)')?.textContent).toBe('Tự đánh giá');
  });

  it('shows bonus and penalty domains in points on a neutral background: a zero penalty is not red', async () => {
    const r = reportSample();
    const u = r.units[0]!;
    u.domains.push(
      { code: 'C', name: 'Điểm cộng', component: 'bonus', points: d('1'), max: d('2'), index: d('50') },
      { code: 'T', name: 'Điểm trừ', component: 'penalty', points: 0n, max: d('5'), index: 0n },
    );
    const doc = await page(r);
    const row = [...doc.querySelectorAll('table.heat tr')].find((tr) => tr.textContent?.includes(u.unit))!;
    const cells = [...row.querySelectorAll('td')];
    const bonus = cells.find((c) => c.textContent === '+1,00')!;
    const penalty = cells.at(-2)!;
    expect(bonus.getAttribute('class')).toBe('cell pts bonus');
    expect(penalty.textContent).toBe('0,00');
    expect(penalty.getAttribute('class')).toBe('cell pts');
    expect(penalty.getAttribute('style')).toBeNull();
  });

  it('gives band shares that add up to 100 (largest remainder), and names every leader', async () => {
    expect(percentShares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentShares([2, 1, 0, 4])).toEqual([29, 14, 0, 57]);
    expect(percentShares([0, 0])).toEqual([0, 0]);
    const doc = await page();
    for (const svg of doc.querySelectorAll('svg.columns')) {
      const shares = [...svg.querySelectorAll('text.tick')]
        .map((t) => t.textContent ?? '')
        .filter((t) => t.endsWith('%'))
        .map((t) => Number.parseInt(t, 10));
      expect(shares.reduce((s, x) => s + x, 0)).toBe(100);
    }
    const r = reportSample();
    r.units[1]!.rank = 1;
    const tied = await page(r);
    expect(tied.querySelector('.stat.top .v')?.textContent).toBe(`${r.units[0]!.unit}, ${r.units[1]!.unit}`);
  });

  it("draws a long group's index chart in parts of at most a printed page, the first with its heading", async () => {
    // largeSample(300): groups of 30, 60 and 210 units.
    const { document: doc } = parseHTML(await renderHtml(largeSample(300, 10), ctx()));
    const sections = [...doc.querySelectorAll('section.group')];
    const parts = sections.map((s) =>
      [...s.querySelectorAll('svg.chart.bars')].map((svg) => svg.querySelectorAll('rect').length),
    );
    expect(parts).toEqual([[15, 15], [20, 20, 20], Array(8).fill(24).concat([18])]);
    for (const s of sections) {
      const first = s.querySelector('svg.chart.bars')!;
      expect(first.parentElement?.className).toBe('keep');
      expect(first.parentElement?.querySelector('h3')).not.toBeNull();
    }
    const { document: small } = parseHTML(await renderHtml(results, ctx()));
    for (const s of small.querySelectorAll('section.group'))
      expect(s.querySelectorAll('svg.chart.bars')).toHaveLength(1);
  });

  it('keeps each heading with what follows it when printed', () => {
    const css = REPORT_CSS.slice(REPORT_CSS.indexOf('@media print'));
    expect(css).toContain('h2, h3 { break-after: avoid; page-break-after: avoid; }');
    expect(css).toContain('.keep, .overview { break-inside: avoid;');
  });
});
