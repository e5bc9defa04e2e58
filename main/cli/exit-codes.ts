// CLI exit codes. 1 is any failure without a more specific code; 2 is a usage error.
// Each bad-input case of a workspace has its own code so scripts can tell them apart.
// Domains add their error codes here.
export const exitCodes: Record<string, number> = {
  USAGE: 2,
  INVALID_REQUEST: 2,
  UNKNOWN_CHANNEL: 2,
  WRONG_PASSPHRASE: 3,
  NOT_FOUND: 4,
  WORKSPACE_NOT_FOUND: 4,
  FILE_EXISTS: 5,
  WORKSPACE_EXISTS: 5,
  WORKSPACE_LOCKED: 6,
  DISK_FULL: 7,
  FOLDER_READ_ONLY: 8,
  WRITE_FAILED: 9,
  NOT_AN_ATTEST_FILE: 10,
  FILE_CORRUPT: 11,
  FILE_TRUNCATED: 12,
  FORMAT_TOO_NEW: 13,
  SCHEMA_TOO_NEW: 14,
  AUDIT_CHAIN_BROKEN: 15,
  PASSPHRASE_REQUIRED: 16,
  NOT_REMEMBERED: 17,
  KEYCHAIN_UNAVAILABLE: 18,
  INTERNAL: 70,
  // Catalogues and assessments: an unknown id, an import file that is not JSON, JSON that
  // is not an OSCAL catalog, and any other import file that cannot be used.
  CATALOG_NOT_FOUND: 19,
  ASSESSMENT_NOT_FOUND: 19,
  IMPORT_NOT_JSON: 20,
  OSCAL_NOT_CATALOG: 21,
  IMPORT_UNSUPPORTED_FILE: 22,
  IMPORT_EMPTY: 22,
  IMPORT_NOTHING: 22,
  IMPORT_TOO_LARGE: 22,
  IMPORT_UNREADABLE_XLSX: 22,
  CSV_UNTERMINATED_QUOTE: 22,
  CATALOG_INVALID: 22,
  IMPORT_MAPPING_INCOMPLETE: 2,
  INVALID_PERIOD: 2,
  CATALOG_EXISTS: 5,
  CATALOG_BUILTIN: 5,
  // Vendors: an unknown or duplicate vendor, "none" mixed with data types, a change to a
  // removed vendor, a secret value where only metadata belongs, a document over the limit.
  VENDOR_NOT_FOUND: 19,
  VENDOR_EXISTS: 5,
  DATA_TYPES_CONFLICT: 40,
  VENDOR_REMOVED: 41,
  SECRET_VALUE_REFUSED: 42,
  DOCUMENT_TOO_LARGE: 43,
};

export const exitCodeFor = (code: string): number => exitCodes[code] ?? 1;
