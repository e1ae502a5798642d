// A zip writer for tests, written by hand so that each odd but valid shape of the format can be asked for:
// stored entries, data descriptors (with or without their signature), zip64 records, comments, extra
// fields, empty and directory entries, a central directory in another order than the entries.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipFile {
  name: string;
  data: Buffer | string;
  /** Written uncompressed (method 0). */
  stored?: boolean;
  /** Sizes and CRC after the data (flag bit 3), the local header's zeroed. */
  descriptor?: 'signed' | 'unsigned';
  /** 64-bit sizes and offset in zip64 extra fields. */
  zip64?: boolean;
  comment?: string;
  /** An extra field in the local header only. */
  extra?: Buffer;
  /** The uncompressed size the central directory claims (default honest). */
  declaredSize?: number;
  /** Claim twice the compressed size (a lying directory: no ratio or size guard sees the entry coming). */
  lie?: boolean;
  /** The CRC-32 the archive records (default the true one). */
  crc?: number;
}

export interface ZipOptions {
  comment?: string;
  /** The order of the central directory's records (indices into the files). */
  centralOrder?: number[];
  /** A zip64 end of central directory record and locator. */
  zip64End?: boolean;
}

export function writeZip(files: ZipFile[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    const method = f.stored ? 0 : 8;
    const packed = method === 0 ? data : deflateRawSync(data);
    const name = Buffer.from(f.name, 'utf8');
    const crc = f.crc ?? crc32(data);
    const flags = 0x0800 | (f.descriptor ? 0x0008 : 0);
    const size = f.lie ? Math.min(data.length, 2 * packed.length) : (f.declaredSize ?? data.length);
    const z64 = f.zip64 === true;
    const localZip64 = z64 ? zip64Extra([data.length, packed.length]) : Buffer.alloc(0);
    const localExtra = Buffer.concat([localZip64, f.extra ?? Buffer.alloc(0)]);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    if (!f.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(z64 ? 0xffffffff : packed.length, 18);
      local.writeUInt32LE(z64 ? 0xffffffff : data.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const parts = [local, name, localExtra, packed];
    if (f.descriptor) {
      const d = Buffer.alloc(z64 ? 20 : 12);
      d.writeUInt32LE(crc, 0);
      if (z64) {
        d.writeBigUInt64LE(BigInt(packed.length), 4);
        d.writeBigUInt64LE(BigInt(data.length), 12);
      } else {
        d.writeUInt32LE(packed.length, 4);
        d.writeUInt32LE(data.length, 8);
      }
      const signature = Buffer.alloc(4);
      signature.writeUInt32LE(0x08074b50, 0);
      parts.push(f.descriptor === 'signed' ? Buffer.concat([signature, d]) : d);
    }
    const comment = Buffer.from(f.comment ?? '', 'utf8');
    const centralExtra = z64 ? zip64Extra([size, packed.length, offset]) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(z64 ? 45 : 20, 4);
    central.writeUInt16LE(z64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(z64 ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(z64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt16LE(comment.length, 32);
    if (f.name.endsWith('/')) central.writeUInt32LE(0x10, 38); // MS-DOS directory attribute
    central.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    locals.push(...parts);
    centrals.push(Buffer.concat([central, name, centralExtra, comment]));
    offset += parts.reduce((n, p) => n + p.length, 0);
  }
  const order = options.centralOrder ?? centrals.map((_, i) => i);
  const dir = Buffer.concat(order.map((i) => centrals[i]!));
  const tail: Buffer[] = [];
  if (options.zip64End) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(files.length), 24);
    rec.writeBigUInt64LE(BigInt(files.length), 32);
    rec.writeBigUInt64LE(BigInt(dir.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(rec, locator);
  }
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.zip64End ? 0xffff : files.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(options.zip64End ? 0xffffffff : dir.length, 12);
  end.writeUInt32LE(options.zip64End ? 0xffffffff : offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, dir, ...tail, end, comment]);
}

/** A zip64 extended information extra field (id 1) holding the given 64-bit values. */
function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(1, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => {
    b.writeBigUInt64LE(BigInt(v), 4 + 8 * i);
  });
  return b;
}
