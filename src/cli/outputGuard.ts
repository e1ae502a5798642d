import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';

/**
 * Where a path really leads: symbolic links and `..` resolved as the system resolves them (`a/../x` with `a`
 * a link is not `./x`). For a file that does not exist yet, its real folder and its name. This is also
 * where an output is written, so a link to a report is followed and the report it points to replaced.
 */
export function realTarget(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realpathSync.native(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

interface FileId {
  given: string;
  real: string;
  /** Device and inode of an existing file: hard links (and, on a case-insensitive disk, another case). */
  inode: string | null;
}

function fileId(path: string): FileId {
  let inode: string | null = null;
  try {
    const s = statSync(path, { bigint: true });
    if (s.ino !== 0n) inode = `${s.dev}:${s.ino}`;
  } catch {
    inode = null;
  }
  return { given: path, real: realTarget(path), inode };
}

const same = (a: FileId, b: FileId): boolean =>
  a.real === b.real || (a.inode !== null && a.inode === b.inode);

/**
 * Refuses, before anything is read or written, an output that is one of the inputs (E_OUTPUT_IS_INPUT) and
 * two outputs that are one file (E_OUTPUT_TWICE). Files are compared, not spellings: real paths, then device
 * and inode for files that exist. `-` (standard input or output) is no file. Two names that differ only in
 * case on a case-insensitive disk are caught only when the file exists (by its inode).
 */
export function guardOutputs(outputs: readonly string[], inputs: readonly (string | undefined)[]): void {
  const ins = inputs.filter((i): i is string => i !== undefined && i !== '-').map(fileId);
  const seen: FileId[] = [];
  for (const path of outputs) {
    if (path === '-') continue;
    const out = fileId(path);
    const input = ins.find((i) => same(i, out));
    if (input) throw new UsageError('E_OUTPUT_IS_INPUT', { file: path, input: input.given });
    const earlier = seen.find((o) => same(o, out));
    if (earlier) throw new UsageError('E_OUTPUT_TWICE', { file: path, other: earlier.given });
    seen.push(out);
  }
}
