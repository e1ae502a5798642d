import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';

/** Refuses an output path that is one of the inputs (docs/outputs.md). */
export function assertNotInput(out: string, inputs: readonly string[]): void {
  const target = resolve(out);
  for (const i of inputs)
    if (i !== '-' && resolve(i) === target) throw new UsageError('E_OUTPUT_IS_INPUT', { file: out });
}

/** Writes via a temporary file in the same folder and a rename, so a reader never sees half a file. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw new UsageError('E_WRITE_FAILED', {
      file: path,
      reason: (e as NodeJS.ErrnoException).code ?? String(e),
    });
  }
}
