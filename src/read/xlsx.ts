import { type CellRange, noRows, type RawRow, type SheetKind, type SheetSource } from '../model/cell.js';
import { type Diagnostic, diag } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import type { ByteSource } from '../ooxml/byteSource.js';
import { isDateFormat, type SheetContext } from '../ooxml/cellValue.js';
import type { Corrupt } from '../ooxml/errors.js';
import { mergeRefsAfterCells, parseRange } from '../ooxml/mergeCells.js';
import { nfc } from '../ooxml/nfc.js';
import { readSharedStrings } from '../ooxml/sheetReader.js';
import type { SheetRow } from '../ooxml/sheetRow.js';
import { parseRels, parseStyleFonts, parseStyleFormats, parseWorkbook } from '../ooxml/workbookParts.js';
import { ZipEntries } from '../ooxml/zipEntries.js';
import type { ReadLimits } from './limits.js';
import { readError } from './source.js';
import { XlsxRows } from './xlsxRows.js';

export interface XlsxOptions extends ReadLimits {
  /** Give each row its cells' font names (RawRow.fonts). */
  cellFonts?: boolean;
  /** Told of what the reader doubts: a corrupt cell is an E_CELL_CORRUPT error at the cell. */
  notice?: ((d: Diagnostic) => void) | undefined;
}

/**
 * The parts read whole (workbook, relationships, styles) are a few KiB in a real workbook, a few MB in a
 * bloated one; past this a part is not a workbook's (5 million <sheet> entries once took 862 MB).
 */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const WORKSHEET_REL = /\/worksheet$/;
/** The other parts a workbook's <sheet> may point at (the macro sheets' types are Microsoft's own). */
const SHEET_KINDS: [RegExp, SheetKind][] = [
  [/\/chartsheet$/, 'chart'],
  [/\/dialogsheet$/, 'dialog'],
  [/\/xl(Intl)?Macrosheet$/, 'macro'],
];

/** What a sheet's relationship type makes it: undefined for a worksheet. */
function sheetKind(type: string): SheetKind | undefined {
  if (WORKSHEET_REL.test(type)) return undefined;
  return SHEET_KINDS.find(([re]) => re.test(type))?.[1] ?? 'other';
}
const SHARED_STRINGS_REL = /\/sharedStrings$/;
const STYLES_REL = /\/styles$/;
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

/**
 * Sheets of an xlsx, in tab order, each streamed from its zip entry: the zip's directory is read first,
 * so parts can be stored in any order and a sheet is inflated only when its rows are read. The workbook,
 * its relationships, the styles (to tell dates from numbers) and the shared strings are read up front.
 */
export async function* readXlsx(
  src: ByteSource,
  file: string,
  options: XlsxOptions,
): AsyncGenerator<SheetSource> {
  const zip = await ZipEntries.open(src, file, options.maxInflatedBytes).catch((e: unknown) => {
    throw readError(e, file);
  });
  const load = async (name: string) => {
    try {
      return await zip.text(name, MAX_PART_BYTES);
    } catch (e) {
      throw readError(e, file);
    }
  };
  const rootRels = parseRels(await load('_rels/.rels'), '');
  const workbookPart =
    rootRels.find((r) => OFFICE_DOCUMENT_REL.test(r.type) && zip.has(r.target))?.target ?? 'xl/workbook.xml';
  if (!zip.has(workbookPart)) {
    throw new UsageError('E_FILE_CORRUPT', { file, reason: 'not-a-workbook' });
  }
  const base = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relsPart = `${base}_rels/${workbookPart.slice(base.length)}.rels`;
  const workbook = parseWorkbook(await load(workbookPart), options.maxSheets);
  if (workbook === null) throw new UsageError('E_TOO_MANY_SHEETS', { file, limit: options.maxSheets });
  const rels = parseRels(await load(relsPart), base);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const part = (type: RegExp, fallback: string) => rels.find((r) => type.test(r.type))?.target ?? fallback;
  const stylesXml = await load(part(STYLES_REL, `${base}styles.xml`));
  const dateStyles = parseStyleFormats(stylesXml).map((f) => isDateFormat(f));
  // Fonts are looked up only when asked for: the score path reads no more of the styles than before.
  const fonts = options.cellFonts === true ? parseStyleFonts(stylesXml) : undefined;
  let sharedStrings: string[] | undefined;
  try {
    const stringsPart = part(SHARED_STRINGS_REL, `${base}sharedStrings.xml`);
    if (zip.has(stringsPart)) {
      sharedStrings = await readSharedStrings(
        zip.chunks(stringsPart),
        (reason, args) => new UsageError('E_FILE_CORRUPT', { file, part: stringsPart, reason, ...args }),
        options,
      );
    }
  } catch (e) {
    throw readError(e, file);
  }

  for (const [i, s] of workbook.sheets.entries()) {
    const sheet = nfc(s.name);
    const rel = relById.get(s.rid);
    // Without relationships (a hand-made or damaged file) the sheet is where Excel would put it.
    const conventional = `${base}worksheets/sheet${i + 1}.xml`;
    const target = rel ? rel.target : rels.length === 0 && zip.has(conventional) ? conventional : undefined;
    const kind = target === undefined ? 'missing' : rel ? sheetKind(rel.type) : undefined;
    if (target === undefined || kind !== undefined) {
      // No cells to read (a chart sheet): still a sheet of the workbook, skipped with its reason.
      yield { file, sheet, index: i + 1, hidden: s.hidden, kind, merges: () => [], rows: noRows };
      continue;
    }
    const merges = new SheetMerges(
      (reason, args) => new UsageError('E_FILE_CORRUPT', { file, sheet, reason, ...args }),
      () => new UsageError('E_TOO_MANY_MERGES', { file, sheet, limit: options.maxMerges }),
      options.maxMerges,
    );
    const ctx: SheetContext = {
      sharedStrings,
      isDateStyle: (style) => dateStyles[style] === true,
      date1904: workbook.date1904,
      onRow: (count) => {
        if (count > options.maxRows)
          throw new UsageError('E_TOO_MANY_ROWS', { file, sheet, limit: options.maxRows });
      },
      corrupt: (reason, args) => new UsageError('E_FILE_CORRUPT', { file, sheet, reason, ...args }),
      maxCellChars: options.maxCellChars,
      maxColumns: options.maxColumns,
      onMerge: (ref) => merges.scanned(ref),
      onCorrupt: (cell, row, v) =>
        options.notice?.(
          diag(
            'E_CELL_CORRUPT',
            'error',
            { file, sheet, row, column: cell.replace(/\d+$/, ''), cell },
            { found: v.found, reason: v.kind },
          ),
        ),
      keepStyles: fonts !== undefined,
    };
    let started = false;
    yield {
      file,
      sheet,
      index: i + 1,
      hidden: s.hidden,
      merges: () => merges.inOrder(),
      rows: () => {
        if (started) throw new Error('rows() of an xlsx sheet can be read only once');
        started = true;
        const rows = new XlsxRows(zip, target, ctx, { file, sheet }, (xml) =>
          merges.found(mergeRefsAfterCells(xml)),
        );
        return fonts === undefined ? rows : withFonts(rows, fonts);
      },
    };
  }
}

/**
 * The merged ranges of one sheet. They follow the cells in the XML, so a streamed sheet has them all once
 * its rows are read; a sheet small enough to be inflated whole has them as soon as its first row is read,
 * found in the markup after the cells before the cells are scanned (then the scan's own finds are the
 * same ones and are not added twice).
 */
class SheetMerges {
  private readonly ranges: CellRange[] = [];
  private sorted = true;
  private early = false;

  constructor(
    private readonly corrupt: Corrupt,
    private readonly tooMany: () => Error,
    private readonly max: number,
  ) {}

  found(refs: readonly string[]): void {
    this.early = true;
    for (const ref of refs) this.add(ref);
  }

  scanned(ref: string): void {
    if (!this.early) this.add(ref);
  }

  /** In reading order (top row, then left column), whatever order the file lists them in. */
  inOrder(): readonly CellRange[] {
    if (!this.sorted) {
      this.ranges.sort((a, b) => a.top - b.top || a.left - b.left);
      this.sorted = true;
    }
    return this.ranges;
  }

  private add(ref: string): void {
    const range = parseRange(ref);
    if (range === undefined) throw this.corrupt('merge-range', { found: ref });
    if (this.ranges.length >= this.max) throw this.tooMany();
    this.ranges.push(range);
    this.sorted = false;
  }
}

/** Each row with the font name of each cell (its style's font), in place of the style indices. */
async function* withFonts(rows: AsyncIterable<SheetRow>, fonts: readonly (string | null)[]) {
  for await (const { row, cells, styles = [] } of rows) {
    yield { row, cells, fonts: cells.map((_, i) => fonts[styles[i] ?? -1] ?? null) } satisfies RawRow;
  }
}
