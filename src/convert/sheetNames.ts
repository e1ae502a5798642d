/** Excel's limits on a sheet name: at most 31 characters, none of [ ] : * ? / \, not starting or ending with '. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** Trims white space and the apostrophes Excel refuses at either end, until neither is left. */
function trimEnds(s: string): string {
  let t = s;
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.trim().replace(/^'+|'+$/g, '');
  }
  return t;
}

/** One name made safe: forbidden characters become spaces, runs of spaces collapse, the end is cut. */
export function safeSheetName(name: string, fallback = 'Sheet'): string {
  const cleaned = trimEnds(name.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' '));
  const base = cleaned === '' || cleaned.toLowerCase() === 'history' ? fallback : cleaned;
  return trimEnds([...base].slice(0, MAX_SHEET_NAME).join('')) || fallback;
}

/**
 * Names that are safe and unique within one workbook (Excel compares them without case): a clash gets
 * " (2)", " (3)" …, cutting the name further so the suffix fits. Order and position are kept.
 */
export function uniqueSheetNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return names.map((name) => {
    const base = safeSheetName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${[...base]
        .slice(0, MAX_SHEET_NAME - suffix.length)
        .join('')
        .trimEnd()}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
