import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll } from 'vitest';
import type { CellValue, SheetSource } from '../../src/model/cell.js';
import { openSheets, type ReadOptions } from '../../src/read/openSheets.js';

/** A temp dir for the calling test file, removed after its tests. */
export async function tempDir(): Promise<(name: string, content?: Buffer | string) => Promise<string>> {
  const dir = await mkdtemp(join(tmpdir(), 'cchc-read-test-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return async (name, content) => {
    const path = join(dir, name);
    if (content !== undefined) await writeFile(path, content);
    return path;
  };
}

export interface ReadSheet {
  sheet: string;
  index: number;
  hidden: boolean;
  rows: { row: number; cells: CellValue[] }[];
}

/** Every sheet with every row, read in order. */
export async function readAll(file: string, options?: ReadOptions): Promise<ReadSheet[]> {
  const out: ReadSheet[] = [];
  for await (const s of openSheets(file, options)) out.push({ ...meta(s), rows: await collect(s) });
  return out;
}

const meta = (s: SheetSource) => ({ sheet: s.sheet, index: s.index, hidden: s.hidden });

async function collect(s: SheetSource) {
  const rows: { row: number; cells: CellValue[] }[] = [];
  for await (const r of s.rows()) rows.push({ row: r.row, cells: [...r.cells] });
  return rows;
}

export const stdinOf = (bytes: Buffer): NodeJS.ReadableStream => Readable.from([bytes]);

/** Rejects with the UsageError's code (or resolves 'ok'). */
export async function errorCode(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? `not a UsageError: ${String(e)}`;
  }
}

/**
 * A zip written by hand, so tests control entry order, compression and the sizes the central directory
 * declares. `declare` overrides an entry's declared uncompressed size (the bytes stay honest); entries
 * named in `stored` are written uncompressed (method 0), as some generators do.
 */
export function zip(
  files: [name: string, content: string | Buffer][],
  declare: Record<string, number> = {},
  stored: readonly string[] = [],
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const method = stored.includes(name) ? 0 : 8;
    const packed = method === 0 ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declare[name] ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The parts of a minimal xlsx around the given sheet XML bodies (<sheetData> content). */
export function xlsxParts(
  sheets: { name: string; data: string; state?: string; after?: string }[],
  extra: { sharedStrings?: string[]; styles?: string; date1904?: boolean } = {},
): [string, string][] {
  const sheetList = sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const parts: [string, string][] = [
    [
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook ${NS} ${RNS}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetList}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ],
  ];
  if (extra.sharedStrings) {
    const items = extra.sharedStrings
      .map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`))
      .join('');
    parts.push(['xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>${items}</sst>`]);
  }
  if (extra.styles) parts.push(['xl/styles.xml', extra.styles]);
  sheets.forEach((s, i) => {
    parts.push([
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0"?><worksheet ${NS} ${RNS}><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`,
    ]);
  });
  return parts;
}
