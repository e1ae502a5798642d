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

/** The same characters, found without the global flag's state. */
const HAS_CONTROL = new RegExp(CONTROLS.source, 'u');

/** "Xã\x1b[31mA" for a name holding ESC [ 3 1 m; text without such characters comes back unchanged. */
export const escapeControls = (text: string): string =>
  HAS_CONTROL.test(text) ? text.replace(CONTROLS, escapeOne) : text;

/**
 * A plain data tree (objects, arrays, maps) with every string escaped: what a terminal renderer is
 * handed, so no field of the results can reach the screen raw, whichever the renderer shows. Copied only
 * where something changes — an object, array or map that holds no string to escape is returned as it is
 * (a national run's results are some 300,000 values, of which none usually needs it: copying them all
 * was most of what `--format table` cost over JSON). The tree must not be changed afterwards, as the
 * renderers do not. Equal strings stay equal, so keys that match one field to another still match.
 */
export function escapeControlsDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return escapeControls(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return walkArray(value);
  if (value instanceof Map) return walkMap(value);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // a Date, bytes: not text
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const k of Object.keys(record)) {
    const v = record[k];
    const w = walk(v);
    if (w !== v && out === null) out = { ...record };
    if (out !== null) out[k] = w;
  }
  return out ?? value;
}

function walkArray(value: readonly unknown[]): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const w = walk(v);
    if (w !== v && out === null) out = value.slice();
    if (out !== null) out[i] = w;
  }
  return out ?? (value as unknown[]);
}

function walkMap(value: Map<unknown, unknown>): Map<unknown, unknown> {
  let changed = false;
  const entries = [...value].map(([k, v]) => {
    const pair = [walk(k), walk(v)] as const;
    if (pair[0] !== k || pair[1] !== v) changed = true;
    return pair;
  });
  return changed ? new Map(entries) : value;
}
