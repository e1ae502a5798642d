import { basename, extname } from 'node:path';
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import { noRows, type SheetKind, type SheetSource } from '../model/cell.js';
import { UsageError } from '../model/errors.js';
import { type ByteSource, readRange } from '../ooxml/byteSource.js';
import { nfc } from '../ooxml/nfc.js';
import { decodeXml } from '../ooxml/xmlMarkup.js';
import { biffFonts, cellKey } from './biffFonts.js';
import { decodeMarkup } from './decodeMarkup.js';
import { withNullFonts } from './nullFonts.js';
import { odsHiddenTables } from './odsParts.js';
import { type CellRules, sheetjsMerges, sheetjsRows } from './sheetjsCells.js';
import { shortReason } from './source.js';

/** The formats read by SheetJS: legacy .xls (BIFF5/BIFF8 in an OLE2 file), .ods, HTML tables, XML. */
export type SheetJsFormat = 'cfb' | 'ods' | 'html' | 'xml';

export interface SheetJsOptions {
  maxRows: number;
  maxInflatedBytes: number;
  cellFonts: boolean;
  /** --encoding, for the text formats (HTML, XML). */
  encoding: string | undefined;
}

type SheetJs = typeof import('@e965/xlsx');

/** SheetJS's `!type` of the sheets that hold no table of cells (a worksheet has none). */
const SHEET_KINDS = new Map<unknown, SheetKind>([
  ['chart', 'chart'],
  ['dialog', 'dialog'],
  ['macro', 'macro'],
]);

/**
 * Sheets of a workbook that SheetJS reads (SheetJS 0.20.3, from the registry as @e965/xlsx: the registry's
 * own `xlsx` 0.18.5 has known advisories). It is loaded here, on first use, so that reading an xlsx or a
 * CSV never pays for it. These formats are read whole into memory (an .xls is at most 65,536 rows a
 * sheet), so the input's size is held to --max-inflated-bytes first. Cells follow the xlsx reader's rules
 * (sheetjsCells.ts). Cell fonts are not known: SheetJS does not give them (RawRow.fonts is all null).
 */
export async function* readSheetJs(
  src: ByteSource,
  file: string,
  format: SheetJsFormat,
  options: SheetJsOptions,
): AsyncGenerator<SheetSource> {
  if (src.size > options.maxInflatedBytes) {
    throw new UsageError('E_ZIP_TOO_LARGE', { file, size: src.size, limit: options.maxInflatedBytes });
  }
  const hiddenOds = format === 'ods' ? await odsHiddenTables(src, file, options.maxInflatedBytes) : undefined;
  const XLSX: SheetJs = await import('@e965/xlsx');
  const bytes = await readRange(src, 0, src.size);
  const { wb, stream } = parse(XLSX, bytes, format, file, options.encoding);
  // Cell fonts: SheetJS gives none; an .xls has them in its records (biffFonts), an .ods is not looked at.
  const fonts = options.cellFonts && stream !== undefined ? biffFonts(stream) : undefined;
  const rules: CellRules = {
    date1904: wb.Workbook?.WBProps?.date1904 === true,
    formatCode: (id) => {
      const code = (XLSX.SSF.get_table() as Record<number, string | undefined>)[id];
      return typeof code === 'string' ? code : undefined;
    },
  };
  const single = wb.SheetNames.length === 1 && (format === 'html' || format === 'xml');
  for (const [i, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    // SheetJS leaves the XML references in an .ods table's name ("A &amp; B").
    const shown = nfc(format === 'ods' ? decodeXml(name) : name);
    const sheet = single && file !== '-' && format === 'html' ? basename(file, extname(file)) : shown;
    const state = wb.Workbook?.Sheets?.[i]?.Hidden ?? 0;
    const kind = ws === undefined ? 'missing' : SHEET_KINDS.get(ws['!type']);
    if (ws === undefined || kind !== undefined) {
      // No cells to read (a chart sheet): still a sheet of the workbook, skipped with its reason.
      yield { file, sheet, index: i + 1, hidden: state !== 0, kind, merges: () => [], rows: noRows };
      continue;
    }
    let started = false;
    yield {
      file,
      sheet,
      index: i + 1,
      hidden: state !== 0 || hiddenOds?.has(shown) === true,
      merges: () => sheetjsMerges(ws),
      rows: () => {
        if (started) throw new Error(`rows() of a ${format} sheet can be read only once`);
        started = true;
        const rows = sheetjsRows(ws, rules);
        if (rows.length > options.maxRows) {
          throw new UsageError('E_TOO_MANY_ROWS', { file, sheet, limit: options.maxRows });
        }
        if (!options.cellFonts) return fromArray(rows);
        const known = fonts?.get(name);
        if (known === undefined) return fromArray(rows.map(withNullFonts));
        return fromArray(
          rows.map((r) => ({
            ...r,
            fonts: r.cells.map((c, col) =>
              c === null ? null : (known.get(cellKey(r.row - 1, col)) ?? null),
            ),
          })),
        );
      },
    };
  }
}

async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** What SheetJS should compute: values and their formats, formulas (to tell a missing cached value). */
const OPTIONS: ParsingOptions = {
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  cellStyles: false,
  sheetStubs: false,
};

function parse(
  XLSX: SheetJs,
  bytes: Buffer,
  format: SheetJsFormat,
  file: string,
  encoding?: string,
): { wb: WorkBook; stream?: Uint8Array } {
  try {
    if (format === 'html' || format === 'xml') {
      // raw: text cells stay text ("1.1" is a criterion code, "1,5" is read by the parsers), as in a CSV.
      const text = decodeMarkup(bytes, encoding);
      return { wb: quietly(() => XLSX.read(text, { ...OPTIONS, type: 'string', raw: true })) };
    }
    const stream = format === 'cfb' ? workbookStream(XLSX, bytes, file) : undefined;
    return { wb: quietly(() => XLSX.read(bytes, { ...OPTIONS, type: 'buffer' })), stream };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // SheetJS's words for a .xls saved with a password (a FILEPASS record).
    if (/password-protected|password is incorrect|encryption scheme/i.test(shortReason(e))) {
      throw new UsageError('E_FILE_ENCRYPTED', { file });
    }
    throw new UsageError('E_FILE_CORRUPT', { file, reason: shortReason(e) });
  }
}

/**
 * An OLE2 file is a workbook when it holds a Workbook (BIFF8) or Book (BIFF5) stream, returned here; with an
 * encrypted package it is a password-protected xlsx, whatever its name; anything else (a .doc) is not a
 * spreadsheet.
 */
function workbookStream(XLSX: SheetJs, bytes: Buffer, file: string): Uint8Array {
  // SheetJS types its CFB library as `any`: these are the two parts used.
  let cfb: { FullPaths: string[] };
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FullPaths: string[] };
  } catch (e) {
    throw new UsageError('E_FILE_CORRUPT', {
      file,
      reason: 'ole2-damaged',
      detail: shortReason(e),
    });
  }
  const names = new Set(cfb.FullPaths.map((p) => (p.split('/').filter(Boolean).at(-1) ?? '').toLowerCase()));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) {
    throw new UsageError('E_FILE_ENCRYPTED', { file });
  }
  const entry = (XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book')) as
    | { content?: ArrayLike<number> }
    | undefined;
  if (!names.has('workbook') && !names.has('book')) {
    throw new UsageError('E_FILE_CORRUPT', {
      file,
      reason: 'ole2-no-workbook',
    });
  }
  return Uint8Array.from(entry?.content ?? []);
}

/** SheetJS reports some oddities on the console (ODS number formats); they must not reach the user. */
function quietly<T>(body: () => T): T {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try {
    return body();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}
