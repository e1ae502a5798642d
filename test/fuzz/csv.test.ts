// Fuzz (fast-check) of the CSV reader and of the whole CLI on random CSV content: rows or a UsageError
// with a code, and a CLI that exits 0, 1 or 2 — never 3 (internal error), never a stack trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csv, hasStack, LONG_HEADER, runInProcess, tinyCriteria, workspace } from '../cli/helpers.js';
import { readAll, tempDir } from '../read/helpers.js';

const file = await tempDir();

/** Bytes that look a little like CSV: separators, quotes, line ends, BOMs, NULs, Vietnamese UTF-8. */
const csvBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc
    .array(
      fc.constantFrom(
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r',
        '\r\n',
        'a',
        '1',
        ',5',
        'Đơn vị',
        'ố',
        '\uFEFF',
        '\u0000',
        'sep=;',
        ' ',
      ),
      { maxLength: 120 },
    )
    .map((parts) => Buffer.from(parts.join(''), 'utf8')),
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(s, 'utf16le')),
);

describe('CSV reader on random bytes', () => {
  it('reads rows or fails with a UsageError code, never anything else', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(csvBytes, async (bytes) => {
        const path = await file(`r${n++}.csv`, bytes);
        try {
          const sheets = await readAll(path);
          for (const s of sheets) for (const r of s.rows) expect(Array.isArray(r.cells)).toBe(true);
        } catch (e) {
          expect((e as { code?: string }).code, String(e)).toMatch(/^E_[A-Z_]+$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the CLI on random score files', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      'Xã A',
      'Xã B',
      'Xã',
      'Phường',
      '1.1',
      '1.2',
      '2',
      '9.9',
      '1',
      '',
      'KPS',
      '14/19',
      '0/0',
      '1e309',
      'NaN',
      '=HYPERLINK("x")',
      '-1',
      '35,5',
      '"',
    ),
    fc.string({ maxLength: 8 }),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 });
  const header = fc.oneof(
    fc.constant([...LONG_HEADER]),
    fc.shuffledSubarray([...LONG_HEADER, 'Lý do', 'Ghi chú', '1.1', '1.2', 'Điểm XHH']),
  );

  it('exits 0, 1 or 2 with no stack trace, whatever the rows (in-process main())', {
    timeout: 120_000,
  }, async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', tinyCriteria());
    let n = 0;
    await fc.assert(
      fc.asyncProperty(header, rows, fc.constantFrom('score', 'validate'), async (h, body, command) => {
        const name = `scores-${n++}.csv`;
        await ws.write(name, csv([h, ...body]));
        const r = await runInProcess([
          command,
          '--criteria',
          ws.path('criteria.csv'),
          '--scores',
          ws.path(name),
          '--format',
          'json',
        ]);
        expect([0, 1, 2], r.stderr).toContain(r.code);
        expect(hasStack(r.stderr)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
