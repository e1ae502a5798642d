import { Readable } from 'node:stream';
import type { CellValue, RawRow, SheetSource } from '../model/cell.js';
import { LegacyCells } from './legacyCells.js';
import type { LegacyFontOption } from './legacyFont.js';
import { HEADER_SCAN_ROWS, type NumberColumns, normaliseCell, numberColumns } from './numberText.js';
import { type InputScan, legacyView } from './scanInput.js';

/** What cleaning did to one input, for its summary line. */
export interface CleanStats {
  legacy: LegacyCells;
  /** Text cells that now hold a number written differently ("1,5" → 1.5; "2" → 2 is not counted). */
  numbers: number;
}

export function cleanStats(scan: InputScan, option: LegacyFontOption): CleanStats {
  return { legacy: new LegacyCells(option, scan.font, legacyView(scan.encoding)), numbers: 0 };
}

/**
 * The second pass: the input's sheets again (from the first pass's rows when it kept them), each row
 * cleaned as it streams by: legacy font text re-encoded cell by cell (LegacyCells) and number-like text
 * below the header turned into numbers. The header is looked for in the first rows, so those are held
 * back until it is found; the rest pass straight through. Sheet names are cleaned too.
 */
export async function* cleanSheets(scan: InputScan, stats: CleanStats): AsyncGenerator<SheetSource> {
  const sheets = scan.cached ? cachedSheets(scan) : scan.source.open();
  for await (const s of sheets) {
    yield { ...s, sheet: stats.legacy.sheetName(s.sheet), rows: () => cleanRows(s.rows(), stats) };
  }
}

async function* cachedSheets(scan: InputScan): AsyncGenerator<SheetSource> {
  for (const [i, s] of scan.sheets.entries()) {
    const rows = scan.cached?.[i] ?? [];
    yield {
      file: scan.source.file,
      sheet: s.name,
      index: s.index,
      hidden: s.hidden,
      ...(s.kind ? { kind: s.kind } : {}),
      merges: () => [],
      rows: () => Readable.from(rows),
    };
  }
}

async function* cleanRows(rows: AsyncIterable<RawRow>, stats: CleanStats): AsyncGenerator<RawRow> {
  const head: RawRow[] = [];
  let columns: NumberColumns | null = null;
  for await (const raw of rows) {
    const row: RawRow = { row: raw.row, cells: legacyCells(raw, stats) };
    if (columns !== null) {
      yield numbers(row, columns, stats);
      continue;
    }
    head.push(row);
    if (head.length < HEADER_SCAN_ROWS) continue;
    columns = numberColumns(head);
    for (const r of head) yield numbers(r, columns, stats);
  }
  if (columns === null) {
    columns = numberColumns(head);
    for (const r of head) yield numbers(r, columns, stats);
  }
}

function legacyCells(raw: RawRow, stats: CleanStats): CellValue[] {
  return raw.cells.map((c, i) => (typeof c === 'string' ? stats.legacy.text(c, raw.fonts?.[i]) : c));
}

function numbers(row: RawRow, columns: NumberColumns, stats: CleanStats): RawRow {
  row.cells = row.cells.map((c, i) => {
    const v = normaliseCell(c, row.row, i, columns);
    // "2" → 2 is no news; "1,5" → 1.5 and " 2 " → 2 are what the summary counts.
    if (v !== c && typeof c === 'string' && c !== String(v)) stats.numbers++;
    return v;
  });
  return row;
}
