import type { CellValue } from '../model/cell.js';
import { type Dec, toPlain, ZERO } from '../model/decimal.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import type { Framework, FrameworkNode } from '../model/framework.js';
import { cellText, isBlank } from '../model/normalize.js';
import { cellLocation, type SheetRef } from '../model/scores.js';
import { cellNumber, isNaText } from '../score/rules/cellValues.js';

/** A form's own subtotal or total row, with the values it holds (checked once the sheet is read). */
export interface SubtotalRow {
  row: number;
  /** The criterion it totals; null for the form's grand total. */
  node: FrameworkNode | null;
  label: string;
  self: CellValue;
  appraised: CellValue;
}

/** What a cell adds to a sum as Excel's SUM sees it: blanks and N/A words nothing, other text unknown. */
function addend(v: CellValue): Dec | null {
  if (isBlank(v)) return ZERO;
  if (typeof v === 'string' && isNaText(v.trim())) return ZERO;
  const parsed = cellNumber(v, cellText(v));
  return parsed.ok ? parsed.value : null;
}

type Column = 'self' | 'appraised';

/**
 * The sums a form's subtotal rows should show, from the values of its rows. A subtotal or total row is
 * never read as a value: it stays silent when it is blank or equals the sum of what it totals, and is a
 * warning when it differs — unless a value below is not a plain number (a ratio, a yes/no), which the
 * form cannot have added up either.
 */
export class FormSums {
  private readonly leaves = new Map<string, Record<Column, Dec | null>>();
  private readonly all: Record<Column, Dec | null> = { self: ZERO, appraised: ZERO };
  private readonly penalty: Record<Column, Dec | null> = { self: ZERO, appraised: ZERO };

  constructor(private readonly framework: Framework) {}

  /** A row read as a value (a leaf, or a code the framework does not know: node null). */
  add(node: FrameworkNode | null, self: CellValue, appraised: CellValue): void {
    const values = { self: addend(self), appraised: addend(appraised) };
    for (const c of ['self', 'appraised'] as const) {
      this.all[c] = plus(this.all[c], values[c]);
      if (node?.component === 'penalty') this.penalty[c] = plus(this.penalty[c], values[c]);
    }
    if (node) this.leaves.set(node.code, values);
  }

  check(rows: readonly SubtotalRow[], where: SheetRef, cols: Record<Column, number>): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const r of rows) {
      for (const c of ['self', 'appraised'] as const) {
        const v = r[c];
        if (isBlank(v)) continue;
        const found = addend(v);
        const expected = r.node ? this.under(r.node, c) : this.all[c];
        if (expected === null) continue;
        // A grand total may subtract the penalty points the plain sum adds.
        const alsoFine =
          r.node === null && this.penalty[c] !== null ? expected - 2n * (this.penalty[c] as Dec) : expected;
        if (found !== null && (found === expected || found === alsoFine)) continue;
        out.push(
          diag('W_SUBTOTAL_MISMATCH', 'warning', cellLocation(where, r.row, cols[c]), {
            found: cellText(v),
            computed: toPlain(expected),
            label: r.node ? r.node.code : r.label,
          }),
        );
      }
    }
    return out;
  }

  private under(node: FrameworkNode, c: Column): Dec | null {
    let total: Dec | null = ZERO;
    const visit = (n: FrameworkNode) => {
      if (n.children.length === 0) total = plus(total, this.leaves.get(n.code)?.[c] ?? ZERO);
      else for (const child of n.children) visit(this.framework.byCode.get(child)!);
    };
    visit(node);
    return total;
  }
}

const plus = (a: Dec | null, b: Dec | null): Dec | null => (a === null || b === null ? null : a + b);
