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
