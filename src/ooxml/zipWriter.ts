import { type DeflatedData, deflated } from './entryDeflater.js';

/**
 * One file of the archive: its path inside the zip and its content (strings are written as UTF-8), or
 * content deflated beforehand (a worksheet deflates as its rows are written).
 */
export interface ZipEntry {
  name: string;
  data: string | Uint8Array | DeflatedData;
}

const isDeflated = (d: ZipEntry['data']): d is DeflatedData => typeof d === 'object' && 'chunks' in d;

/**
 * A zip archive (PKWARE APPNOTE 4.3) of the given entries, in the given order, each deflated with Node's
 * native zlib. Every entry carries the one instant `when`, so the same entries give the same bytes.
 * Sizes and CRC go in the local header (no data descriptors), names are flagged UTF-8; no zip64, which an
 * xlsx never needs, so an entry or archive past 4 GiB is refused rather than written corrupt.
 * The archive comes as pieces, to be written one after the other without joining them in memory.
 */
export function zipParts(entries: readonly ZipEntry[], when: Date): Buffer[] {
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} entries, at most 65535 without zip64`);
  const { time, date } = dosDateTime(when);
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = isDeflated(entry.data) ? entry.data : deflated(entry.data);
    const name = Buffer.from(entry.name, 'utf8');
    if (data.size > 0xffffffff || offset + 30 + name.length + data.compressedSize > 0xffffffff) {
      throw new Error(`zip: ${entry.name} does not fit without zip64`);
    }

    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: the name is UTF-8
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(data.crc, 14);
    local.writeUInt32LE(data.compressedSize, 18);
    local.writeUInt32LE(data.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    name.copy(local, 30);

    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, spec 2.0 (no Unix permissions to carry)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(data.crc, 16);
    central.writeUInt32LE(data.compressedSize, 20);
    central.writeUInt32LE(data.size, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk number, internal and external attributes: all 0 (alloc zero-fills)
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);

    parts.push(local, ...data.chunks);
    centrals.push(central);
    offset += local.length + data.compressedSize;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); // entries on this disk
  end.writeUInt16LE(entries.length, 10); // entries in total
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return [...parts, ...centrals, end];
}

/** The archive of `zipParts` as one byte array. */
export function writeZip(entries: readonly ZipEntry[], when: Date): Uint8Array {
  return new Uint8Array(Buffer.concat(zipParts(entries, when)));
}

/**
 * MS-DOS date and time (UTC, 2-second resolution); clamped to the years the format holds (1980–2107).
 */
export function dosDateTime(when: Date): { time: number; date: number } {
  if (when.getUTCFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (when.getUTCFullYear() > 2107) return { time: 0, date: (127 << 9) | (12 << 5) | 31 };
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  return { time, date };
}
