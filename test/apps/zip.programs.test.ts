// The zip writer as other zip readers see it: the system unzip and Python's zipfile (CRC, names, dates).
// Part of `npm run test:apps`; test/render/zipWriter.test.ts checks the same bytes with an independent reader.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../src/ooxml/zipWriter.js';

const WHEN = new Date(Date.UTC(2024, 2, 5, 8, 30, 14));

describe('writeZip read by other programs', () => {
  it('is read by the system unzip and Python, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-zip-'));
    try {
      const file = join(dir, 'a.zip');
      writeFileSync(file, writeZip([{ name: 'a/b.txt', data: 'xin chào & <ok>' }], WHEN));
      expect(execFileSync('unzip', ['-p', file, 'a/b.txt'], { encoding: 'utf8' })).toBe('xin chào & <ok>');
      const py =
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(z.infolist()[0].date_time)';
      expect(execFileSync('python3', ['-c', py, file], { encoding: 'utf8' }).trim()).toBe(
        '(2024, 3, 5, 8, 30, 14)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
