// Error codes that cross the IPC boundary and map to CLI exit codes.
// Later domains add their codes here so the renderer and the CLI can react to them.
export const errorCodes = {
  INVALID_REQUEST: 'INVALID_REQUEST',
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
  FORBIDDEN_SENDER: 'FORBIDDEN_SENDER',
  INVALID_RESPONSE: 'INVALID_RESPONSE',
  NOT_FOUND: 'NOT_FOUND',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];
