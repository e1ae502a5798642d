import type { CellValue } from '../model/cell.js';
import { cellText } from '../model/normalize.js';

/**
 * What the STT/code cell of a framework or form row says, before it becomes a path:
 * `II` a Roman domain, `1.2` a number, `II.1.2` a number already written as a path, `a)` / `a.` a letter
 * sub-item, `-` / `+` a bullet, anything else (`A`, `TC01`) a code kept as written.
 */
export type RowCode =
  | { kind: 'empty' }
  | { kind: 'roman'; code: string }
  | { kind: 'number'; code: string }
  | { kind: 'path'; code: string; domain: string }
  | { kind: 'letter'; letter: string }
  | { kind: 'bullet' }
  | { kind: 'other'; code: string };

export const EMPTY_CODE: RowCode = { kind: 'empty' };

const NUMBER = /^\d+(?:\.\d+)*$/;
/** `ii.1.2`, `1.2a`, `1.2.a)`: a path with a Roman head or a letter tail, written loosely. */
const LOOSE_PATH = /^([ivx]+\.)?(\d+(?:\.\d+)*)(?:\.?([a-zđ]))?$/i;

/**
 * "1.1.", " 1.1 ", 1.1 (a number cell), "ii" → "1.1", "1.1", "1.1", "II"; paths: "ii.1.2" → "II.1.2",
 * "1.2a", "1.2.a)" → "1.2.a" (a Roman head upper case, a letter sub-item lower case).
 */
export function normalizeCode(v: CellValue): string {
  if (typeof v === 'string' && NUMBER.test(v)) return v; // the common case, once per score row
  const text = cellText(v)
    .replace(/\s+/g, '')
    .replace(/[.)]+$/, '');
  if (/^[ivxlc]+$/i.test(text)) return text.toUpperCase();
  const path = LOOSE_PATH.exec(text);
  if (!path || (path[1] === undefined && path[3] === undefined)) return text;
  return `${path[1]?.toUpperCase() ?? ''}${path[2]}${path[3] === undefined ? '' : `.${path[3].toLowerCase()}`}`;
}

/** Roman numerals from 1 to 39: domains never run past a few dozen, and `C`, `L`, `D`, `M` alone are more likely plain labels. */
const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;
/** `II.1.2`, `II.1.a` as normalizeCode writes them. */
const ROMAN_PATH = /^([IVX]+)\.\d+(?:\.\d+)*(?:\.[a-zđ])?$/;
/** A lower-case letter, Vietnamese alphabet included (a, b, c, d, đ, e, g …), then `)` or `.` or nothing. */
const LETTER = /^\(?([a-zđ])[).]?$/;
const BULLET = /^[-–—+•*]$/;

export const isRoman = (code: string): boolean => ROMAN.test(code);

/** Classifies an STT/code cell. Lower-case single letters are sub-items (`i)`, `c.`), never Roman domains. */
export function classifyCode(cell: CellValue): RowCode {
  if (typeof cell === 'number') return { kind: 'number', code: normalizeCode(cell) };
  const text = cellText(cell).replace(/\s+/g, '');
  if (text === '') return EMPTY_CODE;
  if (BULLET.test(text)) return { kind: 'bullet' };
  const letter = LETTER.exec(text);
  if (letter) return { kind: 'letter', letter: letter[1]! };
  const code = normalizeCode(text);
  if (NUMBER.test(code)) return { kind: 'number', code };
  if (isRoman(code)) return { kind: 'roman', code };
  const path = ROMAN_PATH.exec(code);
  if (path && isRoman(path[1]!)) return { kind: 'path', code, domain: path[1]! };
  return { kind: 'other', code };
}

/**
 * Turns row codes, fed in file order, into paths — the identity of a criterion:
 * - under a Roman domain a number is a path from the domain: `II`, `1`, `1.2` → `II`, `II.1`, `II.1.2`
 *   (numbering restarts in each domain); without Roman domains numbers are their own path (`1.1.2`);
 * - a letter is a child of the nearest numbered row above: `a)` under `1.2` → `1.2.a`;
 * - a bullet is a child of the nearest numbered or lettered row above, numbered by position among the
 *   bullets fed under it: `-`, `-` under `2.1` → `2.1.1`, `2.1.2` (feed only the bullets that carry points).
 * `isDomain` says whether a Roman row opens a domain: always in a framework; in a form only when the
 * framework has that domain (a form may head its sections `I`, `II` over a framework numbered `1`, `2`).
 */
export class PathTracker {
  private domain: string | null = null;
  /** The last Roman or numbered row: the parent of letters. */
  private numbered: string | null = null;
  /** The last row that was not a bullet: the parent of bullets. */
  private item: string | null = null;
  private bullets = 0;

  constructor(private readonly isDomain: (roman: string) => boolean = () => true) {}

  /** The row's path; `orphan` when a letter or bullet has no numbered row above it (its path is then bare). */
  next(code: RowCode): { path: string; orphan: boolean } {
    switch (code.kind) {
      case 'empty':
        return { path: '', orphan: false };
      case 'roman':
        this.domain = this.isDomain(code.code) ? code.code : null;
        return this.opens(code.code, true);
      case 'number':
        return this.opens(this.qualify(code.code), true);
      case 'path':
        this.domain = code.domain;
        return this.opens(code.code, true);
      case 'letter':
        if (this.numbered === null) return { path: code.letter, orphan: true };
        return this.opens(`${this.numbered}.${code.letter}`, false);
      case 'bullet': {
        this.bullets++;
        if (this.item === null) return { path: String(this.bullets), orphan: true };
        return { path: `${this.item}.${this.bullets}`, orphan: false };
      }
      case 'other':
        return { path: code.code, orphan: false };
    }
  }

  /** A plain number as a path in the current domain: `1.2` under `II` → `II.1.2` (for `parent` cells). */
  qualify(code: string): string {
    return this.domain !== null && NUMBER.test(code) ? `${this.domain}.${code}` : code;
  }

  private opens(path: string, numbered: boolean): { path: string; orphan: boolean } {
    if (numbered) this.numbered = path;
    this.item = path;
    this.bullets = 0;
    return { path, orphan: false };
  }
}
