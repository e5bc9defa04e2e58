// Registers every contract channel with ipcMain through one function: the sender must
// be the app's own top-level page, and the core dispatcher validates the payload and
// turns every error into { code, message }.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../contract/ipc';
import { fail } from '../contract/result';
import type { Dispatch } from '../core/dispatcher';
import { isAppUrl } from './origin';

export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(dispatch: Dispatch): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return fail('FORBIDDEN_SENDER', 'This request did not come from an Attest page.');
      return dispatch(channel, payload, { origin: 'renderer' });
    });
  }
}
