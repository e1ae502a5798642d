import type { RawRow } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import type { Location } from '../model/diagnostic.js';
import { cellText, headerKey } from '../model/normalize.js';
import type { HeaderMap } from './headers.js';

/**
 * The per-unit form (docs/inputs.md, `form` layout): no unit column, a criterion code (or STT) column and a
 * value column. Which unit the sheet is about is written above the header, or is the sheet's name.
 */
export function isFormHeader(map: HeaderMap): boolean {
  const hasCode = map.fields.has('criterion') || map.fields.has('stt');
  const hasValue = map.fields.has('self') || map.fields.has('appraised');
  return hasCode && hasValue && !map.fields.has('unit');
}

/** Labels of the title cells, compared by headerKey (no case, diacritics, spaces or punctuation). */
const UNIT_LABELS = new Set(
  ['đơn vị', 'tên đơn vị', 'cơ quan', 'cơ quan, đơn vị', 'đơn vị, địa phương', 'địa phương', 'unit'].map(
    headerKey,
  ),
);
const GROUP_LABELS = new Set(['khối', 'nhóm', 'khối thi đua', 'loại đơn vị', 'group'].map(headerKey));
const CODE_LABELS = new Set(['mã đơn vị', 'mã đv', 'unit code'].map(headerKey));

export interface TitleValue {
  text: string;
  location: Location;
}

export interface FormTitle {
  unit: TitleValue | null;
  group: TitleValue | null;
  unitCode: TitleValue | null;
}

/**
 * Reads "Đơn vị: UBND huyện Mộ Đức", "Khối: Cấp huyện" from the rows above the header. The value is after
 * the colon in the same cell, or — when the label cell ends with the colon — in the next cell that says
 * something else (a merged title repeats its text in every cell of the merge).
 */
export function readFormTitle(above: readonly RawRow[], where: { file: string; sheet: string }): FormTitle {
  const title: FormTitle = { unit: null, group: null, unitCode: null };
  for (const raw of above) {
    const texts = raw.cells.map(cellText);
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i] ?? '';
      const colon = text.indexOf(':');
      if (colon <= 0) continue;
      const label = headerKey(text.slice(0, colon));
      const slot = UNIT_LABELS.has(label)
        ? 'unit'
        : GROUP_LABELS.has(label)
          ? 'group'
          : CODE_LABELS.has(label)
            ? 'unitCode'
            : null;
      if (slot === null || title[slot] !== null) continue;
      let value = text.slice(colon + 1).trim();
      let col = i;
      if (value === '') {
        col = texts.findIndex((t, j) => j > i && t !== '' && t !== text);
        value = col < 0 ? '' : (texts[col] ?? '');
      }
      if (value === '') continue;
      const column = columnLetter(col);
      title[slot] = {
        text: value,
        location: { ...where, row: raw.row, column, cell: `${column}${raw.row}` },
      };
    }
  }
  return title;
}
