// The envelope every channel answers with. Errors cross the IPC boundary as data
// ({ code, message }), never as thrown objects, stack traces or secrets.
export interface ErrorPayload {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
