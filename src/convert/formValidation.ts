import { toPlain } from '../model/decimal.js';
import type { FrameworkNode, NaPolicy } from '../model/framework.js';
import type { DataValidation } from '../ooxml/worksheetWriter.js';

/** What a clerk may type for N/A (docs/inputs.md): offered in lists, accepted by the number check. */
export const NA_LABEL = 'KPS';

const ERROR_TITLE = 'Giá trị không hợp lệ';
const PROMPT_TITLE = 'Cách nhập';

/** An input message only: any value is accepted. */
const hint = (prompt: string): DataValidation => ({
  type: 'any',
  allowBlank: true,
  prompt: { title: PROMPT_TITLE, text: prompt },
});

/** A check that stops a wrong value, with the input message as its error message too. */
const check = (
  rule: Pick<DataValidation, 'type' | 'operator' | 'formula1' | 'formula2'>,
  prompt: string,
): DataValidation => ({
  ...rule,
  allowBlank: true,
  prompt: { title: PROMPT_TITLE, text: prompt },
  error: { title: ERROR_TITLE, text: prompt },
});

/** Excel caps a list validation's formula at 255 characters; a label with a comma or quote cannot be listed. */
const listFormula = (labels: readonly string[]): string | null => {
  if (labels.some((l) => /[",]/.test(l))) return null;
  const f = `"${labels.join(',')}"`;
  return f.length <= 255 ? f : null;
};

/**
 * The data validation of a leaf's input cell, by the leaf's rule (docs/inputs.md, value grammar). `ref` is
 * the cell itself (custom formulas refer to it). Where N/A is allowed, KPS is accepted too: a plain 0..max
 * decimal check would stop a clerk from writing it. Ratio and steps leaves accept anything ("14/19",
 * "73,68%"), with an input message saying what to write.
 */
export function leafValidation(leaf: FrameworkNode, ref: string, runNa: NaPolicy): DataValidation {
  const naAllowed = (leaf.na ?? runNa) !== 'forbid';
  const max = toPlain(leaf.max);
  const na = naAllowed ? `; hoặc ${NA_LABEL} nếu không phát sinh` : '';
  const rule = leaf.rule;
  if (rule.kind === 'choice' || rule.kind === 'yesno') {
    const labels = rule.kind === 'choice' ? rule.choices.map((c) => c.label) : ['Có', 'Không'];
    const formula = listFormula(naAllowed ? [...labels, NA_LABEL] : labels);
    const prompt = `Chọn một trong: ${labels.join('; ')}${na}`;
    return formula === null ? hint(prompt) : check({ type: 'list', formula1: formula }, prompt);
  }
  if (rule.kind === 'ratio' || rule.kind === 'steps') {
    const how = rule.kind === 'steps' ? ` (${rule.text})` : '';
    const prompt = `Nhập tỉ lệ, ví dụ 14/19 hoặc 73,68%${how}${na}`;
    return hint(prompt);
  }
  const prompt = `Nhập số điểm từ 0 đến ${max.replace('.', ',')}${na}`;
  if (!naAllowed) {
    return check({ type: 'decimal', operator: 'between', formula1: '0', formula2: max }, prompt);
  }
  const formula = `OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${max}),UPPER(TRIM(${ref}))="${NA_LABEL}")`;
  return check({ type: 'custom', formula1: formula }, prompt);
}
