import type { CellValue } from '../model/cell.js';
import { type Dec, ZERO } from '../model/decimal.js';
import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import { appliesTo, type Component, type Framework, type FrameworkNode } from '../model/framework.js';
import { cellText } from '../model/normalize.js';
import type { LeafResult } from '../model/results.js';
import { entryLocation, type LeafEntry, type UnitInput, valueLocation } from '../model/scores.js';
import type { Settings } from '../model/settings.js';
import { rootOfLeaf } from './rootOfLeaf.js';
import { evaluateLeaf } from './rules/evaluate.js';

/** A unit's exact (unrounded) sums, before ranking. */
export interface UnitScore {
  unit: UnitInput;
  leaves: LeafResult[];
  points: Record<Component, Dec>;
  max: Record<Component, Dec>;
  /** Sum of self-assessed appraisal points; null when the unit gave no self values. */
  self: Dec | null;
  /** Whether any survey value was given for the unit. */
  surveyHeld: boolean;
  /** Survey leaves that apply to the unit but have no value (an error only if the group held a survey). */
  surveyMissing: FrameworkNode[];
  /** Points and maximum counted under each top-level node (domain), by its code. */
  domains: Map<string, { points: Dec; max: Dec }>;
}

export interface ScoreUnitOutput {
  score: UnitScore;
  diagnostics: Diagnostic[];
  /** Rows whose values were not used, for the read = scored + rejected count. */
  rejected: Location[];
}

const zeroes = (): Record<Component, Dec> => ({ appraisal: ZERO, survey: ZERO, bonus: ZERO, penalty: ZERO });

type Valued = { points: Dec | null; max: Dec; na: boolean } | null;

/**
 * Applies the rule and the N/A policy to one of an entry's cells; null when the cell has a problem
 * (reported at the cell, whose location is only worked out then).
 */
function leafValue(
  entry: LeafEntry,
  which: 'self' | 'appraised',
  leaf: FrameworkNode,
  settings: Settings,
  out: Diagnostic[],
): Valued {
  const value: CellValue = entry[which];
  const v = evaluateLeaf(value, leaf);
  if (v.kind === 'problem') {
    out.push(
      diag(v.problem.code, 'error', valueLocation(entry, which), { code: leaf.code, ...v.problem.args }),
    );
    return null;
  }
  if (v.kind === 'points') {
    if (v.warning) out.push(diag(v.warning.code, 'warning', valueLocation(entry, which), v.warning.args));
    return { points: v.points, max: leaf.max, na: false };
  }
  const policy = leaf.na ?? settings.na;
  if (policy === 'forbid') {
    const found = cellText(value);
    out.push(diag('E_NA_FORBIDDEN', 'error', valueLocation(entry, which), { code: leaf.code, found }));
    return null;
  }
  return policy === 'full'
    ? { points: leaf.max, max: leaf.max, na: true }
    : { points: null, max: ZERO, na: true };
}

/** Scores one unit, leaf by leaf (docs/inputs.md value grammar, docs/computation.md roll-up). Pure. */
export function scoreUnit(
  framework: Framework,
  unit: UnitInput,
  settings: Settings,
  keepLeaves = true,
): ScoreUnitOutput {
  const roots = rootOfLeaf(framework);
  const domains = new Map<string, { points: Dec; max: Dec }>();
  const diagnostics: Diagnostic[] = [];
  const rejected: Location[] = [];
  const points = zeroes();
  const max = zeroes();
  const leaves: LeafResult[] = [];
  const surveyMissing: FrameworkNode[] = [];
  let self: Dec | null = null;
  let surveyHeld = false;

  for (const leaf of framework.leaves) {
    const entry: LeafEntry | undefined = unit.entries.get(leaf.code) ?? unit.survey.get(leaf.code);
    if (!appliesTo(leaf, unit.groupKey)) {
      if (entry) {
        diagnostics.push(
          diag('W_LEAF_NOT_IN_GROUP', 'warning', entryLocation(entry), {
            code: leaf.code,
            unit: unit.name,
            group: unit.group,
          }),
        );
        rejected.push(entryLocation(entry));
      }
      continue;
    }
    const selfV = entry && entry.self !== null ? leafValue(entry, 'self', leaf, settings, diagnostics) : null;
    const apprV =
      entry && entry.appraised !== null ? leafValue(entry, 'appraised', leaf, settings, diagnostics) : null;
    let chosen: 'self' | 'appraised' | null = entry && entry[settings.stage] !== null ? settings.stage : null;
    // Units assess themselves on appraisal leaves only: survey, bonus and penalty values are the
    // council's whatever the stage, so under --stage self they are taken as given.
    if (settings.stage === 'self' && !chosen && leaf.component !== 'appraisal' && entry?.appraised != null) {
      chosen = 'appraised';
    }
    if (settings.stage === 'appraised' && entry && entry.appraised === null && entry.self !== null) {
      diagnostics.push(
        diag('W_NOT_APPRAISED', 'warning', entryLocation(entry), { code: leaf.code, unit: unit.name }),
      );
      chosen = 'self';
    }
    const value = chosen === 'self' ? selfV : apprV;
    if (!entry || !chosen) {
      if (leaf.component === 'survey') surveyMissing.push(leaf);
      else if (leaf.component === 'appraisal') {
        if (entry) rejected.push(entryLocation(entry)); // a row that names the leaf but holds no value
        diagnostics.push(
          diag(
            'E_SCORE_MISSING',
            'error',
            // A row with only the other stage's value: at the blank cell of this stage's.
            entry ? valueLocation(entry, settings.stage) : (unit.blank?.get(leaf.code) ?? unit.location),
            {
              code: leaf.code,
              unit: unit.name,
              stage: settings.stage,
            },
          ),
        );
      }
      // Bonus and penalty leaves left empty award nothing and deduct nothing.
      continue;
    }
    if (leaf.component === 'survey') surveyHeld = true;
    // A cell with a problem (reported by leafValue) rejects its row, the value not chosen included: a
    // row is scored whole or not at all, so every row named by an error is counted as rejected.
    const bad = (entry.self !== null && !selfV) || (entry.appraised !== null && !apprV);
    if (!value || bad) {
      rejected.push(valueLocation(entry, chosen));
      continue;
    }
    if (value.points !== null) points[leaf.component] += value.points;
    max[leaf.component] += value.max;
    if (leaf.component === 'appraisal' && selfV) self = (self ?? ZERO) + (selfV.points ?? ZERO);
    const root = roots.get(leaf.code);
    if (root !== undefined) {
      const sum = domains.get(root);
      if (sum) {
        sum.points += value.points ?? ZERO;
        sum.max += value.max;
      } else domains.set(root, { points: value.points ?? ZERO, max: value.max });
    }
    if (!keepLeaves) continue;
    leaves.push({
      code: leaf.code,
      component: leaf.component,
      rule: leaf.rule.kind,
      raw: entry[chosen],
      points: value.points,
      max: value.max,
      na: value.na,
      self: selfV ? selfV.points : null,
      appraised: apprV ? apprV.points : null,
      reason: entry.reason,
      evidence: entry.evidence,
    });
  }
  return {
    score: { unit, leaves, points, max, self, surveyHeld, surveyMissing, domains },
    diagnostics,
    rejected,
  };
}
