import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../model/errors.js';
import { realTarget } from './outputGuard.js';

/** Where one output's bytes go, in order. */
export interface OutputSink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Done writing; the file stays under its temporary name until the set is committed. */
  close(): Promise<void>;
}

export interface OutputFile {
  path: string;
  /** The bytes, or their pieces in order. */
  data: string | Uint8Array | readonly Uint8Array[];
}

/** The signals that end a run from outside: Ctrl-C, kill, the terminal closing. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface Staged {
  given: string;
  target: string;
  tmp: string;
  fd: number | null;
  renamed: boolean;
}

const failed = (file: string, e: unknown): UsageError =>
  e instanceof UsageError
    ? e
    : new UsageError('E_WRITE_FAILED', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });

/**
 * Lets the event loop run one full round, its poll for I/O included: a signal that arrived while the
 * writes held the thread is delivered to its listener now. One setImmediate is not enough — called from
 * an I/O callback it runs before the loop polls again.
 */
const settle = async (): Promise<void> => {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
};

/**
 * A set of output files written all or nothing (docs/outputs.md, "Writing files"). Each regular file is
 * written under a temporary name in its target's folder (`.name.<random>.tmp`, created exclusively, with
 * the mode of the file it replaces) and flushed to disk; a FIFO or a device is written directly, being no
 * file to replace. commit() renames every temporary file onto its target in one synchronous loop, once
 * every output has been written; abort() — and SIGINT, SIGTERM or SIGHUP before the renames — removes them,
 * so no target is replaced and no temporary file is left. After cleaning up, a signal is raised again with
 * its default action, so the run ends as interrupted runs do (a shell shows 130 for SIGINT, 143 for
 * SIGTERM) — also when a thread is blocked opening a FIFO no one reads, where process.exit() would wait.
 * The set listens for those signals from its creation to the end of commit() or abort(): always end it.
 */
export class OutputSet {
  readonly #staged: Staged[] = [];
  /** FIFOs and devices being written, with the path given for each. */
  readonly #direct = new Map<FileHandle, string>();
  #listening = false;

  constructor() {
    for (const s of SIGNALS) process.on(s, this.#onSignal);
    this.#listening = true;
  }

  /** Starts an output; its bytes go to a temporary file until commit(). */
  async open(path: string): Promise<OutputSink> {
    const target = realTarget(path);
    let mode: number | null = null;
    try {
      const s = statSync(target);
      if (s.isDirectory()) throw failed(path, Object.assign(new Error(), { code: 'EISDIR' }));
      if (!s.isFile()) return await this.#openDirect(path);
      mode = s.mode & 0o7777;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw failed(path, e);
    }
    const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const staged: Staged = { given: path, target, tmp, fd: null, renamed: false };
    // Known before it exists: a signal from here on removes it. The open and the writes are synchronous, so
    // no listener runs between the file's creation and this record.
    this.#staged.push(staged);
    try {
      staged.fd = openSync(tmp, 'wx', 0o666);
      if (mode !== null) fchmodSync(staged.fd, mode);
    } catch (e) {
      throw failed(path, e);
    }
    return {
      write: async (chunk) => {
        try {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          for (let at = 0; at < bytes.length; ) at += writeSync(staged.fd!, bytes, at, bytes.length - at);
        } catch (e) {
          throw failed(path, e);
        }
      },
      close: async () => this.#closeStaged(staged),
    };
  }

  /** Puts every output in place; on a failure, whatever was not yet renamed is removed. */
  async commit(): Promise<void> {
    try {
      for (const s of this.#staged) this.#closeStaged(s);
      for (const [h, path] of [...this.#direct]) await this.#closeDirect(h, path);
      await settle();
      for (const s of this.#staged) {
        try {
          renameSync(s.tmp, s.target);
          s.renamed = true;
        } catch (e) {
          throw failed(s.given, e);
        }
      }
      // A signal that came during the renames ends the run now, the set complete.
      await settle();
    } catch (e) {
      this.abort();
      throw e;
    }
    this.#stopListening();
  }

  /** Removes every temporary file not yet renamed; nothing is replaced. */
  abort(): void {
    this.#removeTemporaries();
    for (const h of this.#direct.keys()) void h.close().catch(() => {});
    this.#direct.clear();
    this.#stopListening();
  }

  async #openDirect(path: string): Promise<OutputSink> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'w');
    } catch (e) {
      throw failed(path, e);
    }
    this.#direct.set(handle, path);
    return {
      write: async (chunk) => {
        try {
          await handle.writeFile(chunk);
        } catch (e) {
          throw failed(path, e);
        }
      },
      close: async () => this.#closeDirect(handle, path),
    };
  }

  async #closeDirect(handle: FileHandle, path: string): Promise<void> {
    if (!this.#direct.delete(handle)) return;
    try {
      await handle.close();
    } catch (e) {
      throw failed(path, e);
    }
  }

  #closeStaged(s: Staged): void {
    if (s.fd === null) return;
    const fd = s.fd;
    s.fd = null;
    try {
      // On disk before the rename: after a crash the target holds the old report or the new, never a hole.
      fsyncSync(fd);
      closeSync(fd);
    } catch (e) {
      throw failed(s.given, e);
    }
  }

  #removeTemporaries(): void {
    for (const s of this.#staged) {
      if (s.fd !== null) {
        try {
          closeSync(s.fd);
        } catch {}
        s.fd = null;
      }
      if (!s.renamed) {
        try {
          unlinkSync(s.tmp);
        } catch {}
      }
    }
  }

  #stopListening(): void {
    if (!this.#listening) return;
    this.#listening = false;
    for (const s of SIGNALS) process.removeListener(s, this.#onSignal);
  }

  readonly #onSignal = (signal: NodeJS.Signals): void => {
    this.#removeTemporaries();
    this.#stopListening();
    process.kill(process.pid, signal);
  };
}

/** Writes the files as one set (OutputSet): all of them, or none and no temporary file left. */
export async function writeFiles(files: readonly OutputFile[]): Promise<void> {
  if (files.length === 0) return;
  const set = new OutputSet();
  try {
    for (const f of files) {
      const sink = await set.open(f.path);
      for (const piece of typeof f.data === 'string' || !Array.isArray(f.data) ? [f.data] : f.data)
        await sink.write(piece);
      await sink.close();
    }
    await set.commit();
  } catch (e) {
    set.abort();
    throw e;
  }
}
