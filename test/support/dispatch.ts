// Typed calls through a core's dispatcher, as the renderer and the CLI make them.
import assert from 'node:assert/strict';
import type { FilePurpose } from '../../main/contract/files';
import type { ChannelName, RequestOf, ResponseOf } from '../../main/contract/ipc';
import type { CallContext } from '../../main/core/dispatcher';
import type { Core } from '../../main/core/core';

const ctx: CallContext = { origin: 'test' };

/** Calls a channel and returns its value; a failure throws with the error's code. */
export async function call<C extends ChannelName>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await core.dispatch(channel, request, ctx);
  if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as ResponseOf<C>;
}

/** Calls a channel that must fail and returns the error. */
export async function failure<C extends ChannelName>(
  core: Core,
  channel: C,
  request: RequestOf<C>,
): Promise<{ code: string; message: string }> {
  const r = await core.dispatch(channel, request, ctx);
  assert.equal(r.ok, false, `${channel} should fail`);
  return r.ok ? { code: '', message: '' } : r.error;
}

/** A base64 upload as the renderer sends a picked file. */
export const upload = (name: string, bytes: Uint8Array | string) => ({
  name,
  dataBase64: Buffer.from(bytes).toString('base64'),
});

/** A file as the app's dialog would hand it over: a handle for one purpose, never the path. */
export const chosen = (core: Core, path: string, purpose: FilePurpose): string => core.files.grant(path, purpose).handle;
