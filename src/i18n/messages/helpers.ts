import type { DiagnosticArgs } from '../../model/diagnostic.js';

export type Render = (a: DiagnosticArgs) => string;
export type Entry = { vi: Render; en: Render };

/** Numbers in messages follow the language: 3,5 in Vietnamese, 3.5 in English. */
export const n = (v: string | number | undefined, lang: 'vi' | 'en'): string =>
  v === undefined
    ? ''
    : typeof v === 'number'
      ? lang === 'vi'
        ? String(v).replace('.', ',')
        : String(v)
      : v;
export const q = (v: string | number | undefined): string => `"${v ?? ''}"`;
export const hintVi = (s: string | number | undefined) => (s ? ` — có phải ${q(s)}?` : '');
export const hintEn = (s: string | number | undefined) => (s ? ` — did you mean ${q(s)}?` : '');
export const inGroupVi = (g: string | number | undefined) => (g ? ` (khối ${g})` : '');
export const inGroupEn = (g: string | number | undefined) => (g ? ` (group ${g})` : '');

const TYPES_VI: Record<string, string> = {
  string: 'chữ (trong ngoặc kép)',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'true hoặc false',
  array: 'một danh sách [ … ]',
  object: 'một đối tượng { … }',
};
const TYPES_EN: Record<string, string> = {
  string: 'text (in double quotes)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
};
/** The JSON type a settings key needs, in words. */
export const typeVi = (t: string | number | undefined) => TYPES_VI[String(t)] ?? String(t);
export const typeEn = (t: string | number | undefined) => TYPES_EN[String(t)] ?? String(t);

/** Why a file could not be read or written: errno codes and the readers' fixed phrases, in words. */
const REASONS: Record<string, [vi: string, en: string]> = {
  ENOENT: ['thư mục chứa tệp không tồn tại', 'the folder does not exist'],
  ENOTDIR: ['một phần của đường dẫn không phải là thư mục', 'part of the path is not a folder'],
  EACCES: ['không có quyền truy cập', 'permission denied'],
  EPERM: ['không có quyền truy cập', 'permission denied'],
  'permission denied': ['không có quyền truy cập', 'permission denied'],
  EISDIR: ['đây là một thư mục, không phải tệp', 'it is a folder, not a file'],
  'is a directory': ['đây là một thư mục, không phải tệp', 'it is a folder, not a file'],
  ENOSPC: ['ổ đĩa đã hết chỗ trống', 'no space left on the disk'],
  EROFS: ['ổ đĩa chỉ cho phép đọc', 'the disk is read-only'],
  EBUSY: ['tệp đang được chương trình khác mở (Excel?)', 'the file is open in another program (Excel?)'],
  EIO: ['lỗi đọc ghi của thiết bị', 'input/output error'],
  'input/output error': ['lỗi đọc ghi của thiết bị', 'input/output error'],
  EMFILE: ['đang mở quá nhiều tệp cùng lúc', 'too many open files'],
  'too many open files': ['đang mở quá nhiều tệp cùng lúc', 'too many open files'],
  'changed-while-read': [
    'tệp đã thay đổi trong lúc đang được chuyển đổi',
    'it changed while it was being converted',
  ],
};
const reason = (r: string | number | undefined, at: 0 | 1): string => {
  const text = String(r ?? '');
  const known = REASONS[text];
  if (known) return known[at];
  // An errno code we have no words for: say it is the system's, and keep the code for whoever helps.
  if (/^E[A-Z]+$/.test(text)) return at === 0 ? `lỗi hệ thống (${text})` : `system error (${text})`;
  return text;
};
export const reasonVi = (r: string | number | undefined) => reason(r, 0);
export const reasonEn = (r: string | number | undefined) => reason(r, 1);
