// The worksheet scanner against a real XML parser (saxes, as exceljs uses it) on generated worksheets cut
// into random chunks, plus the malformed documents it must refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/model/cell.js';
import type { SheetContext } from '../../src/ooxml/cellValue.js';
import { decimalIn } from '../../src/ooxml/plainCell.js';
import { readSharedStrings, SheetRowReader, sheetRows } from '../../src/ooxml/sheetReader.js';
import { SheetScanner } from '../../src/ooxml/sheetScan.js';
import { unbatch } from '../../src/read/unbatch.js';
import { saxesSharedStrings, saxesSheetRows } from './saxesSheetRows.js';

const ctx: SheetContext = {
  sharedStrings: ['Xã Đông Hòa', 'Mã', '', 'a & b'],
  isDateStyle: (s) => s === 2,
  date1904: false,
  onRow: () => {},
  corrupt: (reason) => Object.assign(new Error(reason), { code: 'CORRUPT' }),
  maxCellChars: 1e6,
  maxColumns: 16384,
};

const LIMITS = { maxCellChars: 1e6, maxSharedStrings: 1e6, maxSharedChars: 1e7 };

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

/** Markup the scanner skips, some of it longer than the test scanner keeps (a tag of 32 characters). */
const junkText = fc
  .array(fc.constantFrom('a', '>', '<', "'", '"', '-', '?', ']', ' ', 'ệ'), { maxLength: 80 })
  .map((cs) => cs.join(''));
const junk = fc.oneof(
  junkText.map((t) => `<!--${t.replaceAll('-', '=')}-->`),
  junkText.map((t) => `<?pi ${t.replaceAll('?', '=')}?>`),
  junkText.map((t) => `<![CDATA[${t.replaceAll(']', '=')}]]>`),
  junkText.map((t) => `<ext uri="${escapeXml(t)}" b='${t.replaceAll("'", '').replaceAll('<', '')}'/>`),
  junkText.map((t) => `<extLst><ext note="${escapeXml(t)}">${escapeXml(t)}</ext></extLst>`),
);

const sheet = fc.record({
  prefix: fc.constantFrom('', 'x:'),
  pretty: fc.boolean(),
  refs: fc.boolean(),
  rows: fc.array(fc.array(fc.option(cellBody, { nil: null }), { maxLength: 6 }), { maxLength: 8 }),
  junk: fc.array(junk, { maxLength: 4 }),
});

function writeSheet({
  prefix: p,
  pretty,
  refs,
  rows,
  junk,
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
    if (junk[r] !== undefined) out.push(junk[r]);
  });
  out.push(`${nl}</${p}sheetData>${nl}</${p}worksheet>`);
  return out.join('');
}

type Reader = (chunks: AsyncIterable<Uint8Array>, ctx: SheetContext) => AsyncIterable<RawRow>;
/** The scanner's batches as rows, like the xlsx reader hands them out. */
const scanned: Reader = (chunks, c) => unbatch(sheetRows(chunks, c));

/**
 * The rows pumped (as a table reader takes them: most of the sheet read from its bytes), after the first
 * `iterated` rows taken one by one (as the header search does); the lent cells copied.
 */
const pumped =
  (iterated: number): Reader =>
  (chunks, c) =>
    (async function* () {
      const reader = new SheetRowReader(chunks, c);
      const rows: RawRow[] = [];
      while (rows.length < iterated) {
        const batch = await reader.next();
        if (batch === null) break;
        rows.push(...batch);
      }
      await reader.pump((row, cells) => rows.push({ row, cells: [...cells] as RawRow['cells'] }));
      yield* rows;
    })();

/** A scanner that keeps tags of up to 32 characters only, so that cut long tags are streamed through. */
async function* scanKeeping32(chunks: AsyncIterable<Uint8Array>, c: SheetContext) {
  const decoder = new TextDecoder();
  const scanner = new SheetScanner(c, undefined, 32);
  for await (const chunk of chunks) yield* scanner.push(decoder.decode(chunk, { stream: true }));
  yield* scanner.push(decoder.decode());
  scanner.end();
}

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
        expect(await rowsOf(scanKeeping32, writeSheet(s), cuts)).toEqual(expected);
        expect(await rowsOf(pumped(0), writeSheet(s), cuts)).toEqual(expected);
        expect(await rowsOf(pumped(2), writeSheet(s), cuts)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('pumps what it iterates on sheets as Excel and exceljs write them (the byte path)', async () => {
    const plain = fc.oneof(
      fc.integer({ min: -5, max: 400 }).map((n) => ({ attrs: '', body: `<v>${n / 4}</v>` })),
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .map((n) => ({ attrs: ' t="n"', body: `<v>${n}</v>` })),
      fc.integer({ min: 0, max: 6 }).map((i) => ({ attrs: ' s="3" t="s"', body: `<v>${i}</v>` })),
      fc
        .constantFrom('x', '007', '1e3', ' 1', '-', '0x3', '1.2.3', '')
        .map((v) => ({ attrs: '', body: `<v>${v}</v>` })),
      fc.constant({ attrs: ' s="2"', body: '<v>45000.5</v>' }),
      fc.constant({ attrs: ' s="1"', body: '' }),
      cellBody,
    );
    const rows = fc.array(fc.array(fc.option(plain, { nil: null }), { maxLength: 6 }), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(rows, fc.array(fc.nat(), { maxLength: 12 }), async (cells, cuts) => {
        const xml = writeSheet({ prefix: '', pretty: false, refs: true, rows: cells, junk: [] });
        const expected = await rowsOf(scanned, xml, []);
        expect(await rowsOf(pumped(0), xml, cuts)).toEqual(expected);
        expect(await rowsOf(pumped(1), xml, cuts)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a plain decimal from bytes as Number() reads its text', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,16}$/), fc.option(fc.stringMatching(/^[0-9]{0,16}$/)))
      .map(([neg, w, f]) => `${neg ? '-' : ''}${w}${f === null ? '' : `.${f}`}`);
    fc.assert(
      fc.property(decimal, (t) => {
        const v = decimalIn(Buffer.from(t), 0, t.length);
        if (!Number.isNaN(v)) expect(Object.is(v, Number(t))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(decimalIn(Buffer.from('0.75'), 0, 4)).toBe(0.75);
    expect(decimalIn(Buffer.from('1e3'), 0, 3)).toBeNaN();
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
    await expect(rowsOf(pumped(0), xml, [7])).rejects.toMatchObject({ code: 'CORRUPT' });
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
          expect(await readSharedStrings(chunksOf(pieces), corrupt, LIMITS)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('linear time on any markup', () => {
  const CHUNK = 64 * 1024;
  /** Characters the scanner looks at to read `xml` cut into 64 KiB chunks, as the zip reader hands them. */
  function work(xml: string, c: SheetContext = ctx): number {
    const scanner = new SheetScanner(c);
    for (let i = 0; i < xml.length; i += CHUNK) scanner.push(xml.slice(i, i + CHUNK));
    scanner.end();
    return scanner.work;
  }
  const wide = { ...ctx, maxCellChars: 1e8 };
  const sheetAround = (markup: string) =>
    `<worksheet><sheetData><row r="1">${markup}</row></sheetData></worksheet>`;
  const cases: [string, (n: number) => string][] = [
    ['a comment', (n) => sheetAround(`<!--${'x'.repeat(n)}-->`)],
    ['a processing instruction', (n) => sheetAround(`<?pi ${'x'.repeat(n)}?>`)],
    ['a CDATA section outside a value', (n) => sheetAround(`<![CDATA[${'x'.repeat(n)}]]>`)],
    [
      'a CDATA section in a value',
      (n) => sheetAround(`<c r="A1" t="str"><v><![CDATA[${'1'.repeat(n)}]]></v></c>`),
    ],
    ['an attribute value', (n) => sheetAround(`<ext uri="${'x'.repeat(n)}"/>`)],
    ['an attribute value with quotes and >', (n) => sheetAround(`<ext a='${'">'.repeat(n / 2)}'/>`)],
    ['a long value', (n) => sheetAround(`<c r="A1" t="str"><v>${'x'.repeat(n)}</v></c>`)],
    ['a long element name', (n) => sheetAround(`<e${'x'.repeat(n)}/>`)],
  ];
  it.each(cases)('%s: each character looked at about once, at 1, 2 and 4 MB', (what, make) => {
    for (const mb of [1, 2, 4]) {
      const xml = make(mb * 1024 * 1024);
      let spent: number;
      try {
        spent = work(xml, wide);
      } catch (e) {
        // A long element name is refused, after a bounded look.
        expect(what).toBe('a long element name');
        expect((e as { code?: string }).code).toBe('CORRUPT');
        continue;
      }
      // Carried markup is looked at again at most once per chunk, and only what fits in MAX_KEPT_TAG.
      expect(spent).toBeLessThan(xml.length * 1.1 + 2 * CHUNK);
    }
  });

  it('a <c> tag longer than 64 KiB cut by a chunk end is refused, not kept growing', () => {
    const xml = sheetAround(`<c r="A1" x="${'y'.repeat(200_000)}"><v>1</v></c>`);
    expect(() => work(xml)).toThrow('xml-tag-too-long');
  });
});

describe('limits on what is held', () => {
  const run = async (xml: string, c: SheetContext) => {
    const rows: RawRow[] = [];
    for await (const r of scanned(
      (async function* () {
        yield Buffer.from(xml);
      })(),
      c,
    ))
      rows.push(r);
    return rows;
  };
  it('a cell of more than maxCellChars characters: E_CELL_TOO_LONG naming the cell', async () => {
    const c = { ...ctx, maxCellChars: 10 };
    const cell = (v: string) =>
      `<worksheet><sheetData><row r="3"><c r="B3" t="str"><v>${v}</v></c></row></sheetData></worksheet>`;
    expect(await run(cell('0123456789'), c)).toEqual([{ row: 3, cells: [null, '0123456789'] }]);
    await expect(run(cell('01234567890'), c)).rejects.toMatchObject({
      code: 'E_CELL_TOO_LONG',
      args: { cell: 'B3', limit: 10 },
    });
    const inline = `<worksheet><sheetData><row r="3"><c r="C3" t="inlineStr"><is><r><t>012345</t></r><r><t>67890</t></r></is></c></row></sheetData></worksheet>`;
    await expect(run(inline, c)).rejects.toMatchObject({ code: 'E_CELL_TOO_LONG', args: { cell: 'C3' } });
    // The common cell matched by the fast path is held to the same limit.
    const plain = `<worksheet><sheetData><row r="1"><c r="A1"><v>12345678901</v></c></row></sheetData></worksheet>`;
    await expect(run(plain, c)).rejects.toMatchObject({ code: 'E_CELL_TOO_LONG', args: { cell: 'A1' } });
  });

  const sst = (items: string[]) => `<sst>${items.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
  const strings = (xml: string, limits: Partial<typeof LIMITS>) =>
    readSharedStrings(
      (async function* () {
        yield Buffer.from(xml);
      })(),
      (reason) => new Error(reason),
      { ...LIMITS, ...limits },
    );
  it('shared strings: count, total characters and one item, each refused past its limit', async () => {
    expect(await strings(sst(['a', 'b', '']), { maxSharedStrings: 3 })).toEqual(['a', 'b', '']);
    await expect(strings(sst(['a', 'b', '', '']), { maxSharedStrings: 3 })).rejects.toMatchObject({
      code: 'E_TOO_MANY_SHARED_STRINGS',
      args: { limit: 3 },
    });
    await expect(
      strings(`<sst>${'<si/>'.repeat(1000)}</sst>`, { maxSharedStrings: 999 }),
    ).rejects.toMatchObject({
      code: 'E_TOO_MANY_SHARED_STRINGS',
    });
    expect(await strings(sst(['abc', 'de']), { maxSharedChars: 5 })).toEqual(['abc', 'de']);
    await expect(strings(sst(['abc', 'def']), { maxSharedChars: 5 })).rejects.toMatchObject({
      code: 'E_SHARED_STRINGS_TOO_LARGE',
      args: { limit: 5 },
    });
    await expect(strings(sst(['ab', 'abcdef']), { maxCellChars: 5 })).rejects.toMatchObject({
      code: 'E_CELL_TOO_LONG',
      args: { item: 2, limit: 5 },
    });
  });
});

describe('strict cells', () => {
  const cells = async (body: string) => {
    const told: [string, number, string, string][] = [];
    const c: SheetContext = {
      ...ctx,
      onCorrupt: (cell, row, v) => told.push([cell, row, v.kind, v.found]),
    };
    const rows = await rowsOf((chunks) => unbatch(sheetRows(chunks, c)), body, []);
    return { values: rows.flatMap((r) => r.cells), told };
  };
  const sheetOf = (c: string) => `<worksheet><sheetData><row r="7">${c}</row></sheetData></worksheet>`;
  const corrupt = (kind: string, found: string) => ({ error: '#CORRUPT', kind, found });
  it.each([
    ['<c r="D7"><v>0x3</v></c>', 'number', '0x3'],
    ['<c r="D7"><v>0b11</v></c>', 'number', '0b11'],
    ['<c r="D7"><v>0o7</v></c>', 'number', '0o7'],
    ['<c r="D7"><v>Infinity</v></c>', 'number', 'Infinity'],
    ['<c r="D7"><v>1_000</v></c>', 'number', '1_000'],
    ['<c r="D7"><v> </v></c>', 'blank-number', ' '],
    ['<c r="D7" t="n"><v>abc</v></c>', 'number', 'abc'],
    ['<c r="D7" t="b"><v>2</v></c>', 'boolean', '2'],
    ['<c r="D7" t="s"><v>4</v></c>', 'string-index', '4'],
    ['<c r="D7" t="s"><v>-1</v></c>', 'string-index', '-1'],
    ['<c r="D7" t="s"><v>1.5</v></c>', 'string-index', '1.5'],
    ['<c r="D7" t="s"><v> 1</v></c>', 'string-index', ' 1'],
    ['<c r="D7"><v>1</v><v>2</v></c>', 'two-values', '2'],
  ])('%s is a corrupt cell, told at D7', async (xml, kind, found) => {
    const { values, told } = await cells(sheetOf(xml));
    expect(values).toEqual([null, null, null, corrupt(kind, found)]);
    expect(told).toEqual([['D7', 7, kind, found]]);
  });
  it.each([
    ['<c r="A7"><v>3</v></c>', 3],
    ['<c r="A7"><v>-1.5E-3</v></c>', -0.0015],
    ['<c r="A7"><v>.5</v></c>', 0.5],
    ['<c r="A7"><v>1e309</v></c>', Number.POSITIVE_INFINITY],
    ['<c r="A7" t="b"><v>0</v></c>', false],
    ['<c r="A7" t="b"><v>true</v></c>', true],
    ['<c r="A7" t="s"><v>1</v></c>', 'Mã'],
  ])('%s is read as %s', async (xml, value) => {
    const { values, told } = await cells(sheetOf(xml));
    expect(values).toEqual([value]);
    expect(told).toEqual([]);
  });
});
