import { ZERO } from '../model/decimal.js';
import type { Component, Framework, FrameworkNode } from '../model/framework.js';

/** A criterion code as score files write it: digits first (`1.1.2`), or a path from a Roman domain (`II.1`). */
const CODE = /^(?:[IVX]+\.)?\d/;

/** Every code met is a leaf of this component, made on first sight. */
class AnyCode extends Map<string, FrameworkNode> {
  constructor(private readonly component: Component) {
    super();
  }

  override get(code: string): FrameworkNode | undefined {
    const known = super.get(code);
    if (known || !CODE.test(code)) return known;
    const node: FrameworkNode = {
      code,
      name: '',
      max: ZERO,
      component: this.component,
      rule: { kind: 'points' },
      na: undefined,
      groups: null,
      parent: null,
      children: [],
      depth: 0,
      location: {},
    };
    super.set(code, node);
    return node;
  }

  override has(code: string): boolean {
    return this.get(code) !== undefined;
  }
}

/**
 * A framework that takes every criterion code for a leaf: what `cchc inspect` reads a score file against
 * when no `--criteria` is given, to show how its sheets, headers, columns and rows are understood. It names
 * no criterion and no survey leaf, so codes, names and subtotals are not checked (the caller drops the
 * diagnostics that need the real framework).
 */
export function anyCodeFramework(component: Component): Framework {
  return { nodes: [], byCode: new AnyCode(component), leaves: [], roots: [] };
}
