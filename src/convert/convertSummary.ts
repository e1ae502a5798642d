import type { Diagnostic } from '../model/diagnostic.js';
import type { PlannedOutput, TableRef } from './outputPlan.js';
import type { ConvertInput } from './runConvert.js';

type Line = Pick<Diagnostic, 'code' | 'args'>;

const where = (o: PlannedOutput) => (o.path === '-' ? 'stdout' : o.path);

/**
 * One line per input that went into an output: where it went, the rows and sheets written from it (what
 * was written, counted as it was written), its encoding, the cells re-encoded from which legacy fonts, the
 * numbers normalised. Then, for --to long, each long table's rows.
 */
export function summaryLines(
  inputs: readonly ConvertInput[],
  outputs: readonly PlannedOutput[],
  rows: ReadonlyMap<TableRef, number>,
): Line[] {
  const lines: Line[] = [];
  inputs.forEach((input, i) => {
    const mine = outputs.filter((o) => o.tables.some((t) => t.input === i || t.from?.includes(i)));
    if (!input.scan || !input.stats || mine.length === 0) return;
    const tables = mine.flatMap((o) => o.tables.filter((t) => t.input === i && t.from === undefined));
    const legacy = input.stats.legacy;
    lines.push({
      code: 'I_CONVERT_SUMMARY',
      args: {
        file: input.file,
        out: mine.map(where).join(', '),
        rows: tables.length === 0 ? undefined : tables.reduce((n, t) => n + (rows.get(t) ?? 0), 0),
        sheets: tables.length > 1 ? tables.length : undefined,
        legacy: legacy.cells,
        font: legacy.fonts.size > 0 ? [...legacy.fonts].join('/') : undefined,
        numbers: input.stats.numbers,
        encoding: input.scan.encoding ?? undefined,
      },
    });
  });
  for (const o of outputs) {
    for (const t of o.tables) {
      if (t.from !== undefined)
        lines.push({ code: 'I_CONVERT_LONG', args: { rows: rows.get(t) ?? 0, out: where(o) } });
    }
  }
  return lines;
}
