import { createRequire } from 'node:module';

export type Align = 'left' | 'right';

/**
 * A box-drawing table, as cli-table3 draws it with the options the terminal report uses (compact, no
 * colours of its own, one line per cell, one space of padding): drawn here when every cell is plain text,
 * by cli-table3 otherwise.
 *
 * Why: cli-table3 lays out a table cell by cell through a general engine (spans, wrapping, truncation) and
 * measures each cell with string-width, which builds its ANSI and emoji regular expressions anew on every
 * call: a national ranking of 3,321 units took 1.2 s to draw, as long as reading and scoring the file. A
 * plain cell — letters up to U+02FF, Vietnamese (U+1E00–U+1EFF), dashes, quotes, ≤ and ≥, colour codes — is
 * as wide as it is long, which is what string-width says of it too; anything else (wide or combining characters, emoji, control
 * characters) is left to cli-table3, loaded only then. test/render/boxTable.test.ts holds the two to the
 * same output.
 */
export function boxTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  return plainBox(head, rows, align) ?? libraryBox(head, rows, align);
}

/** SGR colour and style codes (ESC [ … m), as cli-table3 strips them before measuring. */
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[(?:\\d*;){0,5}\\d*m`, 'g');

/** Dashes, quotes, bullet, ellipsis, ≤ and ≥ (band thresholds): one column each, and never an emoji. */
const NARROW_SIGNS = new Set([
  0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x2264, 0x2265,
]);

/** The width of a plain cell (see boxTable); -1 for any other. */
export function plainWidth(text: string): number {
  const s = text.includes('\u001b') ? text.replace(SGR, '') : text;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    // Latin-1 letters and signs (not © and ®, which can start an emoji), Latin Extended, IPA, modifiers.
    if (c >= 0xa0 && c <= 0x2ff && c !== 0xa9 && c !== 0xae) continue;
    if (c >= 0x1e00 && c <= 0x1eff) continue; // Latin Extended Additional: Vietnamese letters
    if (NARROW_SIGNS.has(c)) continue;
    return -1;
  }
  return s.length;
}

/** The table drawn here, or null when a cell is not plain. */
export function plainBox(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string | null {
  const n = head.length;
  if (rows.some((r) => r.length !== n)) return null;
  const widths = new Array<number>(n).fill(0);
  const measured: number[][] = [];
  for (const row of [head, ...rows]) {
    const w = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const width = plainWidth(row[i]!);
      if (width < 0) return null;
      w[i] = width;
      if (width > widths[i]!) widths[i] = width;
    }
    measured.push(w);
  }
  const rule = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const line = (row: readonly string[], w: readonly number[]) => {
    let out = '│';
    for (let i = 0; i < n; i++) {
      const gap = ' '.repeat(widths[i]! - w[i]!);
      out += align[i] === 'right' ? ` ${gap}${row[i]} │` : ` ${row[i]}${gap} │`;
    }
    return out;
  };
  const lines = [rule('┌', '┬', '┐'), line(head, measured[0]!)];
  if (rows.length > 0) lines.push(rule('├', '┼', '┤'));
  rows.forEach((row, r) => {
    lines.push(line(row, measured[r + 1]!));
  });
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}

/** cli-table3, for tables with a cell that is not plain. */
export function libraryBox(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  // Loaded only for such a table (it and string-width cost a start-up of their own).
  const Table = createRequire(import.meta.url)('cli-table3') as typeof import('cli-table3');
  const table = new Table({
    head: [...head],
    colAligns: [...align],
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}
