import { crc32, inflateRawSync } from 'node:zlib';

/** One entry of a zip as its headers describe it, for tests of what the writer put there. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  data: Buffer;
}

/**
 * A deliberately independent zip reader for tests: walks the central directory, checks each local header
 * agrees with it, inflates the data and checks its CRC-32.
 */
export function zipEntryInfos(zip: Uint8Array): ZipEntryInfo[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd !== buf.length - 22) throw new Error('no end of central directory at the end');
  const count = buf.readUInt16LE(eocd + 10);
  const directoryOffset = buf.readUInt32LE(eocd + 16);
  if (directoryOffset + buf.readUInt32LE(eocd + 12) !== eocd) throw new Error('directory size mismatch');
  const out: ZipEntryInfo[] = [];
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    for (const [c, l] of [
      [8, 6],
      [10, 8],
      [12, 10],
      [14, 12],
      [16, 14],
      [20, 18],
      [24, 22],
    ] as const) {
      if (buf.readUInt16LE(p + c) !== buf.readUInt16LE(local + l)) {
        throw new Error(`local header of ${name} disagrees at ${l}`);
      }
    }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (data.length !== size) throw new Error(`size of ${name}`);
    if (crc32(data) !== crc) throw new Error(`crc of ${name}`);
    out.push({
      name,
      method,
      flags: buf.readUInt16LE(p + 8),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc,
      data,
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** Entry name → uncompressed content, in archive order. */
export const zipEntries = (zip: Uint8Array): Map<string, Buffer> =>
  new Map(zipEntryInfos(zip).map((e) => [e.name, e.data]));
