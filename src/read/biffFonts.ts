/**
 * The font name of each cell of a legacy .xls (BIFF8, or BIFF5), which SheetJS does not expose: convert
 * needs it to tell a cell typed in `.VnTime` (TCVN3) from a Unicode one in the same sheet. The Workbook
 * stream is a flat list of records; the globals give the fonts (FONT, in order, index 4 never stored)
 * and the cell formats (XF, each naming its font), each sheet's cell records start with row, column and
 * XF index. Only those few records are looked at, and only when convert asks for fonts.
 */

/** Font name by sheet name, then by cell (row × 16384 + column, both 0-based); null where none. */
export type BiffFonts = Map<string, Map<number, string | null>>;

const BOF = 0x0809;
const EOF = 0x000a;
const FONT = 0x0031;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
/** Records that start with row, column, XF index: LABELSST, LABEL, RSTRING, NUMBER, RK, BOOLERR, FORMULA. */
const CELLS = new Set([0x00fd, 0x0204, 0x00d6, 0x0203, 0x027e, 0x0205, 0x0006]);
const MULRK = 0x00bd;

export const cellKey = (row: number, col: number): number => row * 16384 + col;

/** The fonts of every cell of every sheet, from the Workbook (BIFF8) or Book (BIFF5) stream. */
export function biffFonts(stream: Uint8Array): BiffFonts {
  const b = Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength);
  const fonts: (string | null)[] = [];
  const xfFont: number[] = [];
  const sheetAt = new Map<number, string>();
  const out: BiffFonts = new Map();
  let biff8 = true;
  let current: Map<number, string | null> | undefined;
  let depth = 0;
  const fontOf = (ixfe: number): string | null => {
    const ifnt = xfFont[ixfe];
    if (ifnt === undefined) return null;
    return fonts[ifnt >= 4 ? ifnt - 1 : ifnt] ?? null;
  };
  for (let at = 0; at + 4 <= b.length; ) {
    const type = b.readUInt16LE(at);
    const size = b.readUInt16LE(at + 2);
    const start = at + 4;
    const data = b.subarray(start, Math.min(b.length, start + size));
    if (type === BOF) {
      if (at === 0) biff8 = data.length >= 2 && data.readUInt16LE(0) === 0x0600;
      else if (depth === 0 && sheetAt.has(at)) {
        current = new Map();
        out.set(sheetAt.get(at)!, current);
      }
      depth++;
    } else if (type === EOF) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) current = undefined;
    } else if (depth === 1 && current === undefined) {
      // the globals
      if (type === FONT && data.length >= 15) fonts.push(biffString(data, 14, biff8) || null);
      else if (type === XF && data.length >= 2) xfFont.push(data.readUInt16LE(0));
      else if (type === BOUNDSHEET && data.length >= 7)
        sheetAt.set(data.readUInt32LE(0), biffString(data, 6, biff8));
    } else if (depth === 1 && current !== undefined && data.length >= 6) {
      if (CELLS.has(type))
        current.set(cellKey(data.readUInt16LE(0), data.readUInt16LE(2)), fontOf(data.readUInt16LE(4)));
      else if (type === MULRK) {
        const row = data.readUInt16LE(0);
        const first = data.readUInt16LE(2);
        for (let i = 0; 4 + i * 6 + 2 <= data.length - 2; i++) {
          current.set(cellKey(row, first + i), fontOf(data.readUInt16LE(4 + i * 6)));
        }
      }
    }
    at = start + size;
  }
  return out;
}

/**
 * A short string: a character count (one byte), then in BIFF8 a flags byte (bit 0: UTF-16LE, else one
 * byte a character) and in BIFF5 bytes in the file's code page, taken as Latin-1 as SheetJS takes them.
 */
function biffString(data: Buffer, at: number, biff8: boolean): string {
  const count = data[at] ?? 0;
  if (!biff8) return data.toString('latin1', at + 1, at + 1 + count);
  const wide = ((data[at + 1] ?? 0) & 1) === 1;
  const from = at + 2;
  return wide
    ? data.toString('utf16le', from, from + 2 * count)
    : data.toString('latin1', from, from + count);
}
