import type { Framework, FrameworkNode } from '../model/framework.js';
import { labelKey } from '../model/normalize.js';
import { nearest } from '../model/suggest.js';

/**
 * What a form row without STT or code is, by its name: the framework node of that name (the `Điểm cộng`
 * bonus row under the last domain), the form's total (`TỔNG CỘNG`, `Tổng số điểm`, `Cộng`), or nothing
 * the framework knows. Names are compared after folding (case, diacritics, spacing); a name matches
 * exactly, or as the one node whose name contains it or is contained in it word for word (two words or more).
 */
export type NamedRow = { node: FrameworkNode } | { total: true } | { unknown: true; suggestion?: string };

const TOTAL = /^(tong|cong|total|grand total)( |$)/;
/** A trailing note in brackets ("Điểm cộng (tối đa 2 điểm)") is not part of the name. */
const BRACKETS = /\s*[([].*$/;

const indexes = new WeakMap<Framework, Map<string, FrameworkNode[]>>();

function byName(framework: Framework): Map<string, FrameworkNode[]> {
  let index = indexes.get(framework);
  if (!index) {
    index = new Map();
    for (const node of framework.nodes) {
      for (const key of new Set([labelKey(node.name), labelKey(node.name.replace(BRACKETS, ''))])) {
        if (key === '') continue;
        const list = index.get(key);
        if (list) list.push(node);
        else index.set(key, [node]);
      }
    }
    indexes.set(framework, index);
  }
  return index;
}

/** Word for word, and at least two words: one word ("Điểm", "Khác") is too little to name a node. */
const contains = (outer: string, inner: string): boolean =>
  inner.includes(' ') && ` ${outer} `.includes(` ${inner} `);

export function rowByName(framework: Framework, name: string): NamedRow {
  const key = labelKey(name.replace(BRACKETS, ''));
  if (key === '') return { unknown: true };
  if (TOTAL.test(key)) return { total: true };
  const index = byName(framework);
  const exact = index.get(key) ?? index.get(labelKey(name));
  if (exact?.length === 1) return { node: exact[0]! };
  if (!exact) {
    const near = [...index]
      .filter(([k]) => contains(k, key) || contains(key, k))
      .flatMap(([, nodes]) => nodes);
    const unique = new Set(near);
    if (unique.size === 1) return { node: near[0]! };
  }
  const suggestion = nearest(
    key,
    framework.nodes.map((n) => ({ key: labelKey(n.name), label: `${n.code} ${n.name}` })),
  );
  return suggestion ? { unknown: true, suggestion } : { unknown: true };
}
