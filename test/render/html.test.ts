import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { formatDec } from '../../src/render/numbers.js';
import { ctx, largeSample, reportSample, XSS } from './reportSample.js';

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
