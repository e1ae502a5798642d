/**
 * NFC-normalise, cheaply. A string made only of U+0000–U+02FF and the precomposed Vietnamese letters
 * U+1EA0–U+1EF9 is already NFC (no combining marks, no singletons, nothing that composes), so the common
 * case is one regex test rather than a call into ICU for every cell.
 */
const MAYBE_NOT_NFC = /[^\0-\u02ff\u1ea0-\u1ef9]/;

export const nfc = (s: string): string => (MAYBE_NOT_NFC.test(s) ? s.normalize('NFC') : s);

/**
 * Whether nfc() may change some piece of `text`: false when it holds only characters of the ranges above,
 * so that every field cut from it is NFC as it stands. One test per chunk of a CSV instead of one per field.
 */
export const nfcMayChange = (text: string): boolean => MAYBE_NOT_NFC.test(text);
