// Baseline: the floor of reading an xlsx — its worksheet entries inflated with Node's zlib, streamed,
// and their cells counted (`<c` tags), nothing else: no XML parsing, no shared strings, no values.
// Every program that reads the file's cells pays at least this. `node bench/baseline-floor.js FILE`
import { createReadStream, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';

const file = process.argv[2];
const fd = openSync(file, 'r');
const read = (at, length) => {
  const b = Buffer.alloc(length);
  readSync(fd, b, 0, length, at);
  return b;
};
const size = (await import('node:fs')).fstatSync(fd).size;

// The end of central directory record is in the last 64 KiB + 22 bytes.
const tailLength = Math.min(size, 65557);
const tail = read(size - tailLength, tailLength);
const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (eocd < 0) throw new Error('not a zip');
const entries = tail.readUInt16LE(eocd + 10);
const dirSize = tail.readUInt32LE(eocd + 12);
const dirAt = tail.readUInt32LE(eocd + 16);
const dir = read(dirAt, dirSize);
const sheets = [];
for (let i = 0, at = 0; i < entries; i++) {
  const method = dir.readUInt16LE(at + 10);
  const compressed = dir.readUInt32LE(at + 20);
  const nameLength = dir.readUInt16LE(at + 28);
  const extra = dir.readUInt16LE(at + 30);
  const comment = dir.readUInt16LE(at + 32);
  const local = dir.readUInt32LE(at + 42);
  const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) sheets.push({ name, method, compressed, local });
  at += 46 + nameLength + extra + comment;
}

const LT = 0x3c;
const C = 0x63;
let cells = 0;
for (const s of sheets) {
  const header = read(s.local, 30);
  const start = s.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = createReadStream(null, { fd, start, end: start + s.compressed - 1, autoClose: false });
  const stream = s.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  let lastLt = false; // a chunk ended on '<'
  for await (const chunk of stream) {
    if (lastLt && chunk[0] === C && (chunk[1] === 0x20 || chunk[1] === 0x3e)) cells++;
    let i = chunk.indexOf(LT);
    while (i >= 0) {
      // `<c ` or `<c>`: a cell (not <col, <cols, <cfRule)
      if (chunk[i + 1] === C && (chunk[i + 2] === 0x20 || chunk[i + 2] === 0x3e)) cells++;
      i = chunk.indexOf(LT, i + 1);
    }
    lastLt = chunk[chunk.length - 1] === LT;
  }
}
process.stderr.write(`${sheets.length} worksheet(s), ${cells} cells\n`);
