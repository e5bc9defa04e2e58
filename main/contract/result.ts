// The envelope every channel answers with. Errors cross the IPC boundary as data
// ({ code, message }), never as thrown objects, stack traces or secrets.
import type { ErrorCode, ErrorDetails } from './errors';

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** `seq`: on a write or a job's call, the workspace's sequence number after its commits. */
export type Result<T> = { ok: true; value: T; seq?: number } | { ok: false; error: ErrorPayload };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
