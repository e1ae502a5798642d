import type { DiagnosticArgs } from '../../model/diagnostic.js';
import { type Entry, q } from './helpers.js';

/**
 * Why a file is damaged or not a spreadsheet (E_FILE_CORRUPT), by the reason code the readers give; the
 * code's own arguments name the zip entry (`entry`, `other`), the tag (`tag`, `expected`), the text found
 * (`found`), a number (`method`, `limit`, `line`, `record`) or a library's own words (`detail`). A reason
 * that is not a code (a message from SheetJS or the JSON parser, which cannot be enumerated) is shown as is.
 */
export const CORRUPT_REASONS: Record<string, Entry> = {
  // ── zip ──
  'zip-empty': { vi: () => 'tệp nén rỗng', en: () => 'an empty zip archive' },
  'zip-damaged': { vi: () => 'tệp nén bị hỏng', en: () => 'a damaged zip archive' },
  'zip-no-directory': {
    vi: () => 'tệp nén bị cắt cụt hoặc không phải tệp nén (không có mục lục ở cuối tệp)',
    en: () => 'a truncated zip archive, or not one (no end of central directory)',
  },
  'zip-truncated': {
    vi: () => 'tệp nén bị cắt cụt (mục lục nằm quá cuối tệp)',
    en: () => 'a truncated zip archive (its central directory is past the end)',
  },
  'zip64-damaged': { vi: () => 'mục lục zip64 bị hỏng', en: () => 'a damaged zip64 directory' },
  'zip-directory-damaged': {
    vi: () => 'mục lục tệp nén bị hỏng',
    en: () => 'a damaged zip central directory',
  },
  'zip-directory-too-large': {
    vi: () => 'mục lục tệp nén lớn bất thường',
    en: () => 'an implausibly large zip central directory',
  },
  'zip-entry-truncated': {
    vi: (a) => `phần ${q(a.entry)} trong tệp nén bị cắt cụt`,
    en: (a) => `zip entry ${q(a.entry)} is truncated`,
  },
  'zip-entry-damaged': {
    vi: (a) => `phần ${q(a.entry)} trong tệp nén bị hỏng`,
    en: (a) => `zip entry ${q(a.entry)} is damaged`,
  },
  'zip-entry-crc': {
    vi: (a) => `phần ${q(a.entry)} trong tệp nén bị hỏng (mã kiểm tra CRC-32 không khớp)`,
    en: (a) => `zip entry ${q(a.entry)} is damaged (its CRC-32 does not match)`,
  },
  'zip-entry-compression': {
    vi: (a) => `phần ${q(a.entry)} được nén bằng phương pháp ${a.method}, cchc không giải nén được`,
    en: (a) => `zip entry ${q(a.entry)} uses compression method ${a.method}, which cchc does not read`,
  },
  'zip-entry-twice': {
    vi: (a) => `hai phần tên ${q(a.entry)} và ${q(a.other)} (Excel coi là một)`,
    en: (a) => `two zip entries named ${q(a.entry)} and ${q(a.other)} (the same part for Excel)`,
  },
  'part-too-large': {
    vi: (a) => `phần ${q(a.entry)} chứa hơn ${a.limit} byte XML, không bảng tính nào có phần như vậy`,
    en: (a) => `${q(a.entry)} holds more than ${a.limit} bytes of XML, which no workbook part does`,
  },
  // ── what the file is ──
  'not-a-zip': {
    vi: () => 'không phải tệp nén nên không phải bảng tính xlsx hay ods',
    en: () => 'not a zip archive, so not an xlsx or ods workbook',
  },
  'not-a-workbook': {
    vi: () => 'là tệp nén nhưng không phải bảng tính Excel',
    en: () => 'a zip archive but not an Excel workbook',
  },
  'binary-unknown': {
    vi: () => 'dữ liệu nhị phân, không phải xlsx, xls, ods hay văn bản',
    en: () => 'binary data that is neither xlsx, xls, ods nor text',
  },
  'xml-not-spreadsheet': {
    vi: () => 'tệp XML nhưng không phải bảng tính (Excel 2003 XML hay OpenDocument)',
    en: () => 'XML that is not a spreadsheet (Excel 2003 XML or OpenDocument)',
  },
  'ole2-damaged': {
    vi: (a) => `tệp Office 97-2003 (OLE2) bị hỏng${a.detail ? ` (${a.detail})` : ''}`,
    en: (a) => `a damaged OLE2 (Office 97-2003) file${a.detail ? ` (${a.detail})` : ''}`,
  },
  'ole2-no-workbook': {
    vi: () => 'tệp Office không chứa bảng tính (tài liệu Word hay PowerPoint?)',
    en: () => 'an Office file that holds no workbook (a Word or PowerPoint document?)',
  },
  'ods-no-content': {
    vi: () => 'tệp OpenDocument không có phần content.xml',
    en: () => 'an OpenDocument file without content.xml',
  },
  'ods-formula-no-value': {
    vi: () => 'có ô công thức chưa lưu kết quả; mở tệp bằng LibreOffice hoặc Excel rồi lưu lại',
    en: () => 'formulas without a stored result; open the file in LibreOffice or Excel and save it again',
  },
  // ── the XML of a part ──
  'xml-empty': { vi: () => 'không có nội dung XML', en: () => 'no XML document' },
  'xml-ends-in-tag': { vi: () => 'XML kết thúc giữa một thẻ', en: () => 'the XML ends inside a tag' },
  'xml-ends-in-comment': {
    vi: () => 'XML kết thúc giữa một chú thích hoặc đoạn CDATA',
    en: () => 'the XML ends inside a comment or CDATA section',
  },
  'xml-ends-open': {
    vi: (a) => `XML kết thúc trước thẻ đóng </${a.tag}>`,
    en: (a) => `the XML ends before </${a.tag}>`,
  },
  'xml-declaration': {
    vi: () => 'có khai báo DTD (hay khai báo khác) trong XML',
    en: () => 'a DTD or other declaration inside the XML',
  },
  'xml-lt-in-tag': {
    vi: (a) => `có dấu "<" bên trong một thẻ: ${q(a.found)}`,
    en: (a) => `a "<" inside a tag: ${q(a.found)}`,
  },
  'xml-tag-too-long': {
    vi: (a) => `thẻ <${a.tag}> dài hơn ${a.limit} ký tự`,
    en: (a) => `a <${a.tag}> tag longer than ${a.limit} characters`,
  },
  'xml-unexpected-close': {
    vi: (a) => `thẻ đóng </${a.tag}> không có thẻ mở`,
    en: (a) => `an unexpected </${a.tag}>`,
  },
  'xml-close-mismatch': {
    vi: (a) => `gặp </${a.tag}> trong khi cần </${a.expected}>`,
    en: (a) => `</${a.tag}> where </${a.expected}> was expected`,
  },
  'xml-tag-no-name': { vi: () => 'một thẻ không có tên', en: () => 'a tag without a name' },
  'xml-second-root': { vi: () => 'có phần tử gốc thứ hai', en: () => 'a second root element' },
  'cell-reference': {
    vi: (a) => `địa chỉ ô sai: ${q(a.found)}`,
    en: (a) => `a bad cell reference ${q(a.found)}`,
  },
  'merge-range': {
    vi: (a) => `vùng gộp ô ${q(a.found)} không phải là một vùng ô`,
    en: (a) => `a merged range ${q(a.found)} that is not a range of cells`,
  },
  // ── CSV and convert's JSON tables ──
  'csv-quote-open': {
    vi: (a) => `dấu ngoặc kép mở ở dòng ${a.line} (bản ghi ${a.record}) không bao giờ đóng`,
    en: (a) => `a quoted field opened at line ${a.line} (record ${a.record}) is never closed`,
  },
  'csv-record-too-long': {
    vi: (a) => `bản ghi ${a.record} dài hơn ${a.limit} ký tự (dấu ngoặc kép không đóng?)`,
    en: (a) => `record ${a.record} is longer than ${a.limit} characters (an unclosed quote?)`,
  },
  'json-syntax': {
    vi: (a) => `không phải JSON (${a.detail})`,
    en: (a) => `not JSON (${a.detail})`,
  },
  'json-not-table': {
    vi: (a) => `không phải tài liệu ${a.schema} do cchc convert ghi`,
    en: (a) => `not a ${a.schema} document written by cchc convert`,
  },
  'json-bad-row': {
    vi: (a) => `bảng ${a.found}: có dòng không đúng cấu trúc dòng của cchc.table/1`,
    en: (a) => `sheet ${a.found}: a row is not {"row": n, "cells": [...]}`,
  },
};

/** The place inside the file: a sheet by its name, or a part of the package (`xl/sharedStrings.xml`). */
const placeVi = (a: DiagnosticArgs) =>
  a.sheet !== undefined ? `trang ${q(a.sheet)}: ` : a.part ? `${a.part}: ` : '';
const placeEn = (a: DiagnosticArgs) =>
  a.sheet !== undefined ? `sheet ${q(a.sheet)}: ` : a.part ? `${a.part}: ` : '';

const known = (a: DiagnosticArgs): Entry | undefined => {
  const code = String(a.reason ?? '');
  return Object.hasOwn(CORRUPT_REASONS, code) ? CORRUPT_REASONS[code] : undefined;
};

/** E_FILE_CORRUPT's reason in words: the code's, or the free text as given. */
export const corruptReasonVi = (a: DiagnosticArgs): string =>
  placeVi(a) + (known(a)?.vi(a) ?? String(a.reason ?? ''));
export const corruptReasonEn = (a: DiagnosticArgs): string =>
  placeEn(a) + (known(a)?.en(a) ?? String(a.reason ?? ''));
