// dialog.open and dialog.save: the system's dialog (given in CoreOptions.dialog) picks a
// file and the core answers a handle for it, never the path.
import { basename, dirname } from 'node:path';
import type { FilePurpose } from '../../contract/files';
import type { CoreDeps } from '../deps';
import type { HandlerMap } from '../dispatcher';
import { AttestError } from '../errors';
import { defaultWorkspaceFolder, dialogRequest } from './dialogs';

export function fileHandlers({ files, options, session }: CoreDeps): Pick<HandlerMap, 'dialog.open' | 'dialog.save'> {
  const ask = async (purpose: FilePurpose, folder: string, fileName?: string) => {
    if (!options.dialog)
      throw new AttestError('DIALOG_UNAVAILABLE', 'There is no file dialog here; give the file as a path argument instead.');
    const path = await options.dialog(dialogRequest(purpose, folder, fileName));
    if (path === null) return { canceled: true as const };
    return { canceled: false as const, ...files.grant(path, purpose) };
  };
  // A backup starts beside the open workspace, named after it.
  const openPath = () => (session.lastSeq() === null ? null : session.workspace().path);
  return {
    'dialog.open': (r) => {
      const near = openPath();
      return ask(`open:${r.purpose}`, near ? dirname(near) : defaultWorkspaceFolder());
    },
    'dialog.save': (r) => {
      const near = openPath();
      if (r.purpose === 'backup' && near)
        return ask('save:backup', dirname(near), r.suggestedName ?? `${basename(near).replace(/\.attest$/, '')}-backup.attest`);
      return ask(`save:${r.purpose}`, defaultWorkspaceFolder(), r.suggestedName ?? 'workspace.attest');
    },
  };
}
