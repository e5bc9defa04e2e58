// Every failure of the workspace store a user can see, with the sentence they read.
// The CLI maps codes to exit codes; the UI shows the message as it is.
import { AttestError } from '../errors';

export const workspaceErrors = {
  NOT_AN_ATTEST_FILE: 'This file is not an Attest workspace. Choose a file ending in .attest that Attest created.',
  FORMAT_TOO_NEW:
    'This workspace was written by a newer version of Attest (file format {found}; this version reads up to {max}). Update Attest to open it.',
  SCHEMA_TOO_NEW:
    'This workspace was written by a newer version of Attest (schema {found}; this version knows up to {max}). Update Attest to open it.',
  WRONG_PASSPHRASE: 'The passphrase is wrong. Check it and try again; the file was not changed.',
  FILE_CORRUPT:
    'The workspace file is damaged or was modified outside Attest ({detail}). It was not changed; restore it from a backup next to it ({backups}).',
  FILE_TRUNCATED:
    'The workspace file is incomplete: it ends in the middle of its saved data ({detail}). It was not changed; restore it from a backup next to it ({backups}).',
  WORKSPACE_LOCKED: 'This workspace is open in another window or process ({holder}). Close it there first, then try again.',
  WORKSPACE_CLOSED: 'This workspace is locked or closed. Open it again with its passphrase.',
  WORKSPACE_EXISTS: 'A file already exists at this path. Choose another name; Attest never overwrites a file when creating a workspace.',
  WORKSPACE_NOT_FOUND: 'No workspace file exists at this path.',
  DISK_FULL: 'The disk is full, so the last change was not saved. Free some space and try again; everything saved before is intact.',
  FOLDER_READ_ONLY:
    'Attest cannot write in the folder of this workspace (it is read-only or access is denied), so the last change was not saved. Everything saved before is intact.',
  WRITE_FAILED: 'The change could not be written to disk ({detail}). Everything saved before is intact.',
  WEAK_KDF: 'The key-derivation cost is below the minimum for a user workspace (scrypt N must be at least 2^17).',
  INVALID_KDF: 'The key-derivation parameters are invalid: {detail}.',
  KDF_TOO_COSTLY:
    'The workspace asks for a key-derivation cost (scrypt N=2^{log2N}, r={r}, p={p}) above what Attest writes (at most N=2^17, r=8, p=1), so it was not attempted: the file header is damaged or was forged. The file was not changed; restore it from a backup.',
  PASSPHRASE_EMPTY: 'The passphrase must not be empty.',
  BLOB_TOO_LARGE:
    'The attachment is {size} bytes; the limit for one attachment is {limit} bytes. Attach a smaller file or raise the limit in settings.',
  BLOB_NOT_FOUND: 'No attachment with this id exists in the workspace.',
  INVALID_MUTATION: 'The change was rejected and nothing was saved: {detail}.',
  NOT_REMEMBERED: 'This workspace is not remembered on this device. Open it with its passphrase.',
  REMEMBERED_KEY_INVALID:
    'The key remembered on this device does not open this workspace (its passphrase was changed since, which replaces the key, or the file was replaced). Open it with its passphrase and choose "remember" again.',
  RECOVER_NOTHING:
    'Nothing can be salvaged from this file: the damage is in its snapshot (the record at byte {offset}: {reason}), which every later change builds on. Restore it from a backup instead.',
} as const;

export type WorkspaceErrorCode = keyof typeof workspaceErrors;

export function workspaceError(code: WorkspaceErrorCode, fill: Record<string, string | number> = {}, cause?: unknown): AttestError {
  const message = workspaceErrors[code].replace(/\{(\w+)\}/g, (_, k: string) => String(fill[k] ?? ''));
  return new AttestError(code, message, cause === undefined ? undefined : { cause });
}

/** Maps an fs error from a write path to the user-facing error; the last good state is intact. */
export function writeError(error: unknown): AttestError {
  if (error instanceof AttestError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return workspaceError('DISK_FULL', {}, error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return workspaceError('FOLDER_READ_ONLY', {}, error);
  return workspaceError('WRITE_FAILED', { detail: code ?? 'unknown error' }, error);
}
