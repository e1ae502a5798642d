import { setFlagsFromString } from 'node:v8';

/** Score and survey files of at least this many bytes make a run whose results hold the young generation. */
const LARGE_INPUT_BYTES = 2 * 1024 * 1024;

export const HOLD_FLAG = '--semi-space-growth-factor=1';

/**
 * Keeps V8's young generation at its first size (1 MB halves) for the rest of a large run. V8 doubles it,
 * up to 16 MB a half, whenever much of it survives a scavenge — as a national run's results do while they
 * are made — and, grown, it was 20–30 MB of the run's peak resident size that held little
 * (docs/benchmark.md, "Memory"). Kept small it means more, smaller scavenges: no slower for a national
 * run, but some 15 ms more for a province's, so only inputs of LARGE_INPUT_BYTES or more ask for it. The
 * flag is read by V8 each time the young generation would grow; bin/codeCache.js puts it back before it
 * makes a code cache, which V8 takes only under the flags it was made with.
 */
export function holdYoungGeneration(
  inputBytes: number,
  setFlags: (flags: string) => void = setFlagsFromString,
): void {
  if (inputBytes >= LARGE_INPUT_BYTES) setFlags(HOLD_FLAG);
}
