import type { CompareOp, Rule } from '../../model/framework.js';
import { labelKey } from '../../parse/normalize.js';
import type { Dec } from '../decimal.js';
import { type Parsed, parseNumberText, type ValueProblem } from './cellValues.js';

/**
 * Rule texts in the criteria file's `rule` column (SPEC §4):
 *   points | ratio | yesno
 *   steps: >90%=2; >=70%=1; else=0        (checked top down, exact comparison; no step holds → 0)
 *   choice: đúng hạn=1; chậm=0,5; không ban hành=0
 * Vietnamese names work too (điểm, tỷ lệ, có/không, bậc, lựa chọn); decimal commas are fine.
 */
const SIMPLE: Record<string, Rule> = {
  '': { kind: 'points' },
  points: { kind: 'points' },
  diem: { kind: 'points' },
  'so diem': { kind: 'points' },
  ratio: { kind: 'ratio' },
  'ty le': { kind: 'ratio' },
  'ti le': { kind: 'ratio' },
  'theo ty le': { kind: 'ratio' },
  yesno: { kind: 'yesno' },
  'co/khong': { kind: 'yesno' },
  'dat/khong dat': { kind: 'yesno' },
};
const STEPS_NAMES = new Set(['steps', 'bac', 'thang bac', 'theo bac', 'muc']);
const CHOICE_NAMES = new Set(['choice', 'lua chon', 'chon']);
const ELSE_WORDS = new Set(['else', 'con lai', 'khac', 'truong hop khac', 'otherwise']);

const bad = (text: string, why: string): Parsed<never> => ({
  ok: false,
  problem: { code: 'E_RULE_INVALID', args: { found: text, why } } satisfies ValueProblem,
});

/** A threshold: "90%", "90,5%", "0.9", "14/19". */
function parseThreshold(text: string): Dec | null {
  const t = text.trim();
  if (t.endsWith('%')) {
    const pct = parseNumberText(t.slice(0, -1));
    return pct === null ? null : pct / 100n;
  }
  return parseNumberText(t);
}

function parseSteps(body: string, text: string): Parsed<Rule> {
  const steps: { op: CompareOp | null; threshold: Dec | null; points: Dec }[] = [];
  for (const part of body
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) return bad(text, `"${part}"`);
    const cond = part.slice(0, eq).trim();
    const points = parseNumberText(part.slice(eq + 1));
    if (points === null) return bad(text, `"${part}"`);
    if (ELSE_WORDS.has(labelKey(cond))) {
      steps.push({ op: null, threshold: null, points });
      continue;
    }
    const m = /^(>=|≥|=>|>)\s*(.+)$/.exec(cond);
    const threshold = m ? parseThreshold(m[2]!) : null;
    if (!m || threshold === null) return bad(text, `"${part}"`);
    steps.push({ op: m[1] === '>' ? '>' : '>=', threshold, points });
  }
  if (steps.length === 0) return bad(text, 'no steps');
  return { ok: true, value: { kind: 'steps', steps, text } };
}

function parseChoice(body: string, text: string): Parsed<Rule> {
  const choices: { label: string; key: string; points: Dec }[] = [];
  for (const part of body
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const label = part.slice(0, Math.max(eq, 0)).trim();
    const points = eq > 0 ? parseNumberText(part.slice(eq + 1)) : null;
    if (!label || points === null) return bad(text, `"${part}"`);
    choices.push({ label, key: labelKey(label), points });
  }
  if (choices.length === 0) return bad(text, 'no choices');
  return { ok: true, value: { kind: 'choice', choices, text } };
}

export function parseRule(text: string): Parsed<Rule> {
  const trimmed = text.trim();
  const simple = SIMPLE[labelKey(trimmed)];
  if (simple) return { ok: true, value: simple };
  const colon = trimmed.indexOf(':');
  const name = colon >= 0 ? labelKey(trimmed.slice(0, colon)) : '';
  const body = colon >= 0 ? trimmed.slice(colon + 1) : trimmed;
  if (STEPS_NAMES.has(name) || (colon < 0 && /^(>=|≥|=>|>)/.test(trimmed))) return parseSteps(body, trimmed);
  if (CHOICE_NAMES.has(name) || (colon < 0 && trimmed.includes('='))) return parseChoice(body, trimmed);
  return bad(trimmed, 'unknown rule');
}

/** The largest number of points a rule can award, to check against the leaf's maximum. */
export function rulePointsCeiling(rule: Rule): Dec | null {
  if (rule.kind === 'steps') return rule.steps.reduce((m, s) => (s.points > m ? s.points : m), 0n);
  if (rule.kind === 'choice') return rule.choices.reduce((m, c) => (c.points > m ? c.points : m), 0n);
  return null;
}
