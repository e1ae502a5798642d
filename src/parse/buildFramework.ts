import { type Dec, toNumber } from '../model/decimal.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { appliesTo, type Framework, type FrameworkNode } from '../model/framework.js';
import { nearest } from '../model/suggest.js';
import { rulePointsCeiling } from '../score/rules/parseRule.js';
import type { CriteriaRow } from './criteriaRow.js';

/**
 * Criteria rows → the framework tree, with the cross-row rules: unique codes, known parents, no cycles,
 * inherited component and groups, derived maxima, and every parent's maximum equal to the sum of its
 * children's — for each group when children differ by group.
 */
export function buildFramework(
  rows: CriteriaRow[],
  groupNames: Map<string, string>,
): {
  framework: Framework;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const byCode = new Map<string, FrameworkNode>();
  const nodes: FrameworkNode[] = [];
  /** The first row of each code: what the file declared (a null max or component means "derive/inherit"). */
  const declared = new Map<string, CriteriaRow>();
  for (const row of rows) {
    const prior = byCode.get(row.code);
    if (prior) {
      diagnostics.push(
        diag('E_CRITERIA_DUPLICATE_CODE', 'error', row.location, {
          code: row.code,
          first: prior.location.cell ?? '',
        }),
      );
      continue;
    }
    // Codes are paths (criteria 1 and 1.2 of domain II are II.1 and II.1.2, see codePath).
    let parent = row.parent;
    if (parent === null && row.code.includes('.')) parent = row.code.slice(0, row.code.lastIndexOf('.'));
    const node: FrameworkNode = {
      code: row.code,
      name: row.name,
      max: row.max ?? 0n,
      component: row.component ?? 'appraisal',
      rule: row.rule ?? { kind: 'points' },
      na: row.na,
      groups: row.groups,
      parent,
      children: [],
      depth: 0,
      location: row.location,
    };
    byCode.set(node.code, node);
    declared.set(node.code, row);
    nodes.push(node);
  }
  const codes = [...byCode.keys()].map((c) => ({ key: c, label: c }));

  for (const node of nodes) {
    if (node.parent === null) continue;
    const parent = byCode.get(node.parent);
    if (!parent) {
      diagnostics.push(
        diag('E_CRITERIA_UNKNOWN_PARENT', 'error', node.location, {
          code: node.code,
          parent: node.parent,
          suggestion: nearest(node.parent, codes),
        }),
      );
      node.parent = null;
      continue;
    }
    parent.children.push(node.code);
  }

  // Depth, inheritance and cycle detection, top down from the roots.
  const roots = nodes.filter((n) => n.parent === null);
  const visited = new Set<string>();
  const walk = (node: FrameworkNode, depth: number, parent: FrameworkNode | null) => {
    visited.add(node.code);
    node.depth = depth;
    const row = declared.get(node.code);
    if (parent) {
      if (row?.component === null) node.component = parent.component;
      if (row?.groups === null) node.groups = parent.groups;
      if (row?.na === undefined) node.na = parent.na;
    }
    for (const c of node.children) walk(byCode.get(c)!, depth + 1, node);
  };
  for (const r of roots) walk(r, 0, null);
  for (const node of nodes) {
    if (!visited.has(node.code)) {
      diagnostics.push(diag('E_CRITERIA_CYCLE', 'error', node.location, { code: node.code }));
      node.children = [];
    }
  }

  const universe = [...new Set(nodes.flatMap((n) => n.groups ?? []))];
  const checkMax = (node: FrameworkNode): void => {
    if (node.children.length === 0) {
      if (declared.get(node.code)?.max === null) {
        diagnostics.push(diag('E_CRITERIA_NO_MAX', 'error', node.location, { code: node.code }));
      }
      const ceiling = rulePointsCeiling(node.rule);
      if (ceiling !== null && ceiling > node.max) {
        diagnostics.push(
          diag('E_RULE_ABOVE_MAX', 'error', node.location, {
            code: node.code,
            found: toNumber(ceiling),
            max: toNumber(node.max),
          }),
        );
      }
      return;
    }
    const children = node.children.map((c) => byCode.get(c)!);
    for (const c of children) checkMax(c);
    if (declared.get(node.code)?.rule) {
      diagnostics.push(diag('W_RULE_ON_PARENT', 'warning', node.location, { code: node.code }));
    }
    const sums: { group: string; sum: Dec }[] = [];
    const sumFor = (g: string | null) =>
      children.filter((c) => g === null || appliesTo(c, g)).reduce((s, c) => s + c.max, 0n);
    if (universe.length === 0 || children.every((c) => c.groups === null))
      sums.push({ group: '', sum: sumFor(null) });
    else for (const g of universe) if (appliesTo(node, g)) sums.push({ group: g, sum: sumFor(g) });
    if (declared.get(node.code)?.max === null) {
      node.max = sums.reduce((m, s) => (s.sum > m ? s.sum : m), 0n);
      return;
    }
    for (const s of sums) {
      if (s.sum !== node.max) {
        diagnostics.push(
          diag('E_CRITERIA_MAX_MISMATCH', 'error', node.location, {
            code: node.code,
            max: toNumber(node.max),
            sum: toNumber(s.sum),
            group: s.group === '' ? undefined : (groupNames.get(s.group) ?? s.group),
          }),
        );
      }
    }
  };
  for (const r of roots) checkMax(r);

  if (nodes.length === 0) diagnostics.push(diag('E_CRITERIA_EMPTY', 'error', {}));
  const leaves = nodes.filter((n) => n.children.length === 0 && visited.has(n.code));
  return { framework: { nodes, byCode, leaves, roots }, diagnostics };
}
