import { type Dec, ZERO } from '../model/decimal.js';
import type { Component, Framework } from '../model/framework.js';
import type { FrameworkSummary } from '../model/results.js';

/**
 * Component maxima of the framework as declared: the sum of the top-level nodes' maxima per component.
 * (Per unit, maxima after N/A and groups are in each UnitResult.)
 */
export function summarizeFramework(framework: Framework): FrameworkSummary {
  const by: Record<Component, Dec> = { appraisal: ZERO, survey: ZERO, bonus: ZERO, penalty: ZERO };
  for (const r of framework.roots) by[r.component] += r.max;
  return {
    appraisalMax: by.appraisal,
    surveyMax: by.survey,
    bonusMax: by.bonus,
    penaltyMax: by.penalty,
    leaves: framework.leaves.length,
  };
}
