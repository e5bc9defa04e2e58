// CLI exit codes. 1 is any failure without a more specific code; 2 is a usage error.
// Domains add their error codes here so scripts can tell failures apart.
export const exitCodes: Record<string, number> = {
  USAGE: 2,
  INVALID_REQUEST: 2,
  UNKNOWN_CHANNEL: 2,
  NOT_FOUND: 4,
  FILE_EXISTS: 5,
  INTERNAL: 70,
};

export const exitCodeFor = (code: string): number => exitCodes[code] ?? 1;
