import type { Dec } from './decimal.js';
import type { Location } from './diagnostic.js';

export const COMPONENTS = ['appraisal', 'survey', 'bonus', 'penalty'] as const;
export type Component = (typeof COMPONENTS)[number];

export const NA_POLICIES = ['exclude', 'full', 'forbid'] as const;
export type NaPolicy = (typeof NA_POLICIES)[number];

export type CompareOp = '>' | '>=';

/** How a leaf's cell becomes points (docs/inputs.md, value grammar). */
export type Rule =
  | { kind: 'points' }
  | { kind: 'ratio' }
  | { kind: 'steps'; steps: { op: CompareOp | null; threshold: Dec | null; points: Dec }[]; text: string }
  | { kind: 'yesno' }
  | { kind: 'choice'; choices: { label: string; key: string; points: Dec }[]; text: string };
export type RuleKind = Rule['kind'];

export interface FrameworkNode {
  /** Normalised code: "1", "1.1", "I". */
  code: string;
  name: string;
  /** Declared maximum, or the sum of the children's when the row leaves it empty. */
  max: Dec;
  component: Component;
  rule: Rule;
  /** Per-leaf N/A policy; undefined = the run's --na. */
  na: NaPolicy | undefined;
  /** Group keys (see groupKey) that use this node; null = every group. Inherited from the parent. */
  groups: string[] | null;
  parent: string | null;
  children: string[];
  depth: number;
  location: Location;
}

export interface Framework {
  /** Nodes in file order. */
  nodes: FrameworkNode[];
  byCode: Map<string, FrameworkNode>;
  /** Leaves in file order. */
  leaves: FrameworkNode[];
  /** Top-level nodes (domains), in file order. */
  roots: FrameworkNode[];
}

export const isLeaf = (n: FrameworkNode): boolean => n.children.length === 0;

export const appliesTo = (n: FrameworkNode, groupKey: string): boolean =>
  n.groups === null || n.groups.includes(groupKey);
