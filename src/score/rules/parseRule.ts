import { type Dec, SCALE } from '../../model/decimal.js';
import type { CompareOp, Rule } from '../../model/framework.js';
import { labelKey } from '../../model/normalize.js';
import { isNaText, type Parsed, parseNumberText, type ValueProblem } from './cellValues.js';

/**
 * Rule texts in the criteria file's `rule` column (docs/inputs.md):
 *   points | ratio | yesno
 *   steps: >90%=2; >=70%=1; else=0        (checked top down, exact comparison; no step holds → 0)
 *   choice: đúng hạn=1; chậm=0,5; không ban hành=0
 * Vietnamese names work too (điểm, tỷ lệ, có/không, bậc, lựa chọn); decimal commas are fine.
 */
const SIMPLE = new Map<string, Rule>(
  Object.entries({
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
  } satisfies Record<string, Rule>),
);
const STEPS_NAMES = new Set(['steps', 'bac', 'thang bac', 'theo bac', 'muc']);
const CHOICE_NAMES = new Set(['choice', 'lua chon', 'chon']);
const ELSE_WORDS = new Set(['else', 'con lai', 'khac', 'truong hop khac', 'otherwise']);

const bad = (text: string, why: string): Parsed<never> => ({
  ok: false,
  problem: { code: 'E_RULE_INVALID', args: { found: text, why } } satisfies ValueProblem,
});

/**
 * A threshold: "90%", "90,5%", "0.9". A bare number above 1 ("90") can only mean a percentage — read as a
 * fraction it would be a step no ratio reaches — so it is read as one.
 */
function parseThreshold(text: string): Dec | null {
  const t = text.trim();
  const isPct = t.endsWith('%');
  const n = parseNumberText(isPct ? t.slice(0, -1) : t);
  if (n === null) return null;
  return isPct || n > SCALE ? n / 100n : n;
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
    // KPS, N/A… mean "not applicable" under every rule, so such a label could never be chosen.
    if (isNaText(label)) return bad(text, `"${label}" = N/A`);
    choices.push({ label, key: labelKey(label), points });
  }
  if (choices.length === 0) return bad(text, 'no choices');
  return { ok: true, value: { kind: 'choice', choices, text } };
}

/** "steps: …", "steps …" or "bậc: …" → the rule name and its body; no name → ''. */
function splitName(trimmed: string): { name: string; body: string } {
  const colon = trimmed.indexOf(':');
  if (colon >= 0) return { name: labelKey(trimmed.slice(0, colon)), body: trimmed.slice(colon + 1) };
  const m = /^([^\s<>=≥;]+(?:\s+[^\s<>=≥;]+)?)\s+(?=[<>=≥])/.exec(trimmed);
  const name = m ? labelKey(m[1]!) : '';
  if (m && (STEPS_NAMES.has(name) || CHOICE_NAMES.has(name)))
    return { name, body: trimmed.slice(m[0].length) };
  return { name: '', body: trimmed };
}

export function parseRule(text: string): Parsed<Rule> {
  const trimmed = text.trim();
  const simple = SIMPLE.get(labelKey(trimmed));
  if (simple) return { ok: true, value: simple };
  const { name, body } = splitName(trimmed);
  // Without a name, a text of thresholds is `steps` and a text of labels is `choice`.
  if (STEPS_NAMES.has(name) || (name === '' && /^(>=|≥|=>|>)/.test(trimmed)))
    return parseSteps(body, trimmed);
  if (CHOICE_NAMES.has(name) || (name === '' && trimmed.includes('='))) return parseChoice(body, trimmed);
  return bad(trimmed, 'unknown rule');
}

/** The largest number of points a rule can award, to check against the leaf's maximum. */
export function rulePointsCeiling(rule: Rule): Dec | null {
  if (rule.kind === 'steps') return rule.steps.reduce((m, s) => (s.points > m ? s.points : m), 0n);
  if (rule.kind === 'choice') return rule.choices.reduce((m, c) => (c.points > m ? c.points : m), 0n);
  return null;
}
