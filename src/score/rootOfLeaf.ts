import type { Framework } from '../model/framework.js';

/** Leaf code → the code of its root (domain), computed once per framework. */
const rootOfLeafCache = new WeakMap<Framework, Map<string, string>>();
export function rootOfLeaf(framework: Framework): Map<string, string> {
  let map = rootOfLeafCache.get(framework);
  if (map) return map;
  map = new Map();
  for (const root of framework.roots) {
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.children.length === 0) map.set(node.code, root.code);
      else for (const child of node.children) stack.push(framework.byCode.get(child)!);
    }
  }
  rootOfLeafCache.set(framework, map);
  return map;
}
