import type { RawRow } from '../model/cell.js';
import { cellText } from '../model/normalize.js';

/** What a sheet without a recognised header holds, to say why it was not read. */
export interface SheetLook {
  /** Not one cell with a value. */
  empty: boolean;
  /**
   * The first row of the sheet's table: a sheet holds a table when two rows have three or more cells
   * each (a letterhead, a title and a page of instructions have fewer). null when it has none.
   */
  sample: RawRow | null;
  /** The sample's texts, joined for a message ("STT, Họ và tên, Chức vụ, …"). */
  sampleText: string;
  /** 'yes' when the text looks typed in a legacy Vietnamese font (TCVN3, VNI): `cchc convert` fixes it. */
  legacy: 'yes' | undefined;
}

const TABLE_CELLS = 3;
const TABLE_ROWS = 2;

/**
 * Looks at the rows already read and reads on (only as far as needed) to tell an empty sheet, a text
 * sheet and a table apart.
 */
export async function sheetLook(
  buffer: readonly RawRow[],
  rest: AsyncIterator<RawRow> | null,
): Promise<SheetLook> {
  let empty = true;
  let tableRows = 0;
  let sample: RawRow | null = null;
  const texts: string[] = [];
  const see = (raw: RawRow) => {
    let cells = 0;
    for (const c of raw.cells) {
      const t = cellText(c ?? null);
      if (t === '') continue;
      cells++;
      if (texts.length < 400) texts.push(t);
    }
    if (cells > 0) empty = false;
    if (cells >= TABLE_CELLS) {
      tableRows++;
      sample ??= raw;
    }
  };
  for (const raw of buffer) see(raw);
  while (rest && tableRows < TABLE_ROWS) {
    const next = await rest.next();
    if (next.done) break;
    see(next.value);
  }
  await rest?.return?.();
  const table = tableRows >= TABLE_ROWS ? sample : null;
  return { empty, sample: table, sampleText: sampleText(table), legacy: legacyFont(texts) };
}

function sampleText(raw: RawRow | null): string {
  if (!raw) return '';
  const text = raw.cells
    .map((c) => cellText(c ?? null))
    .filter((t) => t !== '')
    .join(', ');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/**
 * Letters that Vietnamese text in Unicode never uses but legacy-font text read as Latin-1 is full of:
 * TCVN3 (.VnTime) "§¬n vÞ", "KÕt qu¶ ®iÒu tra" and VNI "Ñôn vò", "Ñieåm" for "Đơn vị", "Điểm". Two such
 * words are enough for a hint: a wrong hint costs nothing, it only names the command that converts text.
 */
const LEGACY = /[§¬Þ®¸µ¶·¹¨©ª«¤¦¢£¥¡¿×ßÆÇËÎÏÑÖØÛÜñøïöëäåû]/;

function legacyFont(texts: readonly string[]): 'yes' | undefined {
  let words = 0;
  for (const text of texts)
    for (const word of text.split(/\s+/)) if (/[a-z]/i.test(word) && LEGACY.test(word)) words++;
  return words >= 2 ? 'yes' : undefined;
}
