import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { ctx, d, sampleResults } from './sampleResults.js';

const parse = (text: string) =>
  JSON.parse(text) as Record<string, unknown> & { units: Record<string, unknown>[] };

describe('renderJson', () => {
  const results = sampleResults();
  const text = renderJson(results, ctx());
  const doc = JSON.parse(text);

  it('has exactly the schema of docs/outputs.md, keys in order', () => {
    expect(Object.keys(doc)).toEqual([
      'schema',
      'report',
      'settings',
      'inputs',
      'framework',
      'units',
      'groups',
      'rows',
      'diagnostics',
    ]);
    expect(doc.schema).toBe('cchc.results/1');
    expect(doc.report).toEqual({ title: null, period: null, issuer: null, date: null });
    expect(Object.keys(doc.settings)).toEqual(['stage', 'na', 'precision', 'lang']);
    expect(Object.keys(doc.inputs[0])).toEqual(['role', 'file', 'sha256']);
    expect(Object.keys(doc.framework)).toEqual([
      'appraisalMax',
      'surveyMax',
      'bonusMax',
      'penaltyMax',
      'leaves',
    ]);
    for (const u of doc.units) {
      expect(Object.keys(u)).toEqual([
        'unit',
        'unitCode',
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
        'domains',
        'previous',
        'rankChange',
        'indexChange',
      ]);
      for (const dom of u.domains)
        expect(Object.keys(dom)).toEqual(['code', 'name', 'points', 'max', 'index']);
      if (u.previous !== null) expect(Object.keys(u.previous)).toEqual(['rank', 'index']);
    }
    for (const g of doc.groups) {
      expect(Object.keys(g)).toEqual([
        'group',
        'units',
        'mean',
        'median',
        'min',
        'max',
        'top',
        'leaders',
        'bands',
      ]);
      for (const b of g.bands) expect(Object.keys(b)).toEqual(['band', 'op', 'min', 'count']);
    }
    expect(Object.keys(doc.rows)).toEqual(['read', 'scored', 'rejected']);
    for (const diag of doc.diagnostics) {
      expect(Object.keys(diag)).toEqual([
        'code',
        'severity',
        'message',
        'file',
        'sheet',
        'row',
        'column',
        'cell',
      ]);
    }
  });

  it('carries the title block given, and names every unit tied for first in leaders', () => {
    const r = sampleResults();
    const second = r.units[1]!;
    second.rank = 1;
    const report = { title: 'T', period: 'Năm 2025', issuer: 'Sở Nội vụ', date: '2026-01-15' };
    const withReport = JSON.parse(renderJson(r, ctx({ report: { ...report, printedDate: '2026-01-15' } })));
    expect(withReport.report).toEqual(report);
    expect(withReport.groups[0].leaders).toEqual([r.units[0]!.unit, second.unit]);
    expect(withReport.groups[0].top).toBe(r.groups[0]!.top);
    // Without a date given, none is written, whatever day it is: the same inputs, the same bytes.
    const today = { title: null, period: null, issuer: null, date: null, printedDate: '2031-05-06' };
    expect(JSON.parse(renderJson(r, ctx({ report: today }))).report.date).toBeNull();
  });

  it('writes published values as plain JSON numbers', () => {
    const moDuc = doc.units.find((u: { unit: string }) => u.unit === 'Huyện Mộ Đức');
    expect(moDuc).toMatchObject({
      appraisal: 61.12,
      survey: 20.75,
      total: 81.87,
      index: 81.87,
      rank: 8,
      of: 13,
    });
    expect(text).toContain('"total": 81.87,');
    expect(text).not.toMatch(/\d\.\d*0000000\d/);
    expect(moDuc.previous).toEqual({ rank: 6, index: 83.37 });
    expect(moDuc.rankChange).toBe(-2);
    expect(moDuc.indexChange).toBe(-1.5);
    expect(moDuc.domains[0]).toEqual({
      code: '1',
      name: 'Công tác chỉ đạo',
      points: 8.5,
      max: 10,
      index: 85,
    });
    expect(moDuc.domains[1].index).toBeNull();
    // Group statistics are rounded to --precision.
    expect(doc.groups[0]).toMatchObject({
      group: 'Huyện',
      units: 13,
      mean: 79.87,
      median: 81.87,
      min: 48.3,
      max: 95,
    });
    expect(doc.groups[0].bands[4]).toEqual({ band: 'Yếu', op: null, min: null, count: 1 });
    expect(doc.groups[0].bands[0]).toEqual({ band: 'Xuất sắc', op: '>=', min: 90, count: 3 });
    expect(doc.framework).toEqual({
      appraisalMax: 70,
      surveyMax: 30,
      bonusMax: 3,
      penaltyMax: 5,
      leaves: 42,
    });
  });

  it('keeps nulls: no survey, no previous, no unit code, unknown location fields', () => {
    const noSurvey = doc.units.find((u: { unit: string }) => u.unit.startsWith('Phường'));
    expect(noSurvey).toMatchObject({
      survey: null,
      previous: null,
      rankChange: null,
      indexChange: null,
      unitCode: null,
    });
    expect(doc.diagnostics[0]).toMatchObject({
      code: 'W_NOT_APPRAISED',
      severity: 'warning',
      file: 'scores.xlsx',
      sheet: 'Xã',
      row: 7,
      column: 'D',
      cell: 'D7',
    });
    expect(typeof doc.diagnostics[0].message).toBe('string');
    expect(doc.diagnostics[1]).toMatchObject({
      code: 'I_SURVEY_RESCALED',
      file: null,
      sheet: null,
      row: null,
      column: null,
      cell: null,
    });
  });

  it('orders units as given and leaves out internal fields', () => {
    expect(doc.units.map((u: { unit: string }) => u.unit)).toEqual(results.units.map((u) => u.unit));
    expect(text).not.toMatch(/exactIndex|groupKey|"leaves": \[/);
  });

  it('is 2-space indented with a trailing newline, deterministic, and records the run settings', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "schema": "cchc.results/1",\n')).toBe(true);
    expect(renderJson(sampleResults(), ctx())).toBe(text);
    expect(parse(renderJson(results, ctx({ lang: 'en', precision: 1 }))).settings).toEqual({
      stage: 'appraised',
      na: 'exclude',
      precision: 1,
      lang: 'en',
    });
  });

  it('rounds index-like values to the context precision', () => {
    const r = sampleResults();
    const u = r.units[0];
    if (!u) throw new Error('no unit');
    u.index = d('93.345');
    const out = parse(renderJson(r, ctx()));
    expect(out.units[0]?.index).toBe(93.35);
  });
});
