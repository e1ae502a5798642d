import { UsageError } from '../model/errors.js';
import type { ByteSource } from '../ooxml/byteSource.js';
import { nfc } from '../ooxml/nfc.js';
import { decodeXml } from '../ooxml/xmlMarkup.js';
import { ZipEntries } from '../ooxml/zipEntries.js';
import { readError } from './source.js';

/** The parts of an .ods that SheetJS inflates; content.xml is read last, whole, for the hidden tables. */
const OTHER_PARTS = ['styles.xml', 'meta.xml', 'META-INF/manifest.xml'];

/**
 * An .ods checked the way an xlsx is before SheetJS holds it in memory: the zip directory (declared sizes)
 * and the bytes actually inflated, against --max-inflated-bytes, so that a zip bomb stops here. Returns the
 * names of the hidden tables, which SheetJS does not report: a table is hidden by its automatic style
 * (`<style:table-properties table:display="false">`).
 */
export async function odsHiddenTables(
  src: ByteSource,
  file: string,
  maxInflatedBytes: number,
): Promise<Set<string>> {
  try {
    const zip = await ZipEntries.open(src, file, maxInflatedBytes);
    for (const part of OTHER_PARTS) {
      for await (const _ of zip.chunks(part)) {
        // counted against the limit, then dropped
      }
    }
    if (!zip.has('content.xml')) {
      throw new UsageError('E_FILE_CORRUPT', { file, reason: 'ods-no-content' });
    }
    const content = await zip.text('content.xml');
    const unvalued = formulasWithoutValue(content);
    if (unvalued !== undefined) {
      throw new UsageError('E_FILE_CORRUPT', {
        file,
        sheet: unvalued,
        reason: 'ods-formula-no-value',
      });
    }
    return hiddenTables(content);
  } catch (e) {
    throw readError(e, file);
  }
}

/**
 * The first table with a formula cell that holds no result (no office:value-type), or undefined. SheetJS
 * drops such a cell without a word, and LibreOffice always stores results, so such a file is refused
 * rather than read with holes (an xlsx cell of that kind is a NO_CACHED_VALUE at its place).
 */
function formulasWithoutValue(content: string): string | undefined {
  let table = '';
  for (const m of content.matchAll(/<table:table(-cell)?\s([^>]*)>/g)) {
    if (m[1] === undefined) table = nfc(attr(m[2]!, 'table:name') ?? '');
    else if (m[2]!.includes('table:formula=') && !m[2]!.includes('office:value-type=')) return table;
  }
  return undefined;
}

const TABLE_STYLE = /<style:style\s([^>]*?)\/?>([\s\S]*?<\/style:style>)?/g;
const TABLE = /<table:table\s([^>]*)>/g;

function attr(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

export function hiddenTables(content: string): Set<string> {
  const stylesEnd = content.indexOf('</office:automatic-styles>');
  const styles = stylesEnd < 0 ? '' : content.slice(0, stylesEnd);
  const hiddenStyles = new Set<string>();
  for (const m of styles.matchAll(TABLE_STYLE)) {
    if (attr(m[1]!, 'style:family') !== 'table') continue;
    if (/table:display\s*=\s*["']false["']/.test(m[2] ?? ''))
      hiddenStyles.add(attr(m[1]!, 'style:name') ?? '');
  }
  const hidden = new Set<string>();
  if (hiddenStyles.size === 0) return hidden;
  for (const m of content.matchAll(TABLE)) {
    const style = attr(m[1]!, 'table:style-name');
    if (style !== undefined && hiddenStyles.has(style)) hidden.add(nfc(attr(m[1]!, 'table:name') ?? ''));
  }
  return hidden;
}
