import type { DiagnosticArgs } from '../model/diagnostic.js';

type Render = (a: DiagnosticArgs) => string;

/** One entry per diagnostic or usage-error code. Codes are stable; the README lists them all. */
export const MESSAGES: Record<string, { vi: Render; en: Render }> = {};
