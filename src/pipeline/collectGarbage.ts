import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this many unit × leaf values a run holds little, and a full collection would only cost it time. */
const LARGE_RUN_VALUES = 50_000;

let collect: (() => void) | null | undefined;

/**
 * One full garbage collection, at the two points of a large run where most of what it allocated has just
 * become garbage: when every input is read (the chunks, texts and row arrays of the readers) and before the
 * report is written (what scoring made on the way). V8 collects lazily and grows its heap meanwhile, so a
 * national run's peak resident size held 15–25 MB of that garbage (docs/benchmark.md, "Memory"): collected
 * here, the peak is what the run holds, not when V8 happened to collect. A few milliseconds each, and only
 * for runs of LARGE_RUN_VALUES values or more (a national run holds 235,791); Node exposes `gc` to a new context once the flag is set.
 */
export function collectGarbage(values: number): void {
  if (values < LARGE_RUN_VALUES) return;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null; // a Node without it: the run goes on as V8 pleases
    }
  }
  collect?.();
}
