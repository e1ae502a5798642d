import type { Diagnostic } from '../model/diagnostic.js';

export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 3 } as const;

/** 1 when the inputs have errors, or warnings under --strict; else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const failing = diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
  return failing ? EXIT.inputErrors : EXIT.ok;
}
