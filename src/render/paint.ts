/** The styles terminal output uses: the table, the trace of `explain`, diagnostics. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'magenta' | 'cyan';
export type Paint = Readonly<Record<Style, (text: string) => string>>;

/** SGR codes that open and close each style, at the 16-colour level. */
const CODES: Record<Style, readonly [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
};

/** Each occurrence of `find` in `text` followed by `then`. */
const after = (text: string, find: string, then: string) => text.split(find).join(find + then);

function style(open: string, close: string): (text: string) => string {
  return (text) => {
    if (text === '') return text;
    // A closing code inside (the text painted before) reopens this style, so what follows stays painted;
    // a line break is closed before and reopened after, so no style bleeds into the next line.
    let s = text.includes('\u001b') ? after(text, close, open) : text;
    if (s.includes('\n')) s = s.replace(/\r?\n/g, (lf) => `${close}${lf}${open}`);
    return `${open}${s}${close}`;
  };
}

const same = (text: string) => text;

const PLAIN: Paint = {
  bold: same,
  dim: same,
  red: same,
  green: same,
  yellow: same,
  magenta: same,
  cyan: same,
};

const COLOURED = Object.fromEntries(
  Object.entries(CODES).map(([name, [open, close]]) => [name, style(`\u001b[${open}m`, `\u001b[${close}m`)]),
) as Paint;

/**
 * Colours only when the run says so (decided from `io`: TTY, NO_COLOR, --no-color), never from a terminal
 * detected here. The bytes are chalk's at its level 1, which drew them before; chalk and its terminal
 * detection cost a province run about 5 ms to load (docs/benchmark.md), for seven codes.
 * test/render/paint.test.ts holds the two to the same output.
 */
export const paint = (color: boolean): Paint => (color ? COLOURED : PLAIN);
