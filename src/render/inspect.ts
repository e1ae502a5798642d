import { INSPECT_LABELS } from '../i18n/inspectLabels.js';
import { columnLetter } from '../model/cell.js';
import type { Ledger, LedgerColumn, LedgerFile, LedgerSheet } from '../model/ledger.js';
import type { Lang } from '../model/settings.js';
import { escapeControls } from '../model/terminalText.js';

/** Units named in full under a sheet; the rest are counted. */
const UNITS_SHOWN = 8;
/** Score-file fields that are known but not needed to score. */
const NOT_NEEDED = new Set(['stt', 'criterion_name', 'max']);

/**
 * `cchc inspect` as text: each file, each sheet with what became of it (read, skipped or refused, and why),
 * the header rows, what each column is read as, the units found and the rows read, set aside or rejected.
 */
export function renderInspect(ledger: Ledger, lang: Lang, checked: boolean): string {
  const L = INSPECT_LABELS[lang];
  const out: string[] = [];
  for (const file of ledger.files) {
    out.push(`${escapeControls(file.file)} — ${L.role[file.role]}`);
    for (const sheet of file.sheets) out.push(...sheetLines(sheet, file, lang));
  }
  if (!checked && ledger.files.some((f) => f.role !== 'criteria')) out.push(`(${L.unchecked})`);
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function sheetLines(sheet: LedgerSheet, file: LedgerFile, lang: Lang): string[] {
  const L = INSPECT_LABELS[lang];
  const status = L.status[sheet.status];
  const what = [
    sheet.reason ? L.reason[sheet.reason] : undefined,
    sheet.layout ? L.layout[sheet.layout] : undefined,
    sheet.header ? L.headerRows(sheet.header.first, sheet.header.last) : undefined,
  ].filter((w): w is string => w !== undefined);
  const lines = [
    `  ${L.sheet(sheet.index, escapeControls(sheet.sheet))}: ${status}${what.length ? ` — ${what.join(', ')}` : ''}`,
  ];
  if (sheet.found) lines.push(`    ${L.found(sheet.found.row, escapeControls(sheet.found.text))}`);
  if (sheet.status !== 'read') {
    if (sheet.units.length > 0)
      lines.push(`    ${L.units(sheet.units.length, sheet.units.map(escapeControls).join(', '), 0)}`);
    return lines;
  }
  const width = Math.max(0, ...sheet.columns.map((c) => escapeControls(c.header).length));
  for (const c of sheet.columns) {
    const header = `"${escapeControls(c.header)}"`.padEnd(width + 3);
    lines.push(`    ${L.column} ${columnLetter(c.index).padEnd(3)}${header}${columnRole(c, file, lang)}`);
  }
  if (sheet.units.length > 0) {
    const shown = sheet.units.slice(0, UNITS_SHOWN).map(escapeControls).join(', ');
    lines.push(`    ${L.units(sheet.units.length, shown, sheet.units.length - UNITS_SHOWN)}`);
  }
  if (file.role !== 'criteria') lines.push(`    ${L.rows(sheet.rows)}`);
  return lines;
}

function columnRole(c: LedgerColumn, file: LedgerFile, lang: Lang): string {
  const L = INSPECT_LABELS[lang];
  if (c.ignored) return c.code ? `${c.code}: ${L.ignored[c.ignored]}` : (L.ignored[c.ignored] ?? c.ignored);
  if (c.role === 'leaf') return L.leaf(c.code ?? '', L.field[c.value ?? 'appraised'] ?? '');
  const name = (c.role && L.field[c.role]) ?? c.role ?? '';
  return file.role !== 'criteria' && c.role && NOT_NEEDED.has(c.role) ? `${name} (${L.notNeeded})` : name;
}
