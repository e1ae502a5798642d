import { SharedStrings } from './sharedStrings.js';
import { StyleSheet } from './styleSheet.js';
import { columnName, type WorksheetOptions, WorksheetWriter } from './worksheetWriter.js';
import { FORBIDDEN, xmlAttr, xmlText } from './xmlEscape.js';
import { writeZip, type ZipEntry, zipParts } from './zipWriter.js';

/** docProps/core.xml. Dates are given, never read from the clock, so the same report gives the same bytes. */
export interface WorkbookProperties {
  creator: string;
  title: string;
  created: Date;
  modified: Date;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Characters Excel refuses in a sheet name, and the length it allows. */
const BAD_SHEET_NAME = new RegExp(`[:\\\\/?*[\\]\\t\\n\\r${FORBIDDEN}]|^'|'$`);
const MAX_SHEET_NAME = 31;

/**
 * A small SpreadsheetML (ECMA-376) workbook writer, the project's only one (docs/architecture.md): sheets of
 * text, numbers, booleans and error values with styles, widths, heights, frozen panes, autofilters, page
 * setup, print titles and page breaks (reports), merged cells, sheet protection, unlocked cells, data
 * validations and links within the workbook (the blank forms), and rows streamed in any number (convert).
 * It writes only the parts these need, in a few milliseconds, where exceljs took half a second to load,
 * model and serialise the same province report, and a gigabyte for a 100,000-row conversion
 * (docs/benchmark.md, docs/architecture.md).
 */
export class WorkbookWriter {
  readonly #styles = new StyleSheet();
  readonly #strings: SharedStrings;
  readonly #sheets: WorksheetWriter[] = [];

  /** `maxSharedChars`: how much distinct text the shared strings table holds (see SharedStrings). */
  constructor(
    readonly properties: WorkbookProperties,
    options: { maxSharedChars?: number } = {},
  ) {
    this.#strings = new SharedStrings(options.maxSharedChars);
  }

  /** A new sheet at the end. The name must be one Excel accepts; it is a programming error otherwise. */
  addSheet(name: string, options: WorksheetOptions = {}): WorksheetWriter {
    if (name.length === 0 || name.length > MAX_SHEET_NAME || BAD_SHEET_NAME.test(name)) {
      throw new Error(`not a valid Excel sheet name: "${name}"`);
    }
    const folded = name.toLocaleLowerCase('en');
    if (this.#sheets.some((s) => s.name.toLocaleLowerCase('en') === folded)) {
      throw new Error(`duplicate sheet name: "${name}"`);
    }
    const sheet = new WorksheetWriter(name, options, this.#styles, this.#strings, this.#sheets.length === 0);
    this.#sheets.push(sheet);
    return sheet;
  }

  /** The .xlsx file; every zip entry is stamped `when`. */
  toBytes(when: Date): Uint8Array {
    return writeZip(this.#entries(), when);
  }

  /** The .xlsx file in pieces, to be written one after the other (see zipParts). */
  toParts(when: Date): Buffer[] {
    return zipParts(this.#entries(), when);
  }

  #entries(): ZipEntry[] {
    if (this.#sheets.length === 0) throw new Error('a workbook needs at least one sheet');
    const sheets: ZipEntry[] = this.#sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: s.finish(),
    }));
    // Sheets first: writing them fills the shared strings and the style sheet.
    return [
      { name: '[Content_Types].xml', data: this.#contentTypes() },
      { name: '_rels/.rels', data: PACKAGE_RELS },
      { name: 'docProps/core.xml', data: this.#core() },
      { name: 'docProps/app.xml', data: this.#app() },
      { name: 'xl/workbook.xml', data: this.#workbook() },
      { name: 'xl/_rels/workbook.xml.rels', data: this.#workbookRels() },
      { name: 'xl/styles.xml', data: this.#styles.toXml() },
      { name: 'xl/sharedStrings.xml', data: this.#strings.toXml() },
      ...sheets,
    ];
  }

  #contentTypes(): string {
    const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
    return (
      XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override(
        '/xl/workbook.xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      ) +
      this.#sheets.map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, SHEET_TYPE)).join('') +
      override('/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml') +
      override(
        '/xl/sharedStrings.xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
      ) +
      override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
      override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
      '</Types>'
    );
  }

  #core(): string {
    const p = this.properties;
    return (
      XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlText(p.title)}</dc:title>` +
      `<dc:creator>${xmlText(p.creator)}</dc:creator>` +
      `<cp:lastModifiedBy>${xmlText(p.creator)}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(p.created)}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(p.modified)}</dcterms:modified>` +
      '</cp:coreProperties>'
    );
  }

  #app(): string {
    const n = this.#sheets.length;
    return (
      XML_HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `<Application>${xmlText(this.properties.creator)}</Application>` +
      '<HeadingPairs><vt:vector size="2" baseType="variant">' +
      `<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>` +
      '</vt:vector></HeadingPairs>' +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">` +
      this.#sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join('') +
      '</vt:vector></TitlesOfParts>' +
      '</Properties>'
    );
  }

  #workbook(): string {
    const sheets = this.#sheets
      .map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('');
    const names: string[] = [];
    this.#sheets.forEach((s, i) => {
      const quoted = `'${s.name.replaceAll("'", "''")}'!`;
      if (s.autoFilter) {
        const f = s.autoFilter;
        const ref = `$${columnName(f.firstColumn)}$${f.firstRow}:$${columnName(f.lastColumn)}$${f.lastRow}`;
        names.push(definedName('_xlnm._FilterDatabase', i, quoted + ref, true));
      }
      if (s.printTitles) {
        const t = s.printTitles;
        const rows = `${quoted}$${t.first}:$${t.last}`;
        const columns = t.columns
          ? `${quoted}$${columnName(t.columns.first)}:$${columnName(t.columns.last)},`
          : '';
        names.push(definedName('_xlnm.Print_Titles', i, columns + rows, false));
      }
    });
    return (
      XML_HEAD +
      `<workbook xmlns="${MAIN}" xmlns:r="${DOC_REL}">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
      `<sheets>${sheets}</sheets>` +
      (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
      '<calcPr calcId="191029"/>' +
      '</workbook>'
    );
  }

  #workbookRels(): string {
    const n = this.#sheets.length;
    const rel = (id: number, type: string, target: string) =>
      `<Relationship Id="rId${id}" Type="${DOC_REL}/${type}" Target="${target}"/>`;
    return (
      XML_HEAD +
      `<Relationships xmlns="${PKG_REL}">` +
      this.#sheets.map((_, i) => rel(i + 1, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') +
      rel(n + 1, 'styles', 'styles.xml') +
      rel(n + 2, 'sharedStrings', 'sharedStrings.xml') +
      '</Relationships>'
    );
  }
}

const PACKAGE_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${DOC_REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

const definedName = (name: string, sheet: number, ref: string, hidden: boolean): string =>
  `<definedName name="${name}" localSheetId="${sheet}"${hidden ? ' hidden="1"' : ''}>${xmlText(ref)}</definedName>`;

/** "1980-01-01T00:00:00Z": W3CDTF to the second, as Office writes it. */
const w3cdtf = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
