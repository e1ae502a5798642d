// The hostile-input corpus of issue 11 ("nothing misread"): one file per attack on the readers, each with
// the outcome a careful tool gives. Built here, deterministically (no randomness, no clock), at a scale:
// 1 for `npm test` (tens of MB of markup in files of a few hundred KB), 5 for `npm run fuzz` (the sizes
// the attacks were first found with: 100 MB of markup, 100 million shared strings' worth of XML).
import { crc32 } from 'node:zlib';
import { writeZip, type ZipFile } from './zipWriter.js';

export interface Expected {
  exit: 0 | 1 | 2;
  /** The code: a diagnostic in the JSON output (exit 0 or 1), or the usage error's (exit 2); none for a
   * file read as if it were plain. */
  code?: string;
  /** Where the diagnostic points (exit 0 or 1). */
  cell?: string;
  row?: number;
}

export interface HostileCase {
  /** The file's name (its extension matters to the reader). */
  name: string;
  /** The point of the issue it covers. */
  what: string;
  bytes: () => Buffer;
  /** Options after `cchc score --criteria criteria.csv --scores FILE --format json`. */
  args?: string[];
  /** Tens of MB inflated: left out of the mutations. */
  large?: boolean;
  expect: Expected;
}

/** The criteria every case is scored against: 1.1 (max 30), 1.2 (max 40) and a survey leaf 2 (max 30). */
export const CRITERIA = [
  'Mã tiêu chí,Tên tiêu chí,Điểm tối đa,Thành phần',
  '1,Lĩnh vực 1,70,thẩm định',
  '1.1,Tiêu chí 1.1,30,',
  '1.2,Tiêu chí 1.2,40,',
  '2,Điều tra xã hội học,30,xhh',
  '',
].join('\n');

const HEADER = ['Đơn vị', 'Khối', 'Mã tiêu chí', 'Điểm tự đánh giá', 'Điểm thẩm định'];
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MB = 1024 * 1024;

const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const num = (ref: string, n: string) => `<c r="${ref}"><v>${n}</v></c>`;

/** A valid score table for the tiny framework: unit Xã A, 1.1 = 25 in row 2 (E2 given), 1.2 = 35. */
function table(e2 = num('E2', '25'), a2 = inline('A2', 'Xã A')): string {
  const header = HEADER.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('');
  return (
    `<row r="1">${header}</row>` +
    `<row r="2">${a2}${inline('B2', 'Xã')}${inline('C2', '1.1')}${num('D2', '25')}${e2}</row>` +
    `<row r="3">${inline('A3', 'Xã A')}${inline('B3', 'Xã')}${inline('C3', '1.2')}${num('D3', '35')}${num('E3', '35')}</row>`
  );
}

interface Book {
  /** The worksheet's XML: before the data, the data, after it (as Buffers, so that they can be huge). */
  sheet?: Buffer;
  sharedStrings?: Buffer;
  workbook?: Buffer;
  /** Zip options for the worksheet entry. */
  entry?: Partial<ZipFile>;
  /** Entries added as they are. */
  extra?: ZipFile[];
}

const sheetXml = (data: string | Buffer, after = ''): Buffer =>
  Buffer.concat([
    Buffer.from(`<?xml version="1.0"?><worksheet ${NS} ${RNS}><sheetData>`),
    typeof data === 'string' ? Buffer.from(data) : data,
    Buffer.from(`</sheetData>${after}</worksheet>`),
  ]);

/** A minimal xlsx around one sheet "Điểm" (and a shared strings part when given). */
function xlsx(book: Book): Buffer {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    book.sharedStrings
      ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      : '',
  ].join('');
  const files: ZipFile[] = [
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        book.workbook ??
        `<?xml version="1.0"?><workbook ${NS} ${RNS}><sheets><sheet name="Điểm" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      lie: true,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: book.sheet ?? sheetXml(table()), ...book.entry },
  ];
  if (book.sharedStrings) files.push({ name: 'xl/sharedStrings.xml', data: book.sharedStrings, lie: true });
  return writeZip([...files, ...(book.extra ?? [])]);
}

/** `n` bytes of `fill` between two texts. */
const padded = (before: string, n: number, after: string, fill = 'x') =>
  Buffer.concat([Buffer.from(before), Buffer.alloc(n, fill), Buffer.from(after)]);

const repeat = (unit: string, times: number) => Buffer.alloc(unit.length * times, unit);

/** Text as UTF-32LE bytes. */
function utf32(text: string): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => {
    b.writeUInt32LE(p, i * 4);
  });
  return b;
}

const CSV = `${HEADER.join(',')}\nXã A,Xã,1.1,25,25\nXã A,Xã,1.2,35,35\n`;

/** The corpus at a scale (1 in npm test, 5 in npm run fuzz). */
export function corpus(scale = 1): HostileCase[] {
  const big = 20 * MB * scale;
  const ok: Expected = { exit: 0 };
  const markup = (what: string, open: string, close: string, fill = 'x'): HostileCase => ({
    name: `long-${what.replaceAll(' ', '-')}.xlsx`,
    what: `linear time: a ${what} of ${big / MB} MB in the worksheet`,
    bytes: () =>
      xlsx({ sheet: sheetXml(padded(`${table()}${open}`, big, close, fill)), entry: { lie: true } }),
    expect: ok,
  });
  const corruptCell = (name: string, e2: string, a2?: string): HostileCase => ({
    name: `cell-${name}.xlsx`,
    what: `strict cells: ${name}`,
    bytes: () => xlsx({ sheet: sheetXml(table(e2, a2)) }),
    expect: { exit: 1, code: 'E_CELL_CORRUPT', cell: a2 ? 'A2' : 'E2' },
  });
  return [
    markup('comment', '<!--', '-->'),
    markup('processing instruction', '<?pi ', '?>'),
    markup('CDATA section', '<![CDATA[', ']]>'),
    markup('attribute value', '<ext uri="', '"/>'),
    markup('attribute value with quotes', "<ext a='", "'/>", '">'),
    {
      name: 'shared-strings-many.xlsx',
      large: true,
      what: 'memory: 10 million empty shared strings per scale (1.95 GB for 100 million once)',
      bytes: () => xlsx({ sharedStrings: sst(repeat('<si/>', 10_000_000 * scale)) }),
      expect: { exit: 2, code: 'E_TOO_MANY_SHARED_STRINGS' },
    },
    {
      name: 'shared-string-long.xlsx',
      large: true,
      what: 'memory: one shared string of tens of MB (400 MB took 1.25 GB once)',
      bytes: () => xlsx({ sharedStrings: sst(padded('<si><t>', big, '</t></si>')) }),
      expect: { exit: 2, code: 'E_CELL_TOO_LONG' },
    },
    {
      name: 'value-long.xlsx',
      large: true,
      what: 'memory: one <v> of tens of MB (500 MB took 1.07 GB once)',
      bytes: () =>
        xlsx({
          sheet: sheetXml(padded(`${table()}<row r="9"><c r="A9" t="str"><v>`, big, '</v></c></row>')),
          entry: { lie: true },
        }),
      expect: { exit: 2, code: 'E_CELL_TOO_LONG' },
    },
    {
      name: 'sheets-many.xlsx',
      large: true,
      what: 'memory: a million <sheet> entries per scale (5 million took 862 MB once)',
      bytes: () =>
        xlsx({
          workbook: Buffer.concat([
            Buffer.from(`<?xml version="1.0"?><workbook ${NS} ${RNS}><sheets>`),
            repeat('<sheet name="S" sheetId="1" r:id="rId1"/>', Math.min(1_400_000, 1_000_000 * scale)),
            Buffer.from('</sheets></workbook>'),
          ]),
        }),
      expect: { exit: 2, code: 'E_TOO_MANY_SHEETS' },
    },
    {
      name: 'columns-far.xlsx',
      large: true,
      what: 'memory: a value in column XFD on every row (16,384 cells a row)',
      bytes: () => {
        const rows = Array.from(
          { length: 200_000 * scale },
          (_, i) => `<row r="${i + 4}"><c r="XFD${i + 4}"><v>1</v></c></row>`,
        );
        return xlsx({ sheet: sheetXml(table() + rows.join('')), entry: { lie: true } });
      },
      expect: { exit: 2, code: 'E_TOO_MANY_COLUMNS' },
    },
    {
      name: 'merges-many.xlsx',
      large: true,
      what: 'memory: two million merged ranges per scale',
      bytes: () =>
        xlsx({
          sheet: sheetXml(
            table(),
            `<mergeCells>${repeat('<mergeCell ref="G1:H2"/>', 2_000_000 * scale).toString()}</mergeCells>`,
          ),
          entry: { lie: true },
        }),
      expect: { exit: 2, code: 'E_TOO_MANY_MERGES' },
    },
    {
      name: 'zip-crc.xlsx',
      what: 'zip integrity: a worksheet whose bytes do not match its CRC-32',
      bytes: () => xlsx({ entry: { crc: (crc32(sheetXml(table())) ^ 1) >>> 0 } }),
      expect: { exit: 2, code: 'E_FILE_CORRUPT' },
    },
    {
      name: 'zip-case-duplicate.xlsx',
      what: 'zip integrity: two worksheets whose names differ only in case (0.80 read where Excel shows 3.80)',
      bytes: () =>
        xlsx({
          sheet: sheetXml(table(num('E2', '3.8'))),
          extra: [{ name: 'xl/worksheets/Sheet1.xml', data: sheetXml(table(num('E2', '0.8'))) }],
        }),
      expect: { exit: 2, code: 'E_FILE_CORRUPT' },
    },
    {
      name: 'zip-ratio.xlsx',
      large: true,
      what: 'messages: an honest zip bomb is a ratio, not a size raising --max-inflated-bytes would fix',
      bytes: () => xlsx({ sheet: sheetXml(padded(`${table()}<!--`, big, '-->')) }),
      args: ['--max-inflated-bytes', String(2 ** 40)],
      expect: { exit: 2, code: 'E_ZIP_RATIO' },
    },
    corruptCell('hex', num('E2', '0x3')),
    corruptCell('binary', num('E2', '0b11')),
    corruptCell('blank-number', num('E2', ' ')),
    corruptCell('two-values', '<c r="E2"><v>3</v><v>4</v></c>'),
    corruptCell('boolean', '<c r="E2" t="b"><v>2</v></c>'),
    corruptCell('string-index-range', num('E2', '25'), '<c r="A2" t="s"><v>7</v></c>'),
    corruptCell('string-index-fraction', num('E2', '25'), '<c r="A2" t="s"><v>0.5</v></c>'),
    {
      name: 'utf8-stray-byte.csv',
      what: 'encodings: one stray byte in a UTF-8 file stays UTF-8, warned at its line',
      bytes: () => {
        const body = Buffer.from(
          `${HEADER.join(',')},Ghi chú\nXã Hòa,Xã,1.1,25,25,\nXã Hòa,Xã,1.2,35,35,Đã xong\n`,
        );
        const at = body.indexOf(Buffer.from('Đã xong'));
        return Buffer.concat([body.subarray(0, at + 2), Buffer.from([0xff]), body.subarray(at + 2)]);
      },
      expect: { exit: 0, code: 'W_TEXT_UNDECODABLE', cell: 'F3' },
    },
    {
      name: 'utf32le-bom.csv',
      what: 'encodings: UTF-32LE with a BOM is named, not printed with NUL bytes',
      bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(CSV)]),
      expect: { exit: 2, code: 'E_UNSUPPORTED_ENCODING' },
    },
    {
      name: 'utf32be.csv',
      what: 'encodings: UTF-32BE without a BOM is named',
      bytes: () => utf32(CSV).swap32(),
      expect: { exit: 2, code: 'E_UNSUPPORTED_ENCODING' },
    },
    {
      name: 'quote-spans-lines.csv',
      what: 'CSV structure: a quote opened in one field and closed lines later',
      bytes: () =>
        Buffer.from(
          [
            HEADER.join(','),
            'Xã A,Xã,1.1,25,"25',
            'Xã A,Xã,1.2,35,35',
            'Xã B,Xã,1.1,20,20"',
            'Xã B,Xã,1.2,30,30',
            '',
          ].join('\n'),
        ),
      expect: { exit: 1, code: 'W_CSV_QUOTE_SPANS_LINES', cell: 'E2' },
    },
    {
      name: 'decimal-comma.csv',
      what: 'CSV structure: an unquoted decimal comma spilling into an existing note column',
      bytes: () =>
        Buffer.from(`${HEADER.join(',')},Ghi chú\nXã A,Xã,1.1,25,25,đã bổ sung\nXã A,Xã,1.2,35,3,8\n`),
      expect: { exit: 0, code: 'W_ROW_EXTRA_CELLS', cell: 'F3' },
    },
    {
      name: 'plain-xls.xlsx',
      what: 'messages: an OLE2 file without encryption named .xlsx is not "password-protected"',
      bytes: () => {
        const cfb = Buffer.alloc(4096);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
        return cfb;
      },
      expect: { exit: 2, code: 'E_FILE_CORRUPT' },
    },
  ];
}

/** A shared strings part around its items. */
function sst(items: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<?xml version="1.0"?><sst ${NS}>`), items, Buffer.from('</sst>')]);
}
