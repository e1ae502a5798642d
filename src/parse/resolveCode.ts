import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import type { Framework, FrameworkNode } from '../model/framework.js';
import { nearest } from '../model/suggest.js';

/** Nodes by their code without the Roman domain (`II.1.2` → `1.2`), for frameworks whose codes are paths. */
const localIndex = new WeakMap<Framework, Map<string, FrameworkNode[]>>();

function localCodes(framework: Framework): Map<string, FrameworkNode[]> {
  let index = localIndex.get(framework);
  if (!index) {
    index = new Map();
    for (const node of framework.nodes) {
      const m = /^[IVX]+\.(.+)$/.exec(node.code);
      if (!m) continue;
      const list = index.get(m[1]!);
      if (list) list.push(node);
      else index.set(m[1]!, [node]);
    }
    localIndex.set(framework, index);
  }
  return index;
}

/**
 * The node a score file's code names. A code is first looked up as written (`1.1.2`, `II.1.2`). When the
 * framework numbers criteria from Roman domains, a plain code (`1.2`) is accepted when it names exactly
 * one node (`II.1.2`); when it could be several the candidates' paths are returned (an error for the
 * caller to report), and none when it names nothing.
 */
export function resolveCode(framework: Framework, code: string): FrameworkNode | string[] {
  const node = framework.byCode.get(code);
  if (node) return node;
  const matches = localCodes(framework).get(code) ?? [];
  return matches.length === 1 ? matches[0]! : matches.map((n) => n.code);
}

/** The diagnostic for a code resolveCode could not place: ambiguous (candidates listed) or unknown. */
export function unresolvedCode(
  framework: Framework,
  code: string,
  candidates: string[],
  at: Location,
): Diagnostic {
  if (candidates.length > 1)
    return diag('E_CRITERION_AMBIGUOUS', 'error', at, {
      code,
      found: candidates.join(', '),
      example: candidates[0],
    });
  const leaves = framework.leaves.map((l) => ({ key: l.code, label: l.code }));
  return diag('E_UNKNOWN_CRITERION', 'error', at, { code, suggestion: nearest(code, leaves) });
}
