// The path tracker shared by the criteria and form readers: STT/code cells in file order → each row's path.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/model/cell.js';
import { classifyCode, normalizeCode, PathTracker } from '../../src/parse/codePath.js';

/** Feeds the cells to a fresh tracker; returns the paths ('!' marks an orphan). */
function paths(cells: CellValue[], isDomain?: (r: string) => boolean): string[] {
  const t = new PathTracker(isDomain);
  return cells.map((c) => {
    const { path, orphan } = t.next(classifyCode(c));
    return orphan ? `!${path}` : path;
  });
}

describe('classifyCode', () => {
  it('tells Roman domains, numbers, paths, letters, bullets and other codes apart', () => {
    const kinds = (cells: CellValue[]) => cells.map((c) => classifyCode(c).kind);
    expect(kinds(['I', 'II.', 'iv', 'XIV', 1, '1.2', '1.2.', 2.1, 'II.1.2', 'ii.1'])).toEqual([
      'roman',
      'roman',
      'roman',
      'roman',
      'number',
      'number',
      'number',
      'number',
      'path',
      'path',
    ]);
    expect(kinds(['a)', 'b.', 'c', '(d)', 'đ)', 'i)', 'c.', '-', '+', '•', '–'])).toEqual([
      'letter',
      'letter',
      'letter',
      'letter',
      'letter',
      'letter',
      'letter',
      'bullet',
      'bullet',
      'bullet',
      'bullet',
    ]);
    expect(kinds(['', null, '  '])).toEqual(['empty', 'empty', 'empty']);
    // C, L, M alone and letters in capitals are kept as written, not taken for domains 100, 50, 1000.
    expect(kinds(['C', 'L', 'A', 'TC01', 'XL'])).toEqual(['other', 'other', 'other', 'other', 'other']);
  });

  it('normalises loose paths the way clerks type them', () => {
    expect(normalizeCode('ii.1.2')).toBe('II.1.2');
    expect(normalizeCode('II.1.2.')).toBe('II.1.2');
    expect(normalizeCode('1.2a')).toBe('1.2.a');
    expect(normalizeCode('1.2.a)')).toBe('1.2.a');
    expect(normalizeCode('1.2 A')).toBe('1.2.a');
    expect(normalizeCode('TC01')).toBe('TC01');
  });
});

describe('PathTracker', () => {
  it('numbers criteria from their Roman domain when numbering restarts', () => {
    expect(paths(['I', '1', '1.1', '1.2', '2', 'II', '1', '1.1', '2', 'III', '1'])).toEqual([
      'I',
      'I.1',
      'I.1.1',
      'I.1.2',
      'I.2',
      'II',
      'II.1',
      'II.1.1',
      'II.2',
      'III',
      'III.1',
    ]);
  });

  it('keeps dotted codes exactly when there is no Roman domain', () => {
    expect(paths(['1', '1.1', '1.1.2', 1.2, '2', '2.1'])).toEqual(['1', '1.1', '1.1.2', '1.2', '2', '2.1']);
  });

  it('takes a path written in full as it is, and stays in its domain', () => {
    expect(paths(['II.1', '2', 'I', '3'])).toEqual(['II.1', 'II.2', 'I', 'I.3']);
  });

  it('puts letters under the numbered row above and bullets under the row above them, by position', () => {
    expect(paths(['1', '1.1', 'a)', 'b)', 'c.', '1.2', '-', '-', '+', '2', 'a)', '-', '-'])).toEqual([
      '1',
      '1.1',
      '1.1.a',
      '1.1.b',
      '1.1.c',
      '1.2',
      '1.2.1',
      '1.2.2',
      '1.2.3',
      '2',
      '2.a',
      '2.a.1',
      '2.a.2',
    ]);
  });

  it('gives letters and bullets under Roman paths the same treatment', () => {
    expect(paths(['II', '1', 'a)', 'b)', '2', '-'])).toEqual([
      'II',
      'II.1',
      'II.1.a',
      'II.1.b',
      'II.2',
      'II.2.1',
    ]);
  });

  it('marks a letter or bullet with no numbered row above it as an orphan', () => {
    expect(paths(['a)', '-', '1', 'a)'])).toEqual(['!a', '!1', '1', '1.a']);
  });

  it('opens a domain only when isDomain says so (a form headed I, II over a framework numbered 1, 2)', () => {
    const known = new Set(['1', '1.1', '2']);
    expect(paths(['I', '1', '1.1', 'II', '2'], (r) => known.has(r))).toEqual(['I', '1', '1.1', 'II', '2']);
  });

  it('qualifies a parent cell in the current domain', () => {
    const t = new PathTracker();
    t.next(classifyCode('II'));
    expect(t.qualify('1')).toBe('II.1');
    expect(t.qualify('I')).toBe('I');
    expect(t.qualify('TC1')).toBe('TC1');
    expect(new PathTracker().qualify('1.2')).toBe('1.2');
  });
});
