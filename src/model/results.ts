import type { CellValue } from './cell.js';
import type { Dec } from './decimal.js';
import type { Diagnostic } from './diagnostic.js';
import type { Component, Rule } from './framework.js';
import type { RowCounts } from './scores.js';
import type { Band, Settings } from './settings.js';

/**
 * Everything a renderer needs. Dec values named `published` or listed as published are already rounded
 * to --precision; renderers only format them.
 */
export interface LeafResult {
  code: string;
  component: Component;
  rule: Rule['kind'];
  /** The chosen stage's cell as read (explain shows it as written). */
  raw: CellValue;
  /** Points counted (after N/A policy); null when excluded as N/A. */
  points: Dec | null;
  /** Maximum counted (0 when excluded). */
  max: Dec;
  na: boolean;
  self: Dec | null;
  appraised: Dec | null;
  reason: string;
  evidence: string;
}

export interface DomainResult {
  code: string;
  name: string;
  /** The domain's component: bonus and penalty domains are shown in points, not as an index. */
  component?: Component;
  points: Dec;
  max: Dec;
  /** Published index of the domain (null when its maximum is 0). */
  index: Dec | null;
}

/** total × 100 ÷ max, kept as the two exact decimals so that nothing is rounded before it is published. */
export interface IndexQuotient {
  total: Dec;
  max: Dec;
}

export interface UnitResult {
  unit: string;
  unitCode: string | null;
  group: string;
  groupKey: string;
  /** Published (rounded) values. */
  appraisal: Dec;
  self: Dec | null;
  survey: Dec | null;
  bonus: Dec;
  penalty: Dec;
  total: Dec;
  max: Dec;
  index: Dec;
  /** The index unrounded, as the quotient it is (total × 100 ÷ max), for group statistics. */
  exactIndex: IndexQuotient;
  rank: number;
  of: number;
  band: string;
  domains: DomainResult[];
  /** Leaf by leaf, for the xlsx/html reports and explain; empty when the run did not ask for them. */
  leaves: LeafResult[];
  previous: { rank: number; index: Dec } | null;
  rankChange: number | null;
  indexChange: Dec | null;
}

export interface BandCount extends Band {
  count: number;
}

export interface GroupResult {
  group: string;
  groupKey: string;
  units: number;
  mean: Dec;
  median: Dec;
  min: Dec;
  max: Dec;
  top: string;
  bands: BandCount[];
}

export interface InputRef {
  role: 'criteria' | 'scores' | 'survey' | 'previous' | 'bands' | 'config';
  file: string;
  sha256: string;
}

export interface FrameworkSummary {
  appraisalMax: Dec;
  surveyMax: Dec;
  bonusMax: Dec;
  penaltyMax: Dec;
  leaves: number;
}

export interface Results {
  settings: Settings;
  inputs: InputRef[];
  framework: FrameworkSummary;
  /** Ordered: group (first appearance), rank, unit name (Vietnamese collation). */
  units: UnitResult[];
  groups: GroupResult[];
  rows: RowCounts;
  diagnostics: Diagnostic[];
  /** Units of the --previous results that are gone this year (listed, not dropped). */
  previousOnly: { unit: string; group: string; rank: number; index: Dec }[];
}
