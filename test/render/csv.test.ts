import { describe, expect, it } from 'vitest';
import { quote, renderCsv } from '../../src/render/csv.js';
import { neutralise } from '../../src/render/neutralise.js';
import { ctx, sampleResults } from './sampleResults.js';

/** A small RFC 4180 reader, enough to check that what we write reads back to the same cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('renderCsv', () => {
  const text = renderCsv(sampleResults(), ctx());
  const rows = readCsv(text);
  const header = rows[0] ?? [];
  const byUnit = (name: string) => {
    const row = rows.find((r) => r[0] === name);
    if (!row) throw new Error(`no row for ${name}`);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  };

  it('writes the flat units table with domain columns', () => {
    expect(header).toEqual([
      'unit',
      'unit_code',
      'group',
      'appraisal',
      'self',
      'survey',
      'bonus',
      'penalty',
      'total',
      'max',
      'index',
      'rank',
      'of',
      'band',
      'previous_rank',
      'previous_index',
      'rank_change',
      'index_change',
      'domain.1',
      'domain.2',
    ]);
    expect(rows).toHaveLength(1 + 16);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('uses dot decimals whatever the language, published values with --precision decimals', () => {
    expect(renderCsv(sampleResults(), ctx({ lang: 'en' }))).toBe(text);
    expect(byUnit('Huyện Mộ Đức')).toMatchObject({
      unit_code: 'H08',
      group: 'Huyện',
      appraisal: '61.12',
      survey: '20.75',
      total: '81.87',
      max: '100.00',
      index: '81.87',
      rank: '8',
      of: '13',
      band: 'Tốt',
      previous_rank: '6',
      previous_index: '83.37',
      rank_change: '-2',
      index_change: '-1.50',
      'domain.1': '8.50',
      'domain.2': '52.62',
    });
  });

  it('leaves missing values empty', () => {
    expect(byUnit('Phường "Mới", Bắc')).toMatchObject({
      survey: '',
      unit_code: '',
      previous_rank: '',
      rank_change: '',
    });
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(text).toContain('"Phường ""Mới"", Bắc"');
    expect(text).toContain(',"Xã, phường",');
    expect(quote('a\nb')).toBe('"a\nb"');
    expect(quote('plain')).toBe('plain');
  });

  it('neutralises text that a spreadsheet would run as a formula, but not numbers', () => {
    const evil = rows.find((r) => r[0]?.includes('HYPERLINK'));
    expect(evil?.[0]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(evil?.[1]).toBe("'-07"); // a unit code is text
    const evilRow = byUnit(`'=HYPERLINK("http://x","y")`);
    expect(evilRow.penalty).toBe('1.50');
    expect(evilRow.rank_change).toBe('-1'); // numbers stay numbers
    expect(evilRow.index_change).toMatch(/^-\d/);
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['Xã A', '1', '', "'=x"]) expect(neutralise(s)).toBe(s);
  });

  it('writes a BOM only when asked', () => {
    expect(renderCsv(sampleResults(), ctx(), { bom: true })).toBe(`\uFEFF${text}`);
  });
});
