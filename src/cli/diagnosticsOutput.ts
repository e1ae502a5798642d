import { formatDiagnostic, formatMessage } from '../i18n/format.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import type { RowCounts } from '../model/scores.js';
import type { Lang } from '../model/settings.js';
import { escapeControls } from '../model/terminalText.js';
import { quote } from '../render/csv.js';
import { neutralise } from '../render/neutralise.js';
import { paint as painter } from '../render/paint.js';
import type { OutputFile } from './outputSet.js';

const SEVERITY_WORD: Record<Lang, Record<Diagnostic['severity'], string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * "lỗi E_SCORE_ABOVE_MAX scores.xlsx › Xã › D7: 3,5 vượt điểm tối đa 3 của 2.1.1", one per line, for a
 * terminal: control characters from the inputs (in names, cells, file names) are shown escaped.
 */
export function diagnosticLines(diagnostics: readonly Diagnostic[], lang: Lang, color: boolean): string {
  const c = painter(color);
  const paint = { error: c.red, warning: c.yellow, info: c.dim };
  return diagnostics
    .map(
      (d) =>
        `${paint[d.severity](`${SEVERITY_WORD[lang][d.severity]} ${d.code}`)} ${escapeControls(formatDiagnostic(d, lang))}\n`,
    )
    .join('');
}

export function summaryLine(diagnostics: readonly Diagnostic[], rows: RowCounts | null, lang: Lang): string {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  const [e, w, i] = [count('error'), count('warning'), count('info')];
  const rowText = rows
    ? lang === 'vi'
      ? `; dòng dữ liệu: đọc ${rows.read}, chấm điểm ${rows.scored}, bị từ chối ${rows.rejected}`
      : `; rows read ${rows.read}, scored ${rows.scored}, rejected ${rows.rejected}`
    : '';
  return lang === 'vi'
    ? `${e} lỗi, ${w} cảnh báo, ${i} thông tin${rowText}\n`
    : `${e} errors, ${w} warnings, ${i} info${rowText}\n`;
}

/** Diagnostics as plain records, the shape of the JSON schema's `diagnostics` list. */
export function diagnosticRecords(diagnostics: readonly Diagnostic[], lang: Lang) {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: formatMessage(d, lang),
    file: d.location.file ?? null,
    sheet: d.location.sheet ?? null,
    row: d.location.row ?? null,
    column: d.location.column ?? null,
    cell: d.location.cell ?? null,
  }));
}

const csvField = (v: string | number | null): string =>
  v === null ? '' : typeof v === 'number' ? String(v) : quote(neutralise(v));

const KEYS = ['severity', 'code', 'file', 'sheet', 'cell', 'row', 'column', 'message'] as const;

/** Column headers of the --diagnostics CSV and workbook, for the clerk who opens them. */
const HEADERS: Record<Lang, Record<(typeof KEYS)[number], string>> = {
  vi: {
    severity: 'Mức độ',
    code: 'Mã',
    file: 'Tệp',
    sheet: 'Trang tính',
    cell: 'Ô',
    row: 'Dòng',
    column: 'Cột',
    message: 'Nội dung',
  },
  en: {
    severity: 'Severity',
    code: 'Code',
    file: 'File',
    sheet: 'Sheet',
    cell: 'Cell',
    row: 'Row',
    column: 'Column',
    message: 'Message',
  },
};

type DiagnosticsFormat = 'json' | 'csv' | 'xlsx';

/** The format of a --diagnostics file from its extension; checked before anything is read. */
export function diagnosticsFormat(path: string): DiagnosticsFormat {
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'json' || ext === 'csv' || ext === 'xlsx') return ext;
  throw new UsageError('E_OUTPUT_FORMAT', { file: path });
}

/** --diagnostics FILE: the list for the clerk to fix, as .json, .csv or .xlsx (written with the reports). */
export async function diagnosticsFile(
  path: string,
  diagnostics: readonly Diagnostic[],
  rows: RowCounts | null,
  lang: Lang,
  stamp: Date,
): Promise<OutputFile> {
  const records = diagnosticRecords(diagnostics, lang);
  const ext = diagnosticsFormat(path);
  const keys = KEYS;
  // The table files are for people: headers and severities in their language. The JSON keeps the codes.
  const cells = records.map((r) => ({ ...r, severity: SEVERITY_WORD[lang][r.severity] }));
  const header = keys.map((k) => HEADERS[lang][k]);
  if (ext === 'json') {
    return {
      path,
      data: `${JSON.stringify({ schema: 'cchc.diagnostics/1', rows, diagnostics: records }, null, 2)}\n`,
    };
  } else if (ext === 'csv') {
    const lines = [
      header.map(csvField).join(','),
      ...cells.map((r) => keys.map((k) => csvField(r[k])).join(',')),
    ];
    return { path, data: `${lines.join('\n')}\n` };
  } else {
    const { WorkbookWriter } = await import('../ooxml/workbookWriter.js');
    const name = lang === 'vi' ? 'Cảnh báo' : 'Diagnostics';
    const wb = new WorkbookWriter({ creator: 'cchc', title: name, created: stamp, modified: stamp });
    const ws = wb.addSheet(name, { frozen: { rows: 1, columns: 0 } });
    ws.addRow(header);
    for (const r of cells) {
      ws.addRow(
        keys.map((k) => {
          const v = r[k];
          return typeof v === 'string' ? neutralise(v) : v;
        }),
      );
    }
    return { path, data: wb.toBytes(stamp) };
  }
}
