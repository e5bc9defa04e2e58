// The files the user chose in the main process's own dialogs, by opaque handle. The
// renderer only ever holds a handle; the path stays here. A handle serves the one
// purpose it was chosen for and is spent by the first call that succeeds with it (a
// call that fails, e.g. on a wrong passphrase, leaves it for a retry).
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { FilePurpose } from '../../contract/files';
import { AttestError } from '../errors';

interface Entry {
  path: string;
  purpose: FilePurpose;
  busy: boolean;
}

/** Handles not yet used: enough for any screen; older ones are forgotten first. */
export const MAX_OPEN_HANDLES = 16;
const MAX_REMEMBERED_SPENT = 64;

const PURPOSE_WORDS: Record<FilePurpose, string> = {
  'open:workspace': 'opening a workspace',
  'open:backup': 'reading a backup',
  'save:workspace': 'writing a new workspace',
  'save:backup': 'writing a backup',
};

export class FileHandles {
  private readonly entries = new Map<string, Entry>();
  /** Spent handles, remembered only to say so when one comes back. */
  private readonly spent = new Set<string>();

  /** Registers a file the user chose (or the CLI was given) for one purpose. */
  grant(path: string, purpose: FilePurpose): { handle: string; name: string } {
    const handle = `fh_${randomBytes(18).toString('base64url')}`;
    this.entries.set(handle, { path, purpose, busy: false });
    for (const [old, entry] of this.entries) {
      if (this.entries.size <= MAX_OPEN_HANDLES) break;
      if (!entry.busy) this.entries.delete(old);
    }
    return { handle, name: basename(path) };
  }

  /** Runs `run` with the chosen file's path; the handle is spent once `run` succeeds. */
  async use<T>(handle: string, purpose: FilePurpose, run: (path: string) => Promise<T>): Promise<T> {
    const entry = this.entries.get(handle);
    if (!entry) {
      if (this.spent.has(handle)) throw new AttestError('FILE_HANDLE_USED', 'That file choice was used already; choose the file again.');
      throw new AttestError(
        'FILE_HANDLE_UNKNOWN',
        'That file was not chosen in this session (or the choice expired); choose the file again.',
      );
    }
    if (entry.purpose !== purpose)
      throw new AttestError(
        'FILE_HANDLE_PURPOSE',
        `That file was chosen for ${PURPOSE_WORDS[entry.purpose]}, not for ${PURPOSE_WORDS[purpose]}; choose the file again.`,
      );
    if (entry.busy) throw new AttestError('FILE_HANDLE_USED', 'That file choice is in use by another request; wait for it to finish.');
    entry.busy = true;
    try {
      const result = await run(entry.path);
      this.entries.delete(handle);
      this.spent.add(handle);
      if (this.spent.size > MAX_REMEMBERED_SPENT) this.spent.delete(this.spent.values().next().value as string);
      return result;
    } finally {
      entry.busy = false;
    }
  }
}
