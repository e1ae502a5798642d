import type { CellValue } from '../model/cell.js';
import { columnLetter } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { cellText, headerKey } from '../model/normalize.js';
import type { HeaderBlock } from './headerBlock.js';
import { matchValueWords, type ValueField } from './headerWords.js';

/**
 * Column aliases per field. Matching ignores case, diacritics, spaces and punctuation (headerKey), so
 * "Điểm tự đánh giá", "ĐIỂM TỰ ĐÁNH GIÁ" and "diem_tu_danh_gia" are one alias. Add what clerks really write.
 */
export const CRITERIA_FIELDS = {
  code: ['code', 'mã', 'mã tiêu chí', 'mã số', 'mã tc', 'ký hiệu'],
  /** A running number; used as the code only when there is no code column. */
  stt: ['stt', 'tt', 'số tt', 'số thứ tự'],
  name: [
    'name',
    'tên',
    'tên tiêu chí',
    'tiêu chí',
    'nội dung',
    'nội dung tiêu chí',
    'lĩnh vực/tiêu chí/tiêu chí thành phần',
    'lĩnh vực, tiêu chí, tiêu chí thành phần',
    'lĩnh vực tiêu chí',
    'tiêu chí thành phần',
    'tên lĩnh vực, tiêu chí',
  ],
  max: ['max', 'maximum', 'max points', 'điểm tối đa', 'điểm', 'thang điểm', 'điểm chuẩn', 'tối đa'],
  component: ['component', 'thành phần', 'loại điểm', 'thành phần điểm'],
  rule: ['rule', 'cách tính', 'cách tính điểm', 'cách chấm', 'phương pháp tính', 'quy tắc'],
  na: ['na', 'n/a', 'không phát sinh', 'kps', 'khi không phát sinh'],
  groups: ['groups', 'group', 'áp dụng cho', 'khối', 'khối áp dụng', 'đối tượng áp dụng', 'nhóm'],
  parent: ['parent', 'mã cha', 'tiêu chí cha', 'thuộc'],
} as const;

export const SCORE_FIELDS = {
  unit: [
    'unit',
    'unit name',
    'đơn vị',
    'tên đơn vị',
    'cơ quan, đơn vị',
    'cơ quan đơn vị',
    'tên cơ quan, đơn vị',
    'địa phương',
    'đơn vị, địa phương',
    'xã, phường, thị trấn',
  ],
  group: ['group', 'khối', 'nhóm', 'khối/nhóm', 'khối thi đua', 'loại đơn vị', 'cấp'],
  criterion: ['criterion', 'criterion code', 'code', 'mã tiêu chí', 'mã', 'mã tc', 'mã số tiêu chí'],
  criterion_name: [
    'criterion name',
    'tiêu chí',
    'tên tiêu chí',
    'nội dung',
    'nội dung tiêu chí',
    'nội dung đánh giá',
    'lĩnh vực/tiêu chí/tiêu chí thành phần',
    'lĩnh vực, tiêu chí, tiêu chí thành phần',
    'lĩnh vực tiêu chí',
    'tiêu chí thành phần',
    'tên lĩnh vực, tiêu chí',
  ],
  max: ['max', 'điểm tối đa', 'tối đa'],
  self: [
    'self',
    'self assessed',
    'điểm tự đánh giá',
    'tự đánh giá',
    'điểm tự chấm',
    'tự chấm',
    'điểm tđg',
    'tđg',
  ],
  appraised: [
    'appraised',
    'điểm thẩm định',
    'thẩm định',
    'điểm hội đồng thẩm định',
    'điểm sau thẩm định',
    'điểm hđtđ',
    'điểm tđ',
  ],
  unit_code: ['unit code', 'unit_code', 'mã đơn vị', 'mã đv', 'mã cơ quan'],
  evidence: ['evidence', 'tài liệu kiểm chứng', 'tài liệu', 'tlkc', 'minh chứng'],
  reason: ['reason', 'lý do điều chỉnh', 'lý do', 'lí do', 'lí do điều chỉnh', 'giải trình'],
  note: ['note', 'notes', 'ghi chú'],
  survey: [
    'survey',
    'xhh',
    'điểm xhh',
    'điều tra xhh',
    'điểm điều tra xhh',
    'điểm điều tra xã hội học',
    'điều tra xã hội học',
    'điểm khảo sát',
    'survey points',
  ],
  stt: ['stt', 'tt', 'số tt', 'số thứ tự', 'no'],
} as const;

/**
 * The single value column of a long-layout survey file (`Đơn vị | Mã tiêu chí | Điểm`): the row's
 * criterion says which survey leaf the value is for.
 */
export const SURVEY_VALUE_FIELDS = {
  value: ['điểm', 'điểm số', 'giá trị', 'kết quả', 'value', 'points', 'score'],
} as const;

export type FieldSpec = Record<string, readonly string[]>;

const keyCache = new WeakMap<FieldSpec, Map<string, string>>();
function aliasIndex(spec: FieldSpec): Map<string, string> {
  let idx = keyCache.get(spec);
  if (!idx) {
    idx = new Map();
    for (const [field, aliases] of Object.entries(spec))
      for (const a of aliases) idx.set(headerKey(a), field);
    keyCache.set(spec, idx);
  }
  return idx;
}

export interface HeaderColumn {
  index: number;
  text: string;
}

export interface HeaderMap {
  /** field → 0-based column. */
  fields: Map<string, number>;
  /** Fields named by more than one column: field → the columns. */
  duplicates: Map<string, number[]>;
  /** Non-empty header cells that match no field. */
  others: HeaderColumn[];
  /** One past the last non-empty header cell: data cells beyond it have no column. */
  width: number;
  /** Every column's header text ('' where none). */
  texts: string[];
  /** Columns whose words name two value fields ("Điểm tự đánh giá/thẩm định"): read as neither. */
  ambiguous?: Map<number, ValueField[]>;
}

export function mapHeader(cells: readonly CellValue[], spec: FieldSpec): HeaderMap {
  return mapTexts(
    Array.from(cells, (c) => cellText(c ?? null)),
    null,
    spec,
    {},
  );
}

export interface BlockOptions {
  /** Recognise self, appraised and survey columns by their words too (see headerWords). */
  words?: boolean;
  /** Columns decided before any field (a wide layout's criterion codes): left among `others`. */
  preempt?: (index: number) => boolean;
}

/**
 * mapHeader for a header of one or more rows: a column's field is the alias its combined text is, else the
 * alias one of its rows' texts is (the lowest first: "Thông tin | Tên đơn vị"), else — with `words` — the
 * value field its words name ("Điểm do Hội đồng thẩm định").
 */
export function mapHeaderBlock(block: HeaderBlock, spec: FieldSpec, options: BlockOptions = {}): HeaderMap {
  return mapTexts(block.texts, block.parts, spec, options);
}

function mapTexts(
  texts: string[],
  parts: readonly string[][] | null,
  spec: FieldSpec,
  options: BlockOptions,
): HeaderMap {
  const idx = aliasIndex(spec);
  const fields = new Map<string, number>();
  const duplicates = new Map<string, number[]>();
  const others: HeaderColumn[] = [];
  const ambiguous = new Map<number, ValueField[]>();
  let width = 0;
  texts.forEach((text, index) => {
    if (text === '') return;
    width = index + 1;
    let field: string | undefined;
    if (!options.preempt?.(index)) {
      field = idx.get(headerKey(text));
      const rows = parts?.[index] ?? [];
      for (let p = rows.length - 1; field === undefined && p >= 0 && rows.length > 1; p--)
        field = idx.get(headerKey(rows[p]!));
      if (field === undefined && options.words) {
        const m = matchValueWords(text);
        if (m && 'field' in m && m.field in spec) field = m.field;
        else if (m && 'ambiguous' in m) ambiguous.set(index, m.ambiguous);
      }
    }
    if (field === undefined) {
      others.push({ index, text });
      return;
    }
    const first = fields.get(field);
    if (first === undefined) fields.set(field, index);
    else duplicates.set(field, [...(duplicates.get(field) ?? [first]), index]);
  });
  return { fields, duplicates, others, width, ambiguous, texts };
}

/** The columns a header row needs, for E_NO_HEADER: Vietnamese names and English names. */
export interface ExpectedColumns {
  vi: string;
  en: string;
}

/** A spec's fields as column names: the first Vietnamese alias and the English field name, quoted. */
export function describeFields(spec: FieldSpec, fields: readonly string[]): ExpectedColumns {
  // The first alias with a Vietnamese letter (anything beyond ASCII), else the field's English name.
  const vi = (f: string) => spec[f]?.find((a) => /[^ -~]/.test(a)) ?? spec[f]?.[0] ?? f;
  return {
    vi: fields.map((f) => `"${vi(f)}"`).join(', '),
    en: fields.map((f) => `"${spec[f]?.[0] ?? f}"`).join(', '),
  };
}

/** Fields that hold numbers, and text fields a CSV number split by an unquoted comma can spill into. */
const NUMBER_FIELDS = ['self', 'appraised', 'survey', 'max'];
const TEXT_FIELDS = new Set(['note', 'reason', 'evidence', 'name', 'criterion_name', 'unit_code', 'rule']);
const DIGITS = /^\s*\d+\s*$/;

/**
 * The cell a CSV field split by an unquoted comma ("chậm=0,5", "3,8") spilled into, which would otherwise
 * vanish without a word: the first non-empty cell right of the header's last column, or else a text
 * column (note, reason…) holding bare digits right after a number column holding a whole number — the
 * second half of `3,8` landed in an existing, usually empty, column. Only text cells are looked at for the
 * second case: an xlsx number is one cell whatever its decimal mark.
 */
export function extraCell(cells: readonly CellValue[], header: HeaderMap): number | null {
  for (let i = header.width; i < cells.length; i++) {
    const v = cells[i];
    if (v !== null && v !== undefined && cellText(v) !== '') return i;
  }
  for (const col of spillPairs(header)) {
    const whole = cells[col];
    const next = cells[col + 1];
    if (typeof whole === 'string' && typeof next === 'string' && DIGITS.test(whole) && DIGITS.test(next))
      return col + 1;
  }
  return null;
}

const pairsCache = new WeakMap<HeaderMap, number[]>();

/** The number columns of a header followed by a text column, worked out once per header. */
function spillPairs(header: HeaderMap): number[] {
  let pairs = pairsCache.get(header);
  if (pairs === undefined) {
    const textCols = new Set([...header.fields].filter(([f]) => TEXT_FIELDS.has(f)).map(([, c]) => c));
    pairs = NUMBER_FIELDS.map((f) => header.fields.get(f)).filter(
      (c): c is number => c !== undefined && textCols.has(c + 1),
    );
    pairsCache.set(header, pairs);
  }
  return pairs;
}

export function extraCellWarning(
  where: { file: string; sheet: string },
  row: number,
  index: number,
  value: CellValue,
): Diagnostic {
  const column = columnLetter(index);
  return diag(
    'W_ROW_EXTRA_CELLS',
    'warning',
    { ...where, row, column, cell: `${column}${row}` },
    { found: cellText(value) },
  );
}
