import { readFile } from 'node:fs/promises';
import type { CellValue } from '../model/cell.js';
import { type Dec, decFromNumber, round } from '../model/decimal.js';
import { diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { cellText } from '../model/normalize.js';
import type { Results } from '../model/results.js';
import { unitKey } from '../model/unitName.js';
import { mapHeader } from '../parse/headers.js';
import { type LocateOptions, locateTable } from '../parse/locateTable.js';
import { ioError } from '../read/source.js';
import { parseNumberText } from '../score/rules/cellValues.js';
import { sha256File } from './hashFile.js';

interface PreviousUnit {
  unit: string;
  group: string;
  rank: number;
  index: Dec;
}

const PREVIOUS_FIELDS = {
  unit: ['unit', 'đơn vị', 'tên đơn vị'],
  group: ['group', 'khối', 'nhóm'],
  rank: ['rank', 'xếp hạng', 'thứ hạng', 'hạng'],
  index: ['index', 'chỉ số', 'chỉ số (%)', 'chỉ số cchc', 'chỉ số cải cách hành chính'],
};

async function readPreviousJson(file: string): Promise<PreviousUnit[]> {
  let json: {
    schema?: string;
    units?: { unit: string; group?: string; rank: number | string; index: number }[];
  };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw ioError(e, file);
  }
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError('E_PREVIOUS_NOT_RESULTS', { file, why: 'json' });
  }
  if (json?.schema !== 'cchc.results/1' || !Array.isArray(json.units)) {
    throw new UsageError('E_PREVIOUS_NOT_RESULTS', { file, why: 'json' });
  }
  return json.units.map((u) => ({
    unit: u.unit,
    group: u.group ?? '',
    rank: Number(String(u.rank).split('/')[0]),
    index: decFromNumber(u.index) ?? 0n,
  }));
}

async function readPreviousTable(
  file: string,
  options: LocateOptions,
  results: Results,
): Promise<PreviousUnit[]> {
  const units: PreviousUnit[] = [];
  const detect = (cells: CellValue[]) => {
    const h = mapHeader(cells, PREVIOUS_FIELDS);
    return h.fields.has('unit') && h.fields.has('rank') && h.fields.has('index') ? h : null;
  };
  const problems = await locateTable(
    file,
    options,
    detect,
    { vi: '"đơn vị", "xếp hạng", "chỉ số"', en: '"unit", "rank", "index"' },
    async (t) => {
      for await (const raw of t.rows) {
        const get = (f: string) => {
          const c = t.header.fields.get(f);
          return c === undefined ? null : (raw.cells[c] ?? null);
        };
        const unit = cellText(get('unit'));
        if (unit === '') continue;
        const rank = Number.parseInt(cellText(get('rank')), 10);
        const idxCell = get('index');
        const index =
          typeof idxCell === 'number'
            ? decFromNumber(idxCell)
            : parseNumberText(cellText(idxCell).replace('%', ''));
        if (!Number.isFinite(rank) || index === null) {
          results.diagnostics.push(
            diag('W_PREVIOUS_ROW_IGNORED', 'warning', { file, sheet: t.sheet, row: raw.row }, { unit }),
          );
          continue;
        }
        units.push({ unit, group: cellText(get('group')), rank, index });
      }
    },
  );
  // A file without the table is the wrong file: one error, not a header error and a "new unit" per unit.
  if (problems.some((d) => d.code === 'E_NO_HEADER'))
    throw new UsageError('E_PREVIOUS_NOT_RESULTS', { file, why: 'table' });
  results.diagnostics.push(...problems);
  return units;
}

/**
 * --previous: rank and index change per unit against an earlier result (docs/inputs.md, docs/outputs.md).
 * rankChange is positive when a unit moved up. Units new this year and units gone since are named in info
 * diagnostics.
 */
export async function applyPrevious(results: Results, file: string, options: LocateOptions): Promise<void> {
  const isJson = file.toLowerCase().endsWith('.json');
  const previous = isJson ? await readPreviousJson(file) : await readPreviousTable(file, options, results);
  const p = results.settings.precision;
  const byKey = new Map(previous.map((u) => [unitKey(u.unit), u]));
  const seen = new Set<string>();
  for (const u of results.units) {
    const prev = byKey.get(unitKey(u.unit));
    if (!prev) {
      results.diagnostics.push(diag('I_PREVIOUS_NEW_UNIT', 'info', { file }, { unit: u.unit }));
      continue;
    }
    seen.add(unitKey(u.unit));
    const index = round(prev.index, p);
    u.previous = { rank: prev.rank, index };
    u.rankChange = prev.rank - u.rank;
    u.indexChange = u.index - index;
  }
  for (const [key, prev] of byKey) {
    if (!seen.has(key))
      results.diagnostics.push(diag('I_PREVIOUS_GONE_UNIT', 'info', { file }, { unit: prev.unit }));
  }
  results.inputs.push({ role: 'previous', file, sha256: await sha256File(file) });
}
