import { type ErrorCode, type ErrorDetails, isErrorCode } from '../contract/errors';
import type { ErrorPayload } from '../contract/result';
import { stripUserinfoInText } from './net/userinfo';

/**
 * An error whose message is safe to show a user: it names what went wrong and what
 * to do, and never carries a secret (nor a URL's userinfo). Anything else thrown in the
 * core is reported as INTERNAL without its message, because foreign messages may quote
 * secrets or paths.
 */
export class AttestError extends Error {
  /** Declared, safe details for the UI (main/contract/errors.ts), never a secret. */
  readonly details: ErrorDetails | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: ErrorDetails },
  ) {
    // A URL quoted in a message never carries its user:password@ (messages are stored and shown).
    super(stripUserinfoInText(message), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AttestError';
    this.details = options?.details;
  }
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AttestError)
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  return { code: 'INTERNAL', message: 'An internal error occurred; nothing was changed by the failed step.' };
}

/** A code that came back as text (a worker, a job's stored error): undeclared ones are INTERNAL. */
export const asErrorCode = (code: string): ErrorCode => (isErrorCode(code) ? code : 'INTERNAL');
