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
