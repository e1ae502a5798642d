/** Text a spreadsheet would run as a formula (OWASP CSV injection, docs/outputs.md): = + - @, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes formula-looking text from the inputs with an apostrophe, so no spreadsheet program (and no later
 * CSV export of a sheet) reads it as a formula. Numbers are never passed here: -1.5 stays a number.
 */
export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
