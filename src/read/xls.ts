import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../model/errors.js';
import type { ByteSource } from '../ooxml/byteSource.js';

/** A generous bound: a national .xls converts in well under a minute. */
const CONVERT_TIMEOUT_MS = 180_000;

export interface Converted {
  /** The .xlsx LibreOffice wrote. */
  path: string;
  /** Removes the temp dir (converted file and LibreOffice profile). */
  cleanup: () => Promise<void>;
}

/** `soffice` or `libreoffice` on PATH, or undefined. */
export async function findLibreOffice(): Promise<string | undefined> {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        if ((await stat(candidate)).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Legacy .xls (BIFF, or HTML saved as .xls) → .xlsx via LibreOffice headless, in a private temp dir with a
 * private profile: with the user's own profile, a running LibreOffice swallows the request and exits 0
 * without converting.
 */
export async function convertXls(src: ByteSource, file: string): Promise<Converted> {
  const soffice = await findLibreOffice();
  if (!soffice) throw new UsageError('E_XLS_NEEDS_LIBREOFFICE', { file });
  const dir = await mkdtemp(join(tmpdir(), 'cchc-xls-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    let input: string;
    if (src.kind === 'file' && extname(src.path).toLowerCase() === '.xls') input = resolve(src.path);
    else {
      input = join(dir, 'input.xls');
      if (src.kind === 'buffer') await writeFile(input, src.buffer);
      else await copyFile(src.path, input);
    }
    const outDir = join(dir, 'out');
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [
      '--headless',
      '--norestore',
      `-env:UserInstallation=${profile}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      input,
    ];
    const status = await run(soffice, args);
    const path = join(outDir, `${basename(input, extname(input))}.xlsx`);
    try {
      await access(path, constants.R_OK);
    } catch {
      throw new UsageError('E_FILE_CORRUPT', {
        file,
        reason: `LibreOffice could not convert the file (${status})`,
      });
    }
    return { path, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'ignore', timeout: CONVERT_TIMEOUT_MS });
    child.on('error', (e) => done(e.message));
    child.on('close', (code, signal) => done(signal ? `killed by ${signal}` : `exit code ${code}`));
  });
}
