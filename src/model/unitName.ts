import { cleanText, nameKey } from './normalize.js';

/** "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân" before a unit's name (as nameKey writes them). */
const COUNCIL = [['ubnd'], ['uỷ', 'ban', 'nhân', 'dân']];

/** Abbreviated levels: with the dot they are unambiguous; TT/TP/TX without one need a place name after. */
const LEVELS: Record<string, string> = {
  'p.': 'phường',
  'x.': 'xã',
  'tt.': 'thị trấn',
  tt: 'thị trấn',
  'tp.': 'thành phố',
  tp: 'thành phố',
  'tx.': 'thị xã',
  tx: 'thị xã',
};

/** Words of a place name start with a capital or a digit ("Chúc Sơn", "1"); "TT Y tế" is a health centre. */
const isPlaceName = (words: readonly string[]): boolean =>
  words.length > 0 && words.every((w) => /^[\p{Lu}\d]/u.test(w));

interface Parsed {
  key: string;
  /** 0 the name as written in full, 1 with an abbreviated level (X., TT), 2 with the UBND prefix. */
  rank: number;
}

function parse(name: string): Parsed {
  const words = cleanText(name).split(' ');
  const keys = nameKey(name).split(' ');
  let start = 0;
  let rank = 0;
  const council = COUNCIL.find((c) => keys.length > c.length && c.every((w, i) => keys[i] === w));
  if (council) {
    start = council.length;
    rank = 2;
  }
  // "X.Thuỷ Xuân", "P.1": after a dot the level may be glued to the name.
  const first = keys[start] ?? '';
  const m = /^(p\.|x\.|tt\.?|tp\.?|tx\.?)(.*)$/.exec(first);
  let level: string | undefined;
  let rest = keys.slice(start + 1);
  if (m) {
    const glued = m[2]!;
    const restWords = [
      ...(glued === '' ? [] : [words[start]!.slice(m[1]!.length)]),
      ...words.slice(start + 1),
    ];
    const dotted = m[1]!.endsWith('.');
    const sure = m[1] === 'p.' || m[1] === 'x.' || isPlaceName(restWords);
    if (restWords.length > 0 && (dotted || glued === '') && sure) {
      level = LEVELS[m[1]!];
      rest = [...(glued === '' ? [] : [glued]), ...rest];
      rank = Math.max(rank, 1);
    }
  }
  const key = level === undefined ? keys.slice(start).join(' ') : [level, ...rest].join(' ');
  return { key, rank };
}

/**
 * The match key of a unit's name: nameKey (case, spacing, NFC, tone placement of oa/oe/uy), then without
 * the council prefix (`UBND`, `Ủy ban nhân dân`) and with abbreviated levels written out: `P.` → phường,
 * `X.` → xã, `TT`/`TT.` → thị trấn, `TP`/`TP.` → thành phố, `TX`/`TX.` → thị xã. So "UBND xã Thủy Xuân",
 * "X. Thuỷ Xuân" and "Xã Thủy Xuân" are one unit. Conservative by design: TT/TP/TX without the dot count only
 * before a place name (every word capitalised: "TT Chúc Sơn", not "TT Y tế"), a bare "P"/"X" never does, and
 * diacritics other than tone placement still count ("Xa Thuy Xuan" is another name, only ever suggested).
 */
export const unitKey = (name: string): string => parse(name).key;

/**
 * How plainly a name is written, for the name a unit is shown under: 0 in full ("Xã Thủy Xuân"), 1 with an
 * abbreviated level ("X. Thủy Xuân"), 2 with the council prefix ("UBND xã Thủy Xuân"). Lower is plainer.
 */
export const unitNameRank = (name: string): number => parse(name).rank;
