import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import type { CellValue, RawRow, SheetSource } from '../model/cell.js';
import { UsageError } from '../model/errors.js';

/**
 * The JSON that `cchc convert` writes and reads back: every sheet, every non-empty row with its row
 * number, cells as JSON values (numbers are numbers, dates ISO text, Excel errors {"error": "#N/A"}).
 */
export const TABLE_SCHEMA = 'cchc.table/1';

export interface JsonSheet {
  name: string;
  rows: { row: number; cells: JsonCell[] }[];
}
type JsonCell = string | number | boolean | null | { error: string };

export const jsonCell = (v: CellValue): JsonCell => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
};

function isCell(v: unknown): v is JsonCell {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return true;
  return typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string';
}

/** Reads a cchc.table/1 document; anything else is E_FILE_CORRUPT with the reason. */
export async function* readJsonTable(file: string): AsyncGenerator<SheetSource> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError('E_FILE_NOT_FOUND', { file });
    if (code) throw new UsageError('E_FILE_UNREADABLE', { file, reason: code });
    throw new UsageError('E_FILE_CORRUPT', { file, reason: 'json-syntax', detail: (e as Error).message });
  }
  const sheets = (doc as { schema?: unknown; sheets?: unknown })?.sheets;
  if ((doc as { schema?: unknown })?.schema !== TABLE_SCHEMA || !Array.isArray(sheets)) {
    throw new UsageError('E_FILE_CORRUPT', {
      file,
      reason: 'json-not-table',
      schema: TABLE_SCHEMA,
    });
  }
  let index = 0;
  for (const s of sheets as JsonSheet[]) {
    index++;
    const rows: RawRow[] = [];
    for (const r of Array.isArray(s?.rows) ? s.rows : []) {
      if (!Number.isInteger(r?.row) || !Array.isArray(r.cells) || !r.cells.every(isCell)) {
        throw new UsageError('E_FILE_CORRUPT', {
          file,
          reason: 'json-bad-row',
          found: index,
        });
      }
      rows.push({ row: r.row, cells: r.cells.map((c) => (typeof c === 'string' ? c.normalize('NFC') : c)) });
    }
    const name = typeof s?.name === 'string' && s.name !== '' ? s.name : basename(file, extname(file));
    yield { file, sheet: name, index, hidden: false, merges: () => [], rows: () => Readable.from(rows) };
  }
}
