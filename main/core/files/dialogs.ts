// What the core asks of a file dialog, and what each purpose shows. The Electron shell
// supplies the dialog (main/shell/dialogs.ts); the browser harness stands in for it; the
// CLI has none (it takes paths as arguments).
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FilePurpose } from '../../contract/files';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogRequest {
  kind: 'open' | 'save';
  purpose: FilePurpose;
  title: string;
  /** Where the dialog starts: a folder, or for a save a folder and file name. */
  defaultPath: string;
  filters: FileFilter[];
}

/** Shows the system's dialog; answers the chosen path, or null when the user cancels. */
export type FileDialog = (request: DialogRequest) => Promise<string | null>;

/** Where new workspaces go unless the user says otherwise. */
export const defaultWorkspaceFolder = () => join(homedir(), 'Attest');

const ATTEST_FILES: FileFilter[] = [{ name: 'Attest workspace', extensions: ['attest'] }];

export const DIALOG_TITLES: Record<FilePurpose, string> = {
  'open:workspace': 'Open a workspace',
  'open:backup': 'Choose a backup to restore',
  'save:workspace': 'Save the new workspace as',
  'save:backup': 'Save an encrypted backup as',
};

export function dialogRequest(purpose: FilePurpose, folder: string, fileName?: string): DialogRequest {
  const kind = purpose.startsWith('open:') ? 'open' : 'save';
  return {
    kind,
    purpose,
    title: DIALOG_TITLES[purpose],
    defaultPath: kind === 'save' && fileName ? join(folder, fileName) : folder,
    filters: [...ATTEST_FILES, { name: 'All files', extensions: ['*'] }],
  };
}
