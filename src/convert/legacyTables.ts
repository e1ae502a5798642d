/**
 * Code tables of the two pre-Unicode Vietnamese font encodings clerks still meet in old spreadsheets.
 *
 * TCVN3 (ABC, fonts `.VnTime`, `.VnArial`) is the VN3 subset of TCVN 5712:1993. The byte values below are
 * those of the standard as transcribed in the X11 converter `xc/lib/X11/lcUniConv/tcvn.h` (XFree86, also
 * `X11/xc/extras/X-TrueType/TCVN/TCVNtoUCS2.c`) and in xvnkb `tcvn.h` (Dao Hai Lam, 2002), checked against
 * known words ("Ninh B×nh" = Ninh Bình, "Qu¶ng Ng·i" = Quảng Ngãi). VN3 holds every lowercase letter and
 * only the seven untoned capitals Ă Â Ê Ô Ơ Ư Đ; toned capitals were typed with the `.VnTimeH` fonts,
 * which draw the lowercase codes as capitals. The full VN1 set adds toned capitals in the C0/C1 control
 * ranges and in the gaps of VN3; they are kept apart (`TCVN3_VN1_ONLY`) because bytes 0x80–0x9F collide
 * with CP1252 punctuation (“ ” – …) that ordinary text does contain.
 *
 * VNI (fonts `VNI-Times`, "VNI Windows") writes a letter as a base ASCII letter followed by a diacritic
 * byte. The table is the VNI one in xvnkb `vni.h` (Dao Hai Lam, 2002), checked against "Quaûng Ngaõi".
 */

/** The tone marks, as Unicode combining characters, in the order sắc, huyền, hỏi, ngã, nặng. */
export const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** CP1252 characters for bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned and read as C1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Unicode code point → the byte it stands for, for characters a Latin-1 or CP1252 reader can produce. */
export function legacyByte(codePoint: number): number | undefined {
  if (codePoint <= 0xff) return codePoint;
  const index = CP1252_HIGH.indexOf(String.fromCodePoint(codePoint));
  return index < 0 ? undefined : 0x80 + index;
}

function table(entries: ReadonlyArray<readonly [number, number]>): ReadonlyMap<number, string> {
  return new Map(entries.map(([byte, codePoint]) => [byte, String.fromCodePoint(codePoint)]));
}

/** TCVN3 (VN3): byte → Unicode letter. */
// biome-ignore format: a code table reads best as rows
export const TCVN3: ReadonlyMap<number, string> = table([
  [0xa1, 0x0102], [0xa2, 0x00c2], [0xa3, 0x00ca], [0xa4, 0x00d4], [0xa5, 0x01a0], [0xa6, 0x01af], [0xa7, 0x0110],
  [0xa8, 0x0103], [0xa9, 0x00e2], [0xaa, 0x00ea], [0xab, 0x00f4], [0xac, 0x01a1], [0xad, 0x01b0], [0xae, 0x0111],
  [0xb5, 0x00e0], [0xb6, 0x1ea3], [0xb7, 0x00e3], [0xb8, 0x00e1], [0xb9, 0x1ea1],
  [0xbb, 0x1eb1], [0xbc, 0x1eb3], [0xbd, 0x1eb5], [0xbe, 0x1eaf], [0xc6, 0x1eb7],
  [0xc7, 0x1ea7], [0xc8, 0x1ea9], [0xc9, 0x1eab], [0xca, 0x1ea5], [0xcb, 0x1ead],
  [0xcc, 0x00e8], [0xce, 0x1ebb], [0xcf, 0x1ebd], [0xd0, 0x00e9], [0xd1, 0x1eb9],
  [0xd2, 0x1ec1], [0xd3, 0x1ec3], [0xd4, 0x1ec5], [0xd5, 0x1ebf], [0xd6, 0x1ec7],
  [0xd7, 0x00ec], [0xd8, 0x1ec9], [0xdc, 0x0129], [0xdd, 0x00ed], [0xde, 0x1ecb],
  [0xdf, 0x00f2], [0xe1, 0x1ecf], [0xe2, 0x00f5], [0xe3, 0x00f3], [0xe4, 0x1ecd],
  [0xe5, 0x1ed3], [0xe6, 0x1ed5], [0xe7, 0x1ed7], [0xe8, 0x1ed1], [0xe9, 0x1ed9],
  [0xea, 0x1edd], [0xeb, 0x1edf], [0xec, 0x1ee1], [0xed, 0x1edb], [0xee, 0x1ee3],
  [0xef, 0x00f9], [0xf1, 0x1ee7], [0xf2, 0x0169], [0xf3, 0x00fa], [0xf4, 0x1ee5],
  [0xf5, 0x1eeb], [0xf6, 0x1eed], [0xf7, 0x1eef], [0xf8, 0x1ee9], [0xf9, 0x1ef1],
  [0xfa, 0x1ef3], [0xfb, 0x1ef7], [0xfc, 0x1ef9], [0xfd, 0x00fd], [0xfe, 0x1ef5],
]);

/** TCVN 5712 VN1 capitals that VN3 (ABC) lacks: control range, C1 range and the VN3 gaps. */
// biome-ignore format: a code table reads best as rows
export const TCVN3_VN1_ONLY: ReadonlyMap<number, string> = table([
  [0x01, 0x00da], [0x02, 0x1ee4], [0x04, 0x1eea], [0x05, 0x1eec], [0x06, 0x1eee],
  [0x11, 0x1ee8], [0x12, 0x1ef0], [0x13, 0x1ef2], [0x14, 0x1ef6], [0x15, 0x1ef8], [0x16, 0x00dd], [0x17, 0x1ef4],
  [0x80, 0x00c0], [0x81, 0x1ea2], [0x82, 0x00c3], [0x83, 0x00c1], [0x84, 0x1ea0], [0x85, 0x1eb6], [0x86, 0x1eac],
  [0x87, 0x00c8], [0x88, 0x1eba], [0x89, 0x1ebc], [0x8a, 0x00c9], [0x8b, 0x1eb8], [0x8c, 0x1ec6], [0x8d, 0x00cc],
  [0x8e, 0x1ec8], [0x8f, 0x0128], [0x90, 0x00cd], [0x91, 0x1eca], [0x92, 0x00d2], [0x93, 0x1ece], [0x94, 0x00d5],
  [0x95, 0x00d3], [0x96, 0x1ecc], [0x97, 0x1ed8], [0x98, 0x1edc], [0x99, 0x1ede], [0x9a, 0x1ee0], [0x9b, 0x1eda],
  [0x9c, 0x1ee2], [0x9d, 0x00d9], [0x9e, 0x1ee6], [0x9f, 0x0168],
  [0xaf, 0x1eb0], [0xba, 0x1eb2], [0xbf, 0x1eb4], [0xc0, 0x1eae], [0xc1, 0x1ea6], [0xc2, 0x1ea8], [0xc3, 0x1eaa],
  [0xc4, 0x1ea4], [0xc5, 0x1ec0], [0xcd, 0x1ec2], [0xd9, 0x1ec4], [0xda, 0x1ebe], [0xdb, 0x1ed2], [0xe0, 0x1ed4],
  [0xf0, 0x1ed6], [0xff, 0x1ed0],
]);

/** VNI diacritic byte (as its Latin-1 character) → marks it adds to the letter before it. */
export interface VniMark {
  /** Combining circumflex (U+0302) or breve (U+0306), or '' for a tone mark alone. */
  readonly shape: '' | '\u0302' | '\u0306';
  /** Combining tone mark, or '' for none. */
  readonly tone: string;
}

function marks(shape: VniMark['shape'], chars: string): Array<[string, VniMark]> {
  // chars lists the byte for: no tone, sắc, huyền, hỏi, ngã, nặng (a space where VNI has no byte).
  return [...chars].flatMap(
    (ch, i): Array<[string, VniMark]> =>
      ch === ' ' ? [] : [[ch, { shape, tone: i === 0 ? '' : (TONE_MARKS[i - 1] ?? '') }]],
  );
}

/** Diacritics after a, e, o (circumflex group), after a (breve group), and tones after any vowel. */
export const VNI_CIRCUMFLEX: ReadonlyMap<string, VniMark> = new Map([
  ...marks('\u0302', 'âáàåãä'),
  ...marks('\u0302', 'ÂÁÀÅÃÄ'),
]);
export const VNI_BREVE: ReadonlyMap<string, VniMark> = new Map([
  ...marks('\u0306', 'êéèúüë'),
  ...marks('\u0306', 'ÊÉÈÚÜË'),
]);
export const VNI_TONE: ReadonlyMap<string, VniMark> = new Map([
  ...marks('', ' ùøûõï'),
  ...marks('', ' ÙØÛÕÏ'),
]);

/** VNI bytes that are whole letters on their own: the toned i's, ỵ, đ, ơ, ư. */
// biome-ignore format: a code table reads best as rows
export const VNI_LETTER: ReadonlyMap<string, string> = new Map([
  ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ'], ['ñ', 'đ'], ['ô', 'ơ'], ['ö', 'ư'],
  ['Í', 'Í'], ['Ì', 'Ì'], ['Æ', 'Ỉ'], ['Ó', 'Ĩ'], ['Ò', 'Ị'], ['Î', 'Ỵ'], ['Ñ', 'Đ'], ['Ô', 'Ơ'], ['Ö', 'Ư'],
]);
