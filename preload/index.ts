// Exposes window.attest: one invoke-only method per contract channel. No raw
// ipcRenderer, no Node, no event subscriptions; the renderer gets Result envelopes.
// The names come from the zod-free list, so the sandboxed preload carries no schemas.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../main/contract/channel-names';

const api = Object.freeze(
  Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])),
);

contextBridge.exposeInMainWorld('attest', api);
