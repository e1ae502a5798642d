/**
 * Text from the inputs on its way to a terminal (the table, Markdown, diagnostics on stderr): characters a
 * terminal would act on instead of showing are written as escapes, so a unit name cannot clear the screen,
 * recolour the report, ring the bell, move the cursor back over a number (CR) or reorder what is shown.
 * Escaped: C0 controls (line breaks and tabs included: a diagnostic is one line, a cell one row), DEL, C1
 * controls, the line and paragraph separators U+2028/2029, and the bidirectional formatting characters
 * (embeddings, overrides, isolates and the marks; the "Trojan Source" characters), which can make a name
 * read differently from what it holds. Data outputs (JSON, CSV, XLSX, HTML) keep the text as read.
 */
/** \p{Cc} is C0, DEL and C1. */
const CONTROLS = /[\p{Cc}\u2028\u2029\p{Bidi_Control}]/gu;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeOne = (c: string): string => {
  const short = SHORT[c];
  if (short) return short;
  const n = c.codePointAt(0)!;
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/** "Xã\x1b[31mA" for a name holding ESC [ 3 1 m; text without such characters comes back unchanged. */
export const escapeControls = (text: string): string => text.replace(CONTROLS, escapeOne);

/**
 * A copy of a plain data tree (objects, arrays, maps) with every string escaped: what a terminal renderer
 * is handed, so no field of the results can reach the screen raw, whichever the renderer shows. Equal
 * strings stay equal, so keys that match one field to another still match.
 */
export function escapeControlsDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return escapeControls(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [walk(k), walk(v)]));
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value; // a Date, bytes: not text
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v);
    return out;
  }
  return value;
}
