import { describe, expect, it } from 'vitest';
import { parseDec } from '../../src/model/decimal.js';
import { buildFramework } from '../../src/parse/buildFramework.js';
import { normalizeCode, splitGroups } from '../../src/parse/criteriaRow.js';
import { row } from './criteriaRows.js';

const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe('buildFramework', () => {
  it('builds the tree from dotted codes, inherits the component and derives empty maxima', () => {
    const { framework, diagnostics } = buildFramework(
      [
        row('1', '3'),
        row('1.1', '1'),
        row('1.2', '2'),
        row('2', null, { component: 'survey' }),
        row('2.1', '30'),
      ],
      new Map(),
    );
    expect(diagnostics).toEqual([]);
    expect(framework.leaves.map((l) => l.code)).toEqual(['1.1', '1.2', '2.1']);
    expect(framework.byCode.get('2.1')!.component).toBe('survey');
    expect(framework.byCode.get('2')!.max).toBe(parseDec('30'));
  });

  it('reports a parent whose maximum is not the sum of its children', () => {
    const { diagnostics } = buildFramework([row('1', '3'), row('1.1', '1'), row('1.2', '1.5')], new Map());
    expect(codes(diagnostics)).toEqual(['E_CRITERIA_MAX_MISMATCH']);
    expect(diagnostics[0]!.args).toMatchObject({ code: '1', max: 3, sum: 2.5 });
  });

  it('checks the sum per group when children differ by group', () => {
    const rows = [
      row('1', '4'),
      row('1.1', '2'),
      row('1.2', '2', { groups: ['phòng'] }),
      row('1.3', '2', { groups: ['xã'] }),
      row('1.4', '1', { groups: ['sự nghiệp'] }),
    ];
    const { diagnostics } = buildFramework(rows, new Map([['sự nghiệp', 'Sự nghiệp']]));
    expect(codes(diagnostics)).toEqual(['E_CRITERIA_MAX_MISMATCH']);
    expect(diagnostics[0]!.args.group).toBe('Sự nghiệp');
  });

  it('reports duplicates, unknown parents (with a near match) and leaves without a maximum', () => {
    const { diagnostics } = buildFramework(
      [row('1', null), row('1.1', null), row('1.1', '2'), row('3.1', '1', { parent: '11' })],
      new Map(),
    );
    expect(codes(diagnostics).sort()).toEqual([
      'E_CRITERIA_DUPLICATE_CODE',
      'E_CRITERIA_NO_MAX',
      'E_CRITERIA_UNKNOWN_PARENT',
    ]);
    expect(diagnostics.find((d) => d.code === 'E_CRITERIA_UNKNOWN_PARENT')!.args.suggestion).toBe('1');
  });

  it('builds Roman domains from path codes (the reader turns I, 1, 2, II, 1 into I, I.1, I.2, II, II.1)', () => {
    const { framework, diagnostics } = buildFramework(
      [row('I', '3'), row('I.1', '1'), row('I.2', '2'), row('II', '1'), row('II.1', '1')],
      new Map(),
    );
    expect(diagnostics).toEqual([]);
    expect(framework.byCode.get('I')!.children).toEqual(['I.1', 'I.2']);
    expect(framework.byCode.get('II.1')!.parent).toBe('II');
  });

  it('detects parent cycles', () => {
    const { diagnostics } = buildFramework(
      [row('a', '1', { parent: 'b' }), row('b', '1', { parent: 'a' })],
      new Map(),
    );
    expect(codes(diagnostics)).toEqual(['E_CRITERIA_CYCLE', 'E_CRITERIA_CYCLE']);
  });
});

describe('codes and groups', () => {
  it('normalises codes as clerks write them', () => {
    expect(normalizeCode('1.1.')).toBe('1.1');
    expect(normalizeCode(' 2.1 ')).toBe('2.1');
    expect(normalizeCode(1.1)).toBe('1.1');
    expect(normalizeCode('ii')).toBe('II');
  });

  it('splits groups on semicolons only, since names contain commas', () => {
    expect(splitGroups('Xã, thị trấn; Phòng  chuyên môn')).toEqual(['xã, thị trấn', 'phòng chuyên môn']);
  });
});
