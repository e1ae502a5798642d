import type { Diagnostic } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import { cleanText, nameKey } from '../model/normalize.js';
import { buildFramework } from './buildFramework.js';
import { PathTracker } from './codePath.js';
import { type CriteriaRow, readCriteriaRow } from './criteriaRow.js';
import { CRITERIA_FIELDS, describeFields, type HeaderMap, mapHeader } from './headers.js';
import { type LocateOptions, locateTable } from './locateTable.js';
import { checkTotals, componentsByName } from './rowLabels.js';
import { duplicateHeaderDiagnostics } from './scoreHeader.js';

/**
 * Reads the criteria file (--criteria) into a framework. Groups' display names are collected on the way.
 * Office shapes are read as they come: Roman domains with numbering that restarts (codes become paths,
 * see codePath), `a)`/`-` sub-items, total rows, and survey/bonus/penalty domains known by their names.
 */
export async function readCriteria(
  file: string,
  options: LocateOptions,
  groupNames: Map<string, string>,
): Promise<{ framework: Framework | null; diagnostics: Diagnostic[]; rowsRead: number }> {
  const diagnostics: Diagnostic[] = [];
  const rows: CriteriaRow[] = [];
  const totals: Parameters<typeof checkTotals>[0] = [];
  let hasComponent = false;
  let rowsRead = 0;
  const detect = (cells: Parameters<typeof mapHeader>[0]): HeaderMap | null => {
    const h = mapHeader(cells, CRITERIA_FIELDS);
    const hasCode = h.fields.has('code') || h.fields.has('stt');
    return hasCode && h.fields.has('max') ? h : null;
  };
  const located = await locateTable(
    file,
    options,
    detect,
    describeFields(CRITERIA_FIELDS, ['code', 'name', 'max']),
    async (t) => {
      const where = { file: t.file, sheet: t.sheet };
      diagnostics.push(...duplicateHeaderDiagnostics(t.header, where, t.headerRow));
      hasComponent = t.header.fields.has('component');
      const ctx = { header: t.header, where, diagnostics, paths: new PathTracker() };
      for await (const raw of t.rows) {
        const row = readCriteriaRow(raw, ctx);
        if (!row) continue;
        if ('kind' in row) {
          totals.push({ row, after: rows.at(-1)?.code ?? null });
          continue;
        }
        rowsRead++;
        rows.push(row);
        const groupsCol = t.header.fields.get('groups');
        const text = groupsCol === undefined ? '' : String(raw.cells[groupsCol] ?? '');
        for (const g of text.split(/[;\n]/)) {
          const key = nameKey(g);
          if (key && !groupNames.has(key)) groupNames.set(key, cleanText(g));
        }
      }
    },
  );
  diagnostics.push(...located);
  if (located.some((d) => d.code === 'E_NO_HEADER')) return { framework: null, diagnostics, rowsRead };
  if (!hasComponent) componentsByName(rows, diagnostics);
  const built = buildFramework(rows, groupNames);
  for (const d of built.diagnostics) if (!d.location.file) d.location.file = file;
  diagnostics.push(...built.diagnostics);
  checkTotals(totals, built.framework, diagnostics);
  return { framework: built.framework, diagnostics, rowsRead };
}
