// CLI exit codes come from the error registry (main/contract/errors.ts): each code is
// declared there once with its exit code and kind. 1 is left for a code nobody declared
// (the errors test fails on such a code) and for a failed check's verdict.
import { ERRORS, type ErrorCode, isErrorCode } from '../contract/errors';

export const exitCodes = Object.fromEntries(Object.entries(ERRORS).map(([code, spec]) => [code, spec.exit])) as Record<ErrorCode, number>;

export const exitCodeFor = (code: string): number => (isErrorCode(code) ? ERRORS[code].exit : 1);
