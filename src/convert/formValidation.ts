import type { DataValidation } from 'exceljs';
import { toPlain } from '../model/decimal.js';
import type { FrameworkNode, NaPolicy } from '../model/framework.js';

/** What a clerk may type for N/A (docs/inputs.md): offered in lists, accepted by the number check. */
export const NA_LABEL = 'KPS';

const ERROR = { showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Giá trị không hợp lệ' } as const;
/** exceljs writes 'any' (no type attribute: any value, input message only); its typings omit it. */
const ANY = 'any' as DataValidation['type'];
const PROMPT = { showInputMessage: true, promptTitle: 'Cách nhập' } as const;

/** An input message only: any value is accepted. */
const hint = (prompt: string): DataValidation => ({
  type: ANY,
  formulae: [],
  allowBlank: true,
  ...PROMPT,
  prompt,
});

/** A check that stops a wrong value, with the input message as its error message too. */
const check = (rule: Pick<DataValidation, 'type' | 'formulae'> & { operator?: 'between' }, prompt: string) =>
  ({ ...rule, allowBlank: true, ...PROMPT, prompt, ...ERROR, error: prompt }) as DataValidation;

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
    return formula === null ? hint(prompt) : check({ type: 'list', formulae: [formula] }, prompt);
  }
  if (rule.kind === 'ratio' || rule.kind === 'steps') {
    const how = rule.kind === 'steps' ? ` (${rule.text})` : '';
    const prompt = `Nhập tỉ lệ, ví dụ 14/19 hoặc 73,68%${how}${na}`;
    return hint(prompt);
  }
  const prompt = `Nhập số điểm từ 0 đến ${max.replace('.', ',')}${na}`;
  if (!naAllowed) return check({ type: 'decimal', operator: 'between', formulae: [0, Number(max)] }, prompt);
  const formula = `OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${max}),UPPER(TRIM(${ref}))="${NA_LABEL}")`;
  return check({ type: 'custom', formulae: [formula] }, prompt);
}
