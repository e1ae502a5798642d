import type { DiagnosticArgs } from './diagnostic.js';

/**
 * The small error taxonomy. Input problems are not exceptions: they are Diagnostics (exit 1).
 * UsageError: the command line or a file that cannot be opened at all (exit 2).
 * InternalError / anything else: a bug (exit 3).
 * A UsageError carries a message code from the i18n catalogue so it is rendered in the user's language.
 */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    readonly args: DiagnosticArgs = {},
  ) {
    super(`${code} ${JSON.stringify(args)}`);
    this.name = 'UsageError';
  }
}

export class InternalError extends Error {
  override name = 'InternalError';
}
