import { foldDiacritics } from '../model/normalize.js';

/**
 * Value columns recognised by their meaning-bearing words, whatever else the clerk wrote around them:
 * "Điểm tự đánh giá của đơn vị", "Kết quả thẩm định", "Điểm do Hội đồng thẩm định", "Điểm HĐTĐ",
 * "Điểm TĐG". Words are compared after folding (no case, no diacritics, đ = d).
 *
 * Precedence: the self-assessment phrases are looked for first and taken out of the text, so "tự đánh
 * giá" is never read as the appraisal's "đánh giá" (which is not a marker on its own anyway); a header
 * that still names both self and appraisal is ambiguous, and so is one naming the survey and self.
 */
export type ValueField = 'self' | 'appraised' | 'survey';

export type WordMatch = { field: ValueField } | { ambiguous: ValueField[] } | null;

/** Phrases, as folded words. Strong ones decide alone; weak ones need a value word ("điểm", "kết quả"). */
const STRONG: Record<ValueField, readonly string[]> = {
  self: [
    'tu danh gia',
    'tu cham',
    'tu cham diem',
    'tdg',
    'tu dg',
    'self',
    'self assessed',
    'self assessment',
  ],
  appraised: ['tham dinh', 'hdtd', 'appraised', 'appraisal'],
  survey: ['xhh', 'xa hoi hoc', 'dieu tra', 'khao sat', 'survey'],
};
const WEAK: Record<ValueField, readonly string[]> = {
  self: ['don vi cham', 'don vi tu'],
  appraised: ['hoi dong', 'td', 'hd', 'council'],
  survey: [],
};

/** Words that say the column holds a value. */
const VALUE_WORDS = ['diem', 'ket qua', 'so diem', 'muc diem', 'score', 'points', 'value'];

/**
 * Words that say the column is about something else: a date, a comment, a reason, evidence, a
 * maximum, a ratio or a total. A header with one of them is never a value column by its words.
 */
const OTHER_WORDS = [
  'ngay',
  'y kien',
  'nhan xet',
  'ly do',
  'li do',
  'ghi chu',
  'tai lieu',
  'minh chung',
  'giai trinh',
  'toi da',
  'chuan',
  'ty le',
  'tong',
  'date',
  'comment',
  'note',
  'reason',
  'max',
  'total',
];

const words = (text: string): string =>
  ` ${foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

const has = (text: string, phrase: string): boolean => text.includes(` ${phrase} `);

export function matchValueWords(header: string): WordMatch {
  let text = words(header);
  if (text.trim() === '' || OTHER_WORDS.some((w) => has(text, w))) return null;
  const valueWord = VALUE_WORDS.some((w) => has(text, w));
  const found: ValueField[] = [];
  for (const field of ['self', 'survey', 'appraised'] as const) {
    const strong = STRONG[field].filter((p) => has(text, p));
    const weak = valueWord ? WEAK[field].filter((p) => has(text, p)) : [];
    if (strong.length + weak.length === 0) continue;
    found.push(field);
    // Take the phrases out, so "tự đánh giá" cannot also count as something else.
    for (const p of [...strong, ...weak]) text = text.replaceAll(` ${p} `, ' ');
  }
  if (found.length === 0) return null;
  if (found.length === 1) return { field: found[0]! };
  // The council's survey figures ("Điểm điều tra XHH do Hội đồng thẩm định") are survey values.
  if (found.length === 2 && found.includes('survey') && found.includes('appraised'))
    return { field: 'survey' };
  return { ambiguous: found };
}
