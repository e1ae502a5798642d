// Mutations of the hostile corpus's small files, from a fixed seed: the same cases on every run. A zip is
// mutated either as bytes (to reach the zip reader's checks) or through its worksheet's XML, zipped again
// with a true CRC (to reach the scanner and the cell rules).
import { inflateRawSync } from 'node:zlib';
import { corpus, type HostileCase } from './corpus.js';
import { writeZip, type ZipFile } from './zipWriter.js';

/** mulberry32: a small seeded generator, so that a failing case can be named and rerun. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '<',
  '>',
  '"',
  "'",
  '&',
  '&#x0;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?',
  '?>',
  '</c>',
  '<v>',
  '</v>',
  '<c r="XFD1">',
  't="s"',
  '\u0000',
  '\uFFFD',
  ',',
  '"',
  '\n',
  '\r',
  ';',
  '0x',
  '1e309',
  'ệ',
];

function mutateBytes(b: Buffer, r: () => number): Buffer {
  const out = Buffer.from(b);
  const edits = 1 + Math.floor(r() * 4);
  let cur = out;
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(r() * cur.length);
    const op = Math.floor(r() * 5);
    if (op === 0) cur[at] = Math.floor(r() * 256);
    else if (op === 1) cur = cur.subarray(0, at);
    else if (op === 2)
      cur = Buffer.concat([
        cur.subarray(0, at),
        Buffer.from(TOKENS[Math.floor(r() * TOKENS.length)]!),
        cur.subarray(at),
      ]);
    else if (op === 3)
      cur = Buffer.concat([cur.subarray(0, at), cur.subarray(at + 1 + Math.floor(r() * 16))]);
    else {
      const len = Math.floor(r() * 64);
      cur = Buffer.concat([cur.subarray(0, at + len), cur.subarray(at, at + len), cur.subarray(at + len)]);
    }
  }
  return cur;
}

/** The entries of a zip written by writeZip (deflated or stored, sizes in the local headers). */
function entries(zip: Buffer): ZipFile[] {
  const out: ZipFile[] = [];
  for (let p = 0; p + 30 <= zip.length && zip.readUInt32LE(p) === 0x04034b50; ) {
    const method = zip.readUInt16LE(p + 8);
    const size = zip.readUInt32LE(p + 18);
    const nameLength = zip.readUInt16LE(p + 26);
    const extraLength = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 30, p + 30 + nameLength);
    const start = p + 30 + nameLength + extraLength;
    const packed = zip.subarray(start, start + size);
    out.push({ name, data: method === 0 ? packed : inflateRawSync(packed) });
    p = start + size;
  }
  return out;
}

/** Cases made by mutating the corpus's small files, `count` of them, from `seed`. */
export function mutations(seed: number, count: number): HostileCase[] {
  const r = rng(seed);
  const bases = corpus(1)
    .filter((c) => c.large !== true)
    .map((c) => ({ c, bytes: c.bytes() }));
  return Array.from({ length: count }, (_, i) => {
    const { c, bytes } = bases[Math.floor(r() * bases.length)]!;
    const zip = c.name.endsWith('.xlsx') && bytes.readUInt32LE(0) === 0x04034b50;
    let out: Buffer;
    if (zip && r() < 0.7) {
      const files = entries(bytes);
      const target = files[Math.floor(r() * files.length)]!;
      target.data = mutateBytes(Buffer.from(target.data), r);
      out = writeZip(files);
    } else out = mutateBytes(bytes, r);
    return {
      ...c,
      name: `m${i}-${c.name}`,
      what: `mutation ${i} of ${c.name} (seed ${seed})`,
      bytes: () => out,
    };
  });
}
