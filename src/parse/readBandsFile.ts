import type { CellValue } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import { cellText, nameKey } from '../model/normalize.js';
import type { Band, BandSchemes } from '../model/settings.js';
import { parseNumberText } from '../score/rules/cellValues.js';
import { BAND_OPS, bandOp } from './bands.js';
import { mapHeader } from './headers.js';
import { type LocateOptions, locateTable } from './locateTable.js';

const BAND_FIELDS = {
  group: ['group', 'khối', 'nhóm'],
  band: ['band', 'xếp loại', 'loại', 'mức'],
  min: ['min', 'từ', 'ngưỡng', 'điểm tối thiểu', 'chỉ số từ'],
  op: ['op', 'phép so sánh', 'so sánh'],
};

/** A group named in the bands file, as written, to check it against the groups of the scores. */
export interface BandsGroup {
  key: string;
  label: string;
  location: Location;
}

/**
 * --bands-file: rows of `group, band, min, op`, top band first within each group. An empty group (or `*`)
 * is the default scheme; the band with an empty `min` takes the rest.
 */
export async function readBandsFile(
  file: string,
  options: LocateOptions,
  fallback: Band[],
): Promise<{ schemes: BandSchemes; diagnostics: Diagnostic[]; groups: BandsGroup[] }> {
  const diagnostics: Diagnostic[] = [];
  const groups: BandsGroup[] = [];
  const byGroup = new Map<string, Band[]>();
  const detect = (cells: CellValue[]) => {
    const h = mapHeader(cells, BAND_FIELDS);
    return h.fields.has('band') && h.fields.has('min') ? h : null;
  };
  diagnostics.push(
    ...(await locateTable(
      file,
      options,
      detect,
      { vi: '"khối", "xếp loại", "từ", "so sánh"', en: '"group", "band", "min", "op"' },
      async (t) => {
        for await (const raw of t.rows) {
          const get = (f: string) => {
            const c = t.header.fields.get(f);
            return c === undefined ? '' : cellText(raw.cells[c] ?? null);
          };
          const band = get('band');
          if (band === '') continue;
          const g = get('group');
          const key = g === '*' ? '' : nameKey(g);
          const minText = get('min');
          const opText = get('op');
          const min = minText === '' ? null : parseNumberText(minText.replace('%', ''));
          const col = t.header.fields.get(minText !== '' && min === null ? 'min' : 'op') ?? 0;
          const at = {
            file: t.file,
            sheet: t.sheet,
            row: raw.row,
            column: columnLetter(col),
            cell: `${columnLetter(col)}${raw.row}`,
          };
          if ((minText !== '' && min === null) || (opText !== '' && bandOp(opText) === null)) {
            diagnostics.push(
              diag('E_BANDS_INVALID', 'error', at, {
                found: minText === '' || min !== null ? opText : minText,
                expected: minText !== '' && min === null ? undefined : BAND_OPS.join(' '),
              }),
            );
            continue;
          }
          const list = byGroup.get(key) ?? [];
          list.push({ band, op: min === null ? null : (bandOp(opText) ?? '>='), min });
          byGroup.set(key, list);
          if (key !== '' && !groups.some((x) => x.key === key)) groups.push({ key, label: g, location: at });
        }
      },
    )),
  );
  const def = byGroup.get('') ?? fallback;
  byGroup.delete('');
  return { schemes: { default: def, byGroup }, diagnostics, groups };
}
