import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every sheet of an xlsx as LibreOffice exports it to CSV (cell contents as shown, UTF-8), by file name
 * ("report-Xếp hạng.csv"). Uses the real soffice: the test fails, not skips, when it is missing.
 */
export function sheetsAsCsv(file: string, dir: string): Map<string, string> {
  const soffice = execFileSync('sh', ['-c', 'command -v soffice || true'], { encoding: 'utf8' }).trim();
  if (!soffice) {
    throw new Error(
      'LibreOffice is needed for this test: apt-get install -y libreoffice-calc (provides soffice)',
    );
  }
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  // Token 9 "true": save cell contents as shown; token 12 "-1": every sheet to its own file.
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}
