// Exposes window.attest: one invoke-only method per contract channel. No raw
// ipcRenderer, no Node, no event subscriptions; the renderer gets Result envelopes.
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../main/contract/ipc';

const api = Object.freeze(
  Object.fromEntries(channelNames.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])),
);

contextBridge.exposeInMainWorld('attest', api);
