import { escapeControls } from '../model/terminalText.js';

/**
 * A one-line progress bar on stderr for conversions of many files — only on a terminal, so logs and
 * pipes get nothing extra. Cleared when done so the summary lines that follow start clean.
 */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

const WIDTH = 24;
const NONE: Progress = { tick: () => {}, done: () => {} };

export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number): Progress {
  if (stream.isTTY !== true || total < 2) return NONE;
  let n = 0;
  const draw = (label: string) => {
    const filled = Math.round((n / total) * WIDTH);
    const safe = escapeControls(label);
    const name = safe.length > 40 ? `…${safe.slice(-39)}` : safe;
    stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${n}/${total} ${name}`);
  };
  return {
    tick(label) {
      draw(label);
      n++;
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
