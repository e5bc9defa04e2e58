import type { ErrorPayload } from '../contract/result';

/**
 * An error whose message is safe to show a user: it names what went wrong and what
 * to do, and never carries a secret. Anything else thrown in the core is reported as
 * INTERNAL without its message, because foreign messages may quote secrets or paths.
 */
export class AttestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AttestError';
  }
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AttestError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'An internal error occurred; nothing was changed by the failed step.' };
}
