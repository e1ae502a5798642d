import { extname } from 'node:path';
import { UsageError } from '../model/errors.js';
import { type ByteSource, readRange, withReader } from '../ooxml/byteSource.js';
import { detectEncoding, looksBinary } from './decodeText.js';

/**
 * What an input really is, judged by its bytes: an Office Open XML package (xlsx), an OpenDocument
 * spreadsheet (ods), an OLE2 compound file (cfb: a legacy .xls, or an encrypted xlsx), an HTML table or an
 * XML spreadsheet (Excel 2003 XML, flat ODS) as web systems export them, or delimited text (csv).
 */
export type InputFormat = 'xlsx' | 'ods' | 'cfb' | 'html' | 'xml' | 'csv';

/** The format each extension promises, for the info that says when the content is something else. */
const PROMISED: Record<string, 'xlsx' | 'xls' | 'ods' | 'html' | 'xml' | 'csv'> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xltx': 'xlsx',
  '.xltm': 'xlsx',
  '.xls': 'xls',
  '.xlt': 'xls',
  '.ods': 'ods',
  '.ots': 'ods',
  '.htm': 'html',
  '.html': 'html',
  '.xml': 'xml',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
};

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODF_MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet';

/** The format an input's name promises ('xls' for .xls), or undefined for stdin and other names. */
export function promisedFormat(file: string): string | undefined {
  return file === '-' ? undefined : PROMISED[extname(file).toLowerCase()];
}

export async function sniffFormat(src: ByteSource, file: string): Promise<InputFormat> {
  const head = await readRange(src, 0, 8192);
  const corrupt = (reason: string) => new UsageError('E_FILE_CORRUPT', { file, reason });
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (head[2] !== 0x03 || head[3] !== 0x04) {
      throw corrupt(head[2] === 0x05 ? 'zip-empty' : 'zip-damaged');
    }
    // ODF puts an uncompressed "mimetype" entry first, so its name and content are right here.
    return head.subarray(30, 30 + 8 + 46).toString('latin1') === ODF_MIMETYPE ? 'ods' : 'xlsx';
  }
  if (CFB_MAGIC.every((b, i) => head[i] === b)) {
    // Excel saves a password-protected .xlsx as an OLE2 container (EncryptionInfo + EncryptedPackage).
    if (await cfbIsEncryptedPackage(src)) throw new UsageError('E_FILE_ENCRYPTED', { file });
    return 'cfb';
  }
  const markup = markupKind(head, head.length >= src.size);
  if (markup === 'other-xml') throw corrupt('xml-not-spreadsheet');
  if (markup !== undefined) return markup;
  if (promisedFormat(file) === 'xlsx' || promisedFormat(file) === 'ods') {
    throw corrupt('not-a-zip');
  }
  if (looksBinary(head)) throw corrupt('binary-unknown');
  return 'csv';
}

/**
 * An HTML table or an XML spreadsheet, from the start of a text: web systems export both under an .xls
 * name. Other XML is no spreadsheet; text that does not start with markup is left to the CSV reader.
 */
function markupKind(head: Buffer, complete: boolean): 'html' | 'xml' | 'other-xml' | undefined {
  const { encoding, bom } = detectEncoding(head, complete);
  const text = new TextDecoder(encoding).decode(head.subarray(bom)).trimStart().slice(0, 4096);
  if (!text.startsWith('<')) return undefined;
  const lower = text.toLowerCase();
  // The spreadsheet markers first: Excel 2003 XML has <Table> and <Row> elements of its own.
  if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet') || lower.includes('<office:document')) {
    return 'xml';
  }
  if (/<(?:!doctype html|html|table|meta|head|body)[\s>]/.test(lower)) return 'html';
  return lower.startsWith('<?xml') ? 'other-xml' : undefined;
}

/** Look for the EncryptionInfo stream name (UTF-16LE) in the first directory sectors of a compound file. */
async function cfbIsEncryptedPackage(src: ByteSource): Promise<boolean> {
  return withReader(src, async (readAt) => {
    const header = await readAt(0, 512);
    if (header.length < 512) return false;
    const sectorSize = 1 << header.readUInt16LE(0x1e);
    const firstDirSector = header.readUInt32LE(0x30);
    if (sectorSize > 65536 || firstDirSector >= 0xfffffffa) return false;
    const dir = await readAt((firstDirSector + 1) * sectorSize, 8 * 512);
    return dir.includes(Buffer.from('EncryptionInfo', 'utf16le'));
  });
}
