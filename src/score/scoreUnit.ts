import type { CellValue } from '../model/cell.js';
import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import { appliesTo, type Component, type Framework, type FrameworkNode } from '../model/framework.js';
import type { LeafResult } from '../model/results.js';
import type { LeafEntry, UnitInput } from '../model/scores.js';
import type { Settings } from '../model/settings.js';
import { cellText } from '../parse/normalize.js';
import { type Dec, ZERO } from './decimal.js';
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
}

export interface ScoreUnitOutput {
  score: UnitScore;
  diagnostics: Diagnostic[];
  /** Rows whose values were not used, for the read = scored + rejected count. */
  rejected: Location[];
}

const zeroes = (): Record<Component, Dec> => ({ appraisal: ZERO, survey: ZERO, bonus: ZERO, penalty: ZERO });

type Valued = { points: Dec | null; max: Dec; na: boolean } | null;

/** Applies the rule and the N/A policy to one cell; null when the cell has a problem (reported). */
function leafValue(
  cell: { value: CellValue; location: Location },
  leaf: FrameworkNode,
  settings: Settings,
  out: Diagnostic[],
): Valued {
  const v = evaluateLeaf(cell.value, leaf);
  if (v.kind === 'problem') {
    out.push(diag(v.problem.code, 'error', cell.location, { code: leaf.code, ...v.problem.args }));
    return null;
  }
  if (v.kind === 'points') {
    if (v.warning) out.push(diag(v.warning.code, 'warning', cell.location, v.warning.args));
    return { points: v.points, max: leaf.max, na: false };
  }
  const policy = leaf.na ?? settings.na;
  if (policy === 'forbid') {
    out.push(
      diag('E_NA_FORBIDDEN', 'error', cell.location, { code: leaf.code, found: cellText(cell.value) }),
    );
    return null;
  }
  return policy === 'full'
    ? { points: leaf.max, max: leaf.max, na: true }
    : { points: null, max: ZERO, na: true };
}

/** Scores one unit, leaf by leaf (SPEC §4 value grammar, §5 roll-up). Pure. */
export function scoreUnit(framework: Framework, unit: UnitInput, settings: Settings): ScoreUnitOutput {
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
          diag('W_LEAF_NOT_IN_GROUP', 'warning', entry.location, {
            code: leaf.code,
            unit: unit.name,
            group: unit.group,
          }),
        );
        rejected.push(entry.location);
      }
      continue;
    }
    const selfV = entry?.self ? leafValue(entry.self, leaf, settings, diagnostics) : null;
    const apprV = entry?.appraised ? leafValue(entry.appraised, leaf, settings, diagnostics) : null;
    let chosen = settings.stage === 'self' ? entry?.self : entry?.appraised;
    let value = settings.stage === 'self' ? selfV : apprV;
    // Units assess themselves on appraisal leaves only: survey, bonus and penalty values are the
    // council's whatever the stage, so under --stage self they are taken as given.
    if (settings.stage === 'self' && !chosen && leaf.component !== 'appraisal' && entry?.appraised) {
      chosen = entry.appraised;
      value = apprV;
    }
    if (settings.stage === 'appraised' && !entry?.appraised && entry?.self) {
      diagnostics.push(
        diag('W_NOT_APPRAISED', 'warning', entry.location, { code: leaf.code, unit: unit.name }),
      );
      chosen = entry.self;
      value = selfV;
    }
    if (!chosen) {
      if (leaf.component === 'survey') surveyMissing.push(leaf);
      else if (leaf.component === 'appraisal') {
        if (entry) rejected.push(entry.location); // a row that names the leaf but holds no value
        diagnostics.push(
          diag('E_SCORE_MISSING', 'error', entry?.location ?? unit.location, {
            code: leaf.code,
            unit: unit.name,
            stage: settings.stage,
          }),
        );
      }
      // Bonus and penalty leaves left empty award nothing and deduct nothing.
      continue;
    }
    if (leaf.component === 'survey') surveyHeld = true;
    if (!value) {
      rejected.push(chosen.location); // reported by leafValue; the row is not scored
      continue;
    }
    if (value.points !== null) points[leaf.component] += value.points;
    max[leaf.component] += value.max;
    if (leaf.component === 'appraisal' && selfV) self = (self ?? ZERO) + (selfV.points ?? ZERO);
    leaves.push({
      code: leaf.code,
      component: leaf.component,
      rule: leaf.rule.kind,
      raw: cellText(chosen.value),
      points: value.points,
      max: value.max,
      na: value.na,
      self: selfV ? selfV.points : null,
      appraised: apprV ? apprV.points : null,
      reason: entry?.reason ?? '',
      evidence: entry?.evidence ?? '',
    });
  }
  return { score: { unit, leaves, points, max, self, surveyHeld, surveyMissing }, diagnostics, rejected };
}
