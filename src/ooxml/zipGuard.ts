import { type ByteSource, withReader } from './byteSource.js';
import { FormatError } from './errors.js';

/**
 * Zip bomb and truncation guard: read the zip's central directory (without inflating anything) and refuse
 * the file before exceljs streams it. The declared sizes can lie, so the readers also count the bytes
 * they actually inflate (see xlsx.ts); this check catches honest bombs and damaged files early and cheaply.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** CRC-32 of the inflated bytes, as the central directory gives it. */
  crc: number;
}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;
const MAX_DIRECTORY = 16 * 1024 * 1024;
/** An entry over this size must not inflate more than RATIO_LIMIT times its compressed size. */
const RATIO_MIN_SIZE = 10 * 1024 * 1024;
const RATIO_LIMIT = 1000;

export async function inspectZip(
  src: ByteSource,
  file: string,
  maxInflatedBytes: number,
): Promise<ZipEntry[]> {
  const corrupt = (reason: string, more: Record<string, string> = {}) =>
    new FormatError('E_FILE_CORRUPT', { file, reason, ...more });
  return withReader(src, async (readAt) => {
    const tailStart = Math.max(0, src.size - (22 + MAX_COMMENT));
    const tail = await readAt(tailStart, src.size - tailStart);
    const at = findEocd(tail);
    if (at < 0) throw corrupt('zip-no-directory');
    const eocdPos = tailStart + at;
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locator = await readAt(eocdPos - 20, 20);
      if (locator.length < 20 || locator.readUInt32LE(0) !== EOCD64_LOCATOR_SIG)
        throw corrupt('zip64-damaged');
      const rec = await readAt(Number(locator.readBigUInt64LE(8)), 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== EOCD64_SIG) throw corrupt('zip64-damaged');
      count = Number(rec.readBigUInt64LE(32));
      dirSize = Number(rec.readBigUInt64LE(40));
      dirOffset = Number(rec.readBigUInt64LE(48));
    }
    if (dirOffset + dirSize > eocdPos) throw corrupt('zip-truncated');
    if (dirSize > MAX_DIRECTORY) throw corrupt('zip-directory-too-large');
    const dir = await readAt(dirOffset, dirSize);
    const entries = parseDirectory(dir, count, corrupt);

    let total = 0;
    for (const e of entries) {
      if (e.flags & 1) throw new FormatError('E_FILE_ENCRYPTED', { file });
      total += e.uncompressedSize;
      // Not a size limit (raising --max-inflated-bytes would not help): no spreadsheet compresses so well.
      if (e.uncompressedSize > RATIO_MIN_SIZE && e.uncompressedSize > RATIO_LIMIT * e.compressedSize) {
        throw new FormatError('E_ZIP_RATIO', {
          file,
          entry: e.name,
          size: e.uncompressedSize,
          compressed: e.compressedSize,
          ratio: RATIO_LIMIT,
        });
      }
      if (total > maxInflatedBytes) {
        throw new FormatError('E_ZIP_TOO_LARGE', { file, size: total, limit: maxInflatedBytes });
      }
      if (e.localOffset + 30 + e.compressedSize > dirOffset)
        throw corrupt('zip-entry-truncated', { entry: e.name });
      const local = await readAt(e.localOffset, 4);
      if (local.length < 4 || local.readUInt32LE(0) !== LOCAL_SIG)
        throw corrupt('zip-entry-damaged', { entry: e.name });
    }
    return entries;
  });
}

function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) return i;
  }
  return -1;
}

function parseDirectory(dir: Buffer, count: number, corrupt: (reason: string) => FormatError): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIG) throw corrupt('zip-directory-damaged');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > dir.length) throw corrupt('zip-directory-damaged');
    const entry: ZipEntry = {
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      flags: dir.readUInt16LE(p + 8),
      method: dir.readUInt16LE(p + 10),
      crc: dir.readUInt32LE(p + 16),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
    };
    applyZip64(entry, dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    p = end;
  }
  return entries;
}

/** ZIP64 extra field (id 1): 64-bit values for exactly those 32-bit fields that hold 0xFFFFFFFF, in order. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  const full = 0xffffffff;
  if (entry.uncompressedSize !== full && entry.compressedSize !== full && entry.localOffset !== full) return;
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const size = extra.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      const next = () => {
        const v = r + 8 <= q + 4 + size && r + 8 <= extra.length ? Number(extra.readBigUInt64LE(r)) : full;
        r += 8;
        return v;
      };
      if (entry.uncompressedSize === full) entry.uncompressedSize = next();
      if (entry.compressedSize === full) entry.compressedSize = next();
      if (entry.localOffset === full) entry.localOffset = next();
      return;
    }
    q += 4 + size;
  }
}
