import { inflateRawSync } from 'node:zlib';
import { writeZip, type ZipEntry } from './zipWriter.js';

/** What to ask exceljs for: a zip with every entry stored, for `packZip` to compress. */
export const STORED = { zip: { compression: 'STORE' } } as const;

/**
 * Rewrites a zip written by exceljs (templates, converted tables, diagnostics) into the one we publish,
 * through the same writer as the reports (writeZip):
 * - Speed: exceljs compresses through JSZip's pure-JavaScript deflate; Node's native zlib is many times
 *   faster, so exceljs is asked to store and the entries are deflated here.
 * - Reproducibility: JSZip stamps entries with the time of writing, so two runs on the same inputs would
 *   differ; every entry is stamped `when` instead.
 * Names, contents and order are kept.
 */
export function packZip(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new Error('xlsx writer produced no zip end record');
  const count = view.getUint16(eocd + 10, true);
  const entries: ZipEntry[] = [];
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('xlsx writer produced a malformed zip');
    const method = view.getUint16(p + 10, true);
    const storedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const name = Buffer.from(zip.subarray(p + 46, p + 46 + nameLength)).toString('utf8');
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('xlsx writer produced a malformed zip');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(start, start + storedSize);
    if (method !== 0 && method !== 8) throw new Error(`xlsx writer used zip method ${method}`);
    entries.push({ name, data: method === 0 ? raw : inflateRawSync(raw) });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return writeZip(entries, when);
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= stop; p--) if (view.getUint32(p, true) === 0x06054b50) return p;
  return -1;
}

/**
 * The instant stamped on the report: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when
 * set to a valid number, else 1980-01-01, the zip format's own epoch. Never the wall clock (SPEC §5).
 */
export function reportDate(env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(Date.UTC(1980, 0, 1));
}
