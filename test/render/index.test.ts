import { describe, expect, it } from 'vitest';
import { FORMATS, formatFromPath, isFormat, RENDERERS } from '../../src/render/index.js';
import { ctx, sampleResults } from './sampleResults.js';

describe('render registry', () => {
  it('picks the format from the output extension', () => {
    expect(formatFromPath('out/results.json')).toBe('json');
    expect(formatFromPath('C:\\bao cao\\KET-QUA.XLSX')).toBe('xlsx');
    expect(formatFromPath('a.csv')).toBe('csv');
    expect(formatFromPath('summary.md')).toBe('md');
    expect(formatFromPath('report.html')).toBe('html');
    expect(formatFromPath('report.htm')).toBe('html');
    expect(formatFromPath('ranking.txt')).toBe('table');
    expect(formatFromPath('report.pdf')).toBeNull();
    expect(formatFromPath('noextension')).toBeNull();
    expect(formatFromPath('dir.json/file')).toBeNull();
  });

  it('has a renderer for every format', () => {
    expect(Object.keys(RENDERERS).sort()).toEqual([...FORMATS].sort());
    expect(isFormat('md')).toBe(true);
    expect(isFormat('pdf')).toBe(false);
  });

  it('renders the text formats (JSON as UTF-8 pieces, written one after the other)', async () => {
    for (const f of ['table', 'json', 'csv', 'md'] as const) {
      const out = await RENDERERS[f](sampleResults(), ctx());
      const text = typeof out === 'string' ? out : Array.isArray(out) ? Buffer.concat(out).toString() : null;
      expect(typeof text).toBe('string');
      expect(text).toContain('Mộ Đức');
    }
  });
});
