// The CSV tokenizer on its own: agreement with csv-parse on well-formed files cut into random chunks, and
// the lenient cases (stray quotes, text after a closing quote) plus the errors csv-parse would also raise.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nfc, nfcMayChange } from '../../src/ooxml/nfc.js';
import { type CsvRecord, CsvTokenizer } from '../../src/read/csvTokenizer.js';

const MAX = 1024 * 1024;

/** Tokenizes `text` fed in pieces cut at `cuts` (offsets, any order, duplicates allowed). */
function tokenize(
  text: string,
  cuts: number[] = [],
  delimiter = ',',
  max = MAX,
  t = new CsvTokenizer(delimiter, max),
): CsvRecord[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: CsvRecord[] = [];
  let from = 0;
  for (const c of [...at, text.length]) {
    out.push(...t.push(text.slice(from, c)));
    from = c;
  }
  return [...out, ...t.end()];
}

const field = fc.oneof(
  fc.constantFrom(
    '',
    'a',
    '1,5',
    'Đơn vị',
    'Xã Hòa',
    ' x ',
    '"',
    '""q""',
    'a\nb',
    'c\r\nd',
    'e\rf',
    ';',
    ',',
  ),
  fc.string({ maxLength: 8 }),
);
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

/** RFC 4180 text: fields that need it (and, at random, others) are quoted with inner quotes doubled. */
function write(rows: string[][], delimiter: string, ends: string[], quoteAll: boolean, lastEnd: boolean) {
  const q = (f: string) =>
    quoteAll || f === '' || /["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replaceAll('"', '""')}"` : f;
  // An unquoted empty single field would be an empty line, which csv-parse drops when it is the last one.
  return rows
    .map((r, i) => r.map(q).join(delimiter) + (i < rows.length - 1 || lastEnd ? ends[i % ends.length] : ''))
    .join('');
}

describe('CsvTokenizer', () => {
  it('agrees with csv-parse on well-formed files, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(',', ';', '\t'),
        fc.array(lineEnd, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, delimiter, ends, quoteAll, lastEnd, cuts) => {
          const text = write(rows, delimiter, ends, quoteAll, lastEnd);
          const expected = (
            parse(text, {
              delimiter,
              relax_column_count: true,
              record_delimiter: ['\r\n', '\n', '\r'],
            }) as string[][]
          ).map((r) => r.map((f) => (f === '' ? null : f)));
          expect(tokenize(text, cuts, delimiter)).toEqual(expected);
          // And the records are the table that was written.
          expect(tokenize(text, cuts, delimiter)).toEqual(rows.map((r) => r.map((f) => f || null)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads stray quotes the way Excel does', () => {
    expect(tokenize('5 "inch",6\n"ab"c,d\n"x""y",""\n')).toEqual([
      ['5 "inch"', '6'],
      ['abc', 'd'],
      ['x"y', null],
    ]);
  });

  it('keeps line ends split between chunks together: \\r|\\n and ""|"', () => {
    expect(tokenize('a\r\nb\r\nc', [2, 5])).toEqual([['a'], ['b'], ['c']]);
    expect(tokenize('"a""b","c"\n', [3, 4, 9])).toEqual([['a"b', 'c']]);
  });

  it('counts an empty line as a record and a final line without an end as one', () => {
    expect(tokenize('a\n\nb,')).toEqual([['a'], [null], ['b', null]]);
    expect(tokenize('a\n')).toEqual([['a']]);
    expect(tokenize('')).toEqual([]);
  });

  it('applies the cleaning function to every non-empty field', () => {
    const t = new CsvTokenizer(';', MAX, (s) => s.toUpperCase());
    expect([...t.push('a;;"b c"\n'), ...t.end()]).toEqual([['A', null, 'B C']]);
  });

  it('fails on a quote left open and on a record over the limit, naming the record', () => {
    const failure = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return e;
      }
      return null;
    };
    const open = { code: 'E_FILE_CORRUPT', args: { reason: 'csv-quote-open', line: 2, record: 2 } };
    expect(failure(() => tokenize('a\nb,"c\nd\n'))).toMatchObject(open);
    const long = { code: 'E_FILE_CORRUPT', args: { reason: 'csv-record-too-long', record: 2, limit: 100 } };
    expect(failure(() => tokenize(`a\n"${'x'.repeat(200)}`, [50, 100], ',', 100))).toMatchObject(long);
    expect(failure(() => tokenize(`a\n${'yyy,'.repeat(40)}\n`, [], ',', 100))).toMatchObject(long);
  });

  it('cleans every field as NFC when told which chunks may need it, repeated and long fields included', () => {
    // Precomposed and decomposed Vietnamese (Hòa / Ho + a + U+0300), long names repeated row after row
    // (the per-column memory of the last long field), short codes: each record must be what NFC makes of
    // the plain tokenization, however the chunks fall on decomposed and precomposed text.
    const name = fc.constantFrom(
      'Xã Hòa Bình 00001',
      'Xã Hoa\u0300 Bình 00001',
      'Phường An An 02645',
      'Phường An An 02645 ',
      'Thị trấn Tân Thành',
      'Thi\u0323 trấn Tân Thành',
    );
    const short = fc.constantFrom('1.2', '0,75', 'ho\u0300a', 'hòa', 'KPS', '14/19', '');
    const row = fc.tuple(name, short, short);
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (rows, cuts) => {
          const text = rows.map((r) => r.join(';')).join('\n');
          const plain = tokenize(text, cuts, ';');
          const cleaned = tokenize(text, cuts, ';', MAX, new CsvTokenizer(';', MAX, nfc, nfcMayChange));
          expect(cleaned).toEqual(plain.map((r) => r.map((f) => (f === null ? null : f.normalize('NFC')))));
        },
      ),
      { numRuns: 300 },
    );
    expect(nfcMayChange('Xã Hòa Bình;1,5\r\n')).toBe(false);
    expect(nfcMayChange('Hoa\u0300')).toBe(true);
  });

  it('refuses a delimiter that is not one character', () => {
    expect(() => new CsvTokenizer(';;', MAX)).toThrow(/one character/);
  });
});

describe('quoted fields that span lines', () => {
  /** The multi-line fields of `text` read in pieces cut at `cuts`. */
  function spans(text: string, cuts: number[]) {
    const t = new CsvTokenizer(',', MAX);
    const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    let from = 0;
    for (const c of [...at, text.length]) {
      t.push(text.slice(from, c));
      from = c;
    }
    t.end();
    return t.multiline;
  }

  it('names where the quote opened and closed, by line, however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (cuts, nl) => {
        const text = [
          'Đơn vị,Điểm',
          'Xã A,"3',
          'Xã B,4',
          'Xã C,5"',
          'Xã D,"x""y",6',
          'Xã E,"a',
          'b"',
          '',
        ].join(nl);
        expect(spans(text, cuts)).toEqual([
          { record: 2, column: 1, line: 2, until: 4 },
          { record: 4, column: 1, line: 6, until: 7 },
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('single-line quoted fields are not listed', () => {
    expect(spans('a,"b,c"\n"d""e",f\n', [3, 9])).toEqual([]);
  });
});
