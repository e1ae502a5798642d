import { CLERKS_MESSAGES } from './messages/clerks.js';
import type { Entry } from './messages/helpers.js';
import { INPUTS_MESSAGES } from './messages/inputs.js';
import { INTAKE_MESSAGES } from './messages/intake.js';
import { READERS_MESSAGES } from './messages/readers.js';
import { REPORTS_MESSAGES } from './messages/reports.js';
import { SCORES_MESSAGES } from './messages/scores.js';
import { SHAPES_MESSAGES } from './messages/shapes.js';
import { USAGE_MESSAGES } from './messages/usage.js';

/** One entry per diagnostic or usage-error code, in vi and en. Codes are stable; docs/diagnostics.md explains each. */
export const MESSAGES: Record<string, Entry> = {
  ...USAGE_MESSAGES,
  ...INPUTS_MESSAGES,
  ...READERS_MESSAGES,
  ...SCORES_MESSAGES,
  ...CLERKS_MESSAGES,
  ...SHAPES_MESSAGES,
  ...INTAKE_MESSAGES,
  ...REPORTS_MESSAGES,
};
