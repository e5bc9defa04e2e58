// The core as the CLI uses it: per-user preferences in ~/.config/attest (or
// ATTEST_DATA_DIR), the OS keychain, and the results of dispatch turned into values or
// thrown AttestErrors, so commands read like plain calls.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, RequestOf, ResponseOf } from '../contract/ipc';
import { createCore, type Core } from '../core/core';
import { AttestError } from '../core/errors';
import type { CliIo } from './io';

/** The CLI's data folder: preferences and this device's memory of workspaces. */
export const cliDataDir = (io: CliIo): string =>
  io.env.ATTEST_DATA_DIR ?? join(io.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'attest');

export function cliCore(io: CliIo): Core {
  return createCore({ runtime: 'node', dataDir: cliDataDir(io), ...(io.catalogueDir ? { catalogueDir: io.catalogueDir } : {}) });
}

export async function invoke<C extends ChannelName>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await core.dispatch(channel, request, { origin: 'cli' });
  if (!result.ok) throw new AttestError(result.error.code, result.error.message);
  return result.value as ResponseOf<C>;
}

/** Runs fn with a core and always closes it (releasing the workspace lock). */
export async function withCore<T>(io: CliIo, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = cliCore(io);
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}
