import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertLegacy,
  detectLegacyFont,
  detectLegacyFontInTexts,
  fromLegacy,
  type LegacyFont,
} from '../../src/convert/legacyFont.js';

// Independent route to legacy text: the byte values transcribed by hand from the published tables
// (TCVN 5712:1993 VN3 as in X11 lcUniConv tcvn.h; VNI Windows as in xvnkb vni.h), not from src/.
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // ngang, sắc, huyền, hỏi, ngã, nặng

// letter → bytes for: ngang, sắc, huyền, hỏi, ngã, nặng
const TCVN3_ROWS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a', [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9]],
  ['ă', [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6]],
  ['â', [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb]],
  ['e', [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1]],
  ['ê', [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6]],
  ['i', [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde]],
  ['o', [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4]],
  ['ô', [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9]],
  ['ơ', [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee]],
  ['u', [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4]],
  ['ư', [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9]],
  ['y', [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe]],
];
const TCVN3_SINGLE: Record<string, number> = {
  đ: 0xae,
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};

const latin1 = (...bytes: number[]): string => String.fromCharCode(...bytes);

const TCVN3_OF = new Map<string, string>();
for (const [letter, bytes] of TCVN3_ROWS) {
  bytes.forEach((b, tone) => {
    TCVN3_OF.set((letter + TONES[tone]).normalize('NFC'), latin1(b));
  });
}
for (const [letter, b] of Object.entries(TCVN3_SINGLE)) TCVN3_OF.set(letter, latin1(b));

// VNI: tone bytes (lower, upper), shape bytes per tone, and the letters that are one byte.
const VNI_TONE = { lower: [0, 0xf9, 0xf8, 0xfb, 0xf5, 0xef], upper: [0, 0xd9, 0xd8, 0xdb, 0xd5, 0xcf] };
const VNI_CIRC = { lower: [0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4], upper: [0xc2, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4] };
const VNI_BREVE = {
  lower: [0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb],
  upper: [0xca, 0xc9, 0xc8, 0xda, 0xdc, 0xcb],
};
const VNI_I = { lower: [0x69, 0xed, 0xec, 0xe6, 0xf3, 0xf2], upper: [0x49, 0xcd, 0xcc, 0xc6, 0xd3, 0xd2] };
const VNI_HORN = { o: 0xf4, O: 0xd4, u: 0xf6, U: 0xd6 };

function vniOf(ch: string): string {
  if (ch === 'đ') return latin1(0xf1);
  if (ch === 'Đ') return latin1(0xd1);
  const parts = [...ch.normalize('NFD')];
  const base = parts[0] ?? '';
  const tone = Math.max(0, TONES.indexOf(parts.find((p) => TONES.includes(p) && p !== '') ?? ''));
  const upper = base === base.toUpperCase() ? 'upper' : 'lower';
  if (!/[aeiouy]/i.test(base)) return ch;
  if (base.toLowerCase() === 'i') return latin1(VNI_I[upper][tone] ?? 0);
  if (base.toLowerCase() === 'y' && tone === 5) return latin1(upper === 'upper' ? 0xce : 0xee);
  const t = tone === 0 ? '' : latin1(VNI_TONE[upper][tone] ?? 0);
  if (parts.includes('\u0302')) return base + latin1(VNI_CIRC[upper][tone] ?? 0);
  if (parts.includes('\u0306')) return base + latin1(VNI_BREVE[upper][tone] ?? 0);
  if (parts.includes('\u031b')) return latin1(VNI_HORN[base as keyof typeof VNI_HORN]) + t;
  return base + t;
}

function toLegacy(text: string, font: LegacyFont): string {
  return [...text.normalize('NFC')]
    .map((ch) => (font === 'vni' ? vniOf(ch) : (TCVN3_OF.get(ch) ?? ch)))
    .join('');
}

const KNOWN = [
  'Hà Nội',
  'Quảng Ngãi',
  'Ninh Bình',
  'Thừa Thiên Huế',
  'Đà Nẵng',
  'Chỉ số cải cách hành chính',
  'điểm thẩm định',
  'Xuất sắc',
  'Tốt',
  'Khá',
  'Trung bình',
  'Yếu',
  'Uỷ ban nhân dân',
  'Sở Nội vụ',
  'Phòng Tư pháp',
  'Thị xã Đức Phổ',
  'Huyện Sơn Tịnh',
  'Chương Mỹ',
];

describe('fromLegacy: golden conversions', () => {
  it('reads literal TCVN3 bytes from the published table', () => {
    expect(fromLegacy(`Ninh B${latin1(0xd7)}nh`, 'tcvn3')).toBe('Ninh Bình');
    expect(fromLegacy(`Qu${latin1(0xb6)}ng Ng${latin1(0xb7)}i`, 'tcvn3')).toBe('Quảng Ngãi');
    expect(fromLegacy(`${latin1(0xa7, 0xb5)} N${latin1(0xbd)}ng`, 'tcvn3')).toBe('Đà Nẵng');
    expect(fromLegacy('Hµ Néi', 'tcvn3')).toBe('Hà Nội');
  });

  it('reads literal VNI bytes', () => {
    expect(fromLegacy('Quaûng Ngaõi', 'vni')).toBe('Quảng Ngãi');
    expect(fromLegacy('Ñaø Naüng', 'vni')).toBe('Đà Nẵng');
    expect(fromLegacy('UÛY BAN NHAÂN DAÂN', 'vni')).toBe('ỦY BAN NHÂN DÂN');
    expect(fromLegacy('Thöøa Thieân Hueá', 'vni')).toBe('Thừa Thiên Huế');
  });

  it('converts every vowel with all five tones, đ/Đ and the TCVN3 capitals', () => {
    const lower = TCVN3_ROWS.flatMap(([letter]) => TONES.map((t) => (letter + t).normalize('NFC'))).join(' ');
    const all = `${lower} đ Đ Ă Â Ê Ô Ơ Ư`;
    expect(fromLegacy(toLegacy(all, 'tcvn3'), 'tcvn3')).toBe(all);
    const upperToo = `${all} ${lower.toUpperCase()}`;
    expect(fromLegacy(toLegacy(upperToo, 'vni'), 'vni')).toBe(upperToo);
  });

  it('spot-checks a, ơ, ư with each tone against literal bytes', () => {
    expect(
      fromLegacy(latin1(0x61, 0x20, 0xb8, 0x20, 0xb5, 0x20, 0xb6, 0x20, 0xb7, 0x20, 0xb9), 'tcvn3'),
    ).toBe('a á à ả ã ạ');
    expect(fromLegacy(latin1(0xac, 0xed, 0xea, 0xeb, 0xec, 0xee), 'tcvn3')).toBe('ơớờởỡợ');
    expect(fromLegacy(latin1(0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9), 'tcvn3')).toBe('ưứừửữự');
    expect(fromLegacy('ô ôù ôø ôû ôõ ôï', 'vni')).toBe('ơ ớ ờ ở ỡ ợ');
    expect(fromLegacy('Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ', 'vni')).toBe('Ư Ứ Ừ Ử Ữ Ự');
    expect(fromLegacy('aù aø aû aõ aï AÙ AØ AÛ AÕ AÏ', 'vni')).toBe('á à ả ã ạ Á À Ả Ã Ạ');
  });

  it('converts the known words both ways', () => {
    for (const word of KNOWN) {
      expect(fromLegacy(toLegacy(word, 'tcvn3'), 'tcvn3')).toBe(word);
      expect(fromLegacy(toLegacy(word, 'vni'), 'vni')).toBe(word);
    }
  });

  it('reads TCVN3 all-caps (.VnTimeH) words as capitals', () => {
    expect(fromLegacy('UBND TØNH QU¶NG NG·I', 'tcvn3')).toBe('UBND TỈNH QUẢNG NGÃI');
    expect(fromLegacy('Hµ NéI', 'tcvn3')).toBe('HÀ NỘI');
    expect(fromLegacy('Hµ Néi', 'tcvn3')).toBe('Hà Nội');
  });

  it('reads VN1 capitals in 0x80–0x9F from both Latin-1 and CP1252 readings, but keeps smart quotes', () => {
    expect(fromLegacy('TH\u0080NH', 'tcvn3')).toBe('THÀNH'); // Latin-1 reading of 0x80
    expect(fromLegacy('TH€NH', 'tcvn3')).toBe('THÀNH'); // CP1252 reading of 0x80
    expect(fromLegacy('žy ban', 'tcvn3')).toBe('Ủy ban'); // 0x9E
    expect(fromLegacy('“Tèt”', 'tcvn3')).toBe('“Tốt”'); // 0x93/0x94 stay quotes
  });

  it('returns NFC', () => {
    const out = fromLegacy('Thöøa Thieân Hueá', 'vni');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('detectLegacyFont', () => {
  it('picks the right font for province, district and unit names', () => {
    for (const name of KNOWN) {
      const tcvn3 = toLegacy(name, 'tcvn3');
      const vni = toLegacy(name, 'vni');
      if (tcvn3 !== name) expect(detectLegacyFont(tcvn3), tcvn3).toBe('tcvn3');
      // VNI spells these with bytes that read as Vietnamese too ("Toát"): a single cell cannot tell.
      const ambiguous = ['Ninh Bình', 'Trung bình', 'Tốt'].includes(name);
      if (vni !== name && !ambiguous) expect(detectLegacyFont(vni), vni).toBe('vni');
    }
  });

  it('reads document numbers with abbreviations, and C1 capitals in either reading', () => {
    expect(convertLegacy('QuyÕt ®Þnh sè 12/Q§-UBND', 'auto').text).toBe('Quyết định số 12/QĐ-UBND');
    expect(convertLegacy('Quyeát ñònh soá 12/QÑ-UBND', 'auto').text).toBe('Quyết định số 12/QĐ-UBND');
    expect(convertLegacy('Sè 12', 'auto').changed).toBe(false); // "Sè" is a Unicode word as well
    expect(convertLegacy('UBND TH€NH PHè', 'auto').text).toBe('UBND THÀNH PHỐ');
    expect(convertLegacy('UBND TH\u0080NH PHè', 'auto').text).toBe('UBND THÀNH PHỐ');
  });

  it('is null for Unicode, ASCII and Latin-1 text that is not mojibake', () => {
    for (const text of [
      ...KNOWN,
      'Hoà Bình',
      'Tôi là Hà',
      'Toát',
      '3 × 4',
      'a² + b²',
      '25°C',
      'café Müller',
      'São Paulo',
      'naïve',
      'años',
      'Krông Búk',
      '“OK”',
      'QĐ-UBND',
      '81,87',
      '',
      'E_SCORE_ABOVE_MAX',
    ])
      expect(detectLegacyFont(text), text).toBeNull();
  });

  it('leaves ambiguous cells alone but a file decides them', () => {
    expect(detectLegacyFont('Toát')).toBeNull(); // VNI for Tốt, but also a real word
    const file = ['Toát', 'Khaù', 'Trung bình', 'Xuaát saéc', 'Yeáu', '81,87'];
    expect(detectLegacyFontInTexts(file)).toBe('vni');
    expect(detectLegacyFontInTexts(KNOWN.map((n) => toLegacy(n, 'tcvn3')))).toBe('tcvn3');
    expect(detectLegacyFontInTexts(KNOWN)).toBeNull();
    expect(detectLegacyFontInTexts([...KNOWN, 'Tèt'])).toBeNull(); // one odd cell in a Unicode file
  });
});

describe('convertLegacy', () => {
  it('applies the option', () => {
    expect(convertLegacy('Hµ Néi', 'none')).toEqual({ text: 'Hµ Néi', font: null, changed: false });
    expect(convertLegacy('Hµ Néi', 'tcvn3')).toEqual({ text: 'Hà Nội', font: 'tcvn3', changed: true });
    expect(convertLegacy('Hµ Néi', 'auto')).toEqual({ text: 'Hà Nội', font: 'tcvn3', changed: true });
    expect(convertLegacy('Haø Noäi', 'auto')).toEqual({ text: 'Hà Nội', font: 'vni', changed: true });
    expect(convertLegacy('Hà Nội', 'auto')).toEqual({ text: 'Hà Nội', font: null, changed: false });
  });

  it('never converts a text that holds characters no legacy byte produces, even with a font', () => {
    expect(convertLegacy('Quảng Ngãi', 'tcvn3')).toEqual({ text: 'Quảng Ngãi', font: null, changed: false });
    expect(convertLegacy('Điểm ≥ 90', 'vni').changed).toBe(false);
  });
});

// --- generators for property tests ---------------------------------------------------------------
const INITIALS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const RHYMES = (
  'a ai ao au ay an ang anh ac ach am ap at ăn ăng ăc ăm ăp ăt âu ây ân âng âc âm âp ât e eo en ' +
  'em ep et ec ê êu ên ênh êch êm êp êt i ia iu in inh ich im ip it iêu iên iêng iêc iêm iêp iêt o oi on ong ' +
  'oc om op ot oa oai oay oan oang oanh oac oach oat oăn oăng oăc oăt oe oeo oen oet ô ôi ôn ông ôc ôm ôp ôt ' +
  'ơ ơi ơn ơm ơp ơt u ua ui un ung uc um up ut uân uâng uât uê uy uyu uya uyên uyêt uynh uych uôi uôn uông ' +
  'uôc uôm uôt ư ưa ưi ưu ưng ưc ưn ưt ươi ươu ươn ương ươc ươm ươp ươt y yêu yên yêt'
).split(' ');
const VOWELS = 'aăâeêioôơuưy';
const SHAPED = 'ăâêôơư';

function spellingOk(initial: string, rhyme: string): boolean {
  const first = rhyme[0] ?? '';
  const front = 'eêiy'.includes(first);
  if (first === 'y') return initial === '';
  if (['c', 'g', 'ng'].includes(initial)) return !front;
  if (['k', 'gh', 'ngh'].includes(initial)) return front;
  if (initial === 'qu') return !'uoô'.includes(first);
  if (initial === 'gi') return first !== 'i';
  return true;
}

function placeTone(rhyme: string, tone: string): string {
  const letters = [...rhyme];
  const vowelIdx = letters.flatMap((ch, i) => (VOWELS.includes(ch) ? [i] : []));
  const shaped = vowelIdx.filter((i) => SHAPED.includes(letters[i] ?? ''));
  const hasFinal = (vowelIdx.at(-1) ?? 0) < letters.length - 1;
  const at =
    shaped.at(-1) ?? (hasFinal ? vowelIdx.at(-1) : vowelIdx.length === 3 ? vowelIdx[1] : vowelIdx[0]) ?? 0;
  letters[at] = ((letters[at] ?? '') + tone).normalize('NFC');
  return letters.join('');
}

const syllable = fc
  .record({
    initial: fc.constantFrom(...INITIALS),
    rhyme: fc.constantFrom(...RHYMES),
    tone: fc.integer({ min: 0, max: 5 }),
  })
  .filter(({ initial, rhyme }) => spellingOk(initial, rhyme))
  .map(({ initial, rhyme, tone }) => {
    const stop = /(c|ch|p|t)$/.test(rhyme);
    const mark = stop ? (tone % 2 === 0 ? TONES[1] : TONES[5]) : TONES[tone];
    return initial + placeTone(rhyme, mark ?? '');
  });

const cased = fc
  .tuple(syllable, fc.constantFrom('lower', 'title', 'upper'))
  .map(([s, c]) => (c === 'upper' ? s.toUpperCase() : c === 'title' ? s[0]?.toUpperCase() + s.slice(1) : s));
const asciiWord = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
const separator = fc.constantFrom(' ', ', ', ' - ', '. ', '/', ': ', ' (', ') ');

function sentence(word: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 8 }).map((parts) =>
    parts
      .map(([w, s]) => w + s)
      .join('')
      .trim(),
  );
}

describe('properties', () => {
  it('auto never alters valid Unicode Vietnamese mixed with ASCII', () => {
    fc.assert(
      fc.property(sentence(fc.oneof(cased, cased, asciiWord)), (text) => {
        expect(convertLegacy(text, 'auto')).toEqual({ text, font: null, changed: false });
      }),
      { numRuns: 2000 },
    );
  });

  it('auto never alters ASCII text, control characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (text) => {
        expect(convertLegacy(text, 'auto').changed).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a file of Unicode cells is never detected as legacy', () => {
    fc.assert(
      fc.property(fc.array(sentence(fc.oneof(cased, asciiWord)), { maxLength: 12 }), (cells) => {
        expect(detectLegacyFontInTexts(cells)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('fromLegacy(toLegacy(t)) round-trips for VNI', () => {
    fc.assert(
      fc.property(sentence(fc.oneof(cased, cased, asciiWord)), (text) => {
        expect(fromLegacy(toLegacy(text, 'vni'), 'vni')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('fromLegacy(toLegacy(t)) round-trips for TCVN3 (lowercase, capitals VN3 can spell)', () => {
    const tcvn3Word = fc.tuple(syllable, fc.boolean()).map(([s, title]) => {
      const first = s[0]?.toUpperCase() ?? '';
      return title && /[A-ZĂÂÊÔƠƯĐ]/.test(first) ? first + s.slice(1) : s;
    });
    fc.assert(
      fc.property(sentence(tcvn3Word), (text) => {
        expect(fromLegacy(toLegacy(text, 'tcvn3'), 'tcvn3')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
