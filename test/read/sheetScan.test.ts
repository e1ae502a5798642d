// The worksheet scanner against a real XML parser (saxes, as exceljs uses it) on generated worksheets cut
// into random chunks, plus the malformed documents it must refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/model/cell.js';
import type { SheetContext } from '../../src/ooxml/cellValue.js';
import { readSharedStrings, sheetRows } from '../../src/ooxml/sheetScan.js';
import { unbatch } from '../../src/read/unbatch.js';
import { saxesSharedStrings, saxesSheetRows } from './saxesSheetRows.js';

const ctx: SheetContext = {
  sharedStrings: ['Xã Đông Hòa', 'Mã', '', 'a & b'],
  isDateStyle: (s) => s === 2,
  date1904: false,
  onRow: () => {},
  corrupt: (reason) => Object.assign(new Error(reason), { code: 'CORRUPT' }),
};

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Characters XML 1.0 allows (a worksheet cannot hold the others, not even escaped). */
const xmlChar = (c: string) => {
  const code = c.codePointAt(0)!;
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
};

const text = fc.oneof(
  fc.constantFrom(
    '',
    'Xã Hòa',
    'a & b',
    '<x>',
    '"q"',
    "it's",
    'line\r\nbreak',
    'cr\ronly',
    '_x000D_',
    '  pad  ',
  ),
  fc.string({ maxLength: 10 }).map((s) => [...s].filter(xmlChar).join('')),
);

/** One cell's XML (without the reference, added by the row). */
const cellBody = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ attrs: '', body: `<v>${n}</v>` })),
  fc.integer({ min: 0, max: 4 }).map((i) => ({ attrs: ' t="s"', body: `<v>${i}</v>` })),
  text.map((t) => ({ attrs: ' t="str"', body: `<f>A1&amp;""</f><v>${escapeXml(t)}</v>` })),
  fc.tuple(text, text, fc.boolean()).map(([a, b, phonetic]) => ({
    attrs: " t='inlineStr'",
    body: `<is><r><t xml:space="preserve">${escapeXml(a)}</t></r><r><t>${escapeXml(b)}</t></r>${
      phonetic ? '<rPh sb="0" eb="1"><t>ふり</t></rPh>' : ''
    }</is>`,
  })),
  fc.boolean().map((b) => ({ attrs: ' t="b"', body: `<v>${b ? 1 : 0}</v>` })),
  fc.constantFrom('#N/A', '#DIV/0!').map((e) => ({ attrs: ' t="e"', body: `<v>${e}</v>` })),
  fc.constant({ attrs: ' s="2"', body: '<v>45000.5</v>' }),
  fc.constant({ attrs: '', body: '<f>SUM(A1:A2)</f>' }),
  fc.constant({ attrs: ' s="1"', body: '' }),
);

const sheet = fc.record({
  prefix: fc.constantFrom('', 'x:'),
  pretty: fc.boolean(),
  refs: fc.boolean(),
  rows: fc.array(fc.array(fc.option(cellBody, { nil: null }), { maxLength: 6 }), { maxLength: 8 }),
});

function writeSheet({
  prefix: p,
  pretty,
  refs,
  rows,
}: typeof sheet extends fc.Arbitrary<infer T> ? T : never) {
  const nl = pretty ? '\n  ' : '';
  const out = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
    `${nl}<!-- written by a test -->${nl}<${p}sheetData>`,
  ];
  rows.forEach((cells, r) => {
    out.push(`${nl}<${p}row${refs ? ` r="${r * 2 + 1}"` : ''} spans="1:6">`);
    cells.forEach((c, i) => {
      if (c === null) return;
      const ref = refs ? ` r="${String.fromCharCode(65 + i)}${r * 2 + 1}"` : '';
      const body = c.body.replaceAll('<', `<${p}`).replaceAll(`<${p}/`, `</${p}`);
      out.push(body ? `<${p}c${ref}${c.attrs}>${body}</${p}c>` : `<${p}c${ref}${c.attrs}/>`);
    });
    out.push(`</${p}row>`);
  });
  out.push(`${nl}</${p}sheetData>${nl}</${p}worksheet>`);
  return out.join('');
}

type Reader = (chunks: AsyncIterable<Uint8Array>, ctx: SheetContext) => AsyncIterable<RawRow>;
/** The scanner's batches as rows, like the xlsx reader hands them out. */
const scanned: Reader = (chunks, c) => unbatch(sheetRows(chunks, c));

async function rowsOf(read: Reader, xml: string, cuts: number[]): Promise<RawRow[]> {
  const bytes = Buffer.from(xml, 'utf8');
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    chunks.push(bytes.subarray(from, c));
    from = c;
  }
  const rows: RawRow[] = [];
  for await (const r of read(
    (async function* () {
      yield* chunks;
    })(),
    ctx,
  ))
    rows.push(r);
  return rows;
}

describe('worksheet scanner', () => {
  it('reads what saxes reads, however the bytes are cut (and with prefixed names, which saxes misses)', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, fc.array(fc.nat(), { maxLength: 10 }), async (s, cuts) => {
        const expected = await rowsOf(saxesSheetRows, writeSheet({ ...s, prefix: '' }), []);
        expect(await rowsOf(scanned, writeSheet(s), cuts)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("reads CDATA as text (exceljs's SAX helper drops it; Excel never writes it)", async () => {
    const xml =
      '<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t><![CDATA[a & <b>]]> &amp; c</t></is></c></row></sheetData></worksheet>';
    expect(await rowsOf(scanned, xml, [40, 60])).toEqual([{ row: 2, cells: [null, 'a & <b> & c'] }]);
  });

  it.each([
    [
      'a mismatched end tag',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>',
    ],
    ['an unclosed document', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'],
    ['a cut tag', '<worksheet><sheetData><row r="1"><c r="A1"'],
    ['no document', ''],
    ['a DTD', '<!DOCTYPE worksheet [<!ENTITY x "y">]><worksheet/>'],
    ['two roots', '<worksheet/><worksheet/>'],
    ['a stray end tag', '</worksheet>'],
    [
      'a bad cell reference',
      '<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>',
    ],
  ])('refuses %s', async (_, xml) => {
    await expect(rowsOf(scanned, xml, [7])).rejects.toMatchObject({ code: 'CORRUPT' });
  });

  it('reads the shared strings table as saxes does', async () => {
    const item = fc.oneof(
      text.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`),
      fc
        .tuple(text, text)
        .map(
          ([a, b]) => `<si><r><rPr><b/></rPr><t>${escapeXml(a)}</t></r><r><t>${escapeXml(b)}</t></r></si>`,
        ),
      text.map(
        (t) => `<si><t>${escapeXml(t)}</t><rPh sb="0" eb="1"><t>ふり</t></rPh><phoneticPr fontId="1"/></si>`,
      ),
      fc.constant('<si><t/></si>'),
      fc.constant('<si><t>Ho&#xE0; _x000D_ x</t></si>'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (items, cuts) => {
          const xml = `<?xml version="1.0"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${items.join('')}</sst>`;
          const bytes = Buffer.from(xml, 'utf8');
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces = [...at, bytes.length].map((c, i, all) =>
            bytes.subarray(i === 0 ? 0 : all[i - 1], c),
          );
          const chunksOf = async function* (parts: Uint8Array[]) {
            yield* parts;
          };
          const expected = await saxesSharedStrings(chunksOf([bytes]));
          const corrupt = (reason: string) => new Error(reason);
          expect(await readSharedStrings(chunksOf(pieces), corrupt)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
