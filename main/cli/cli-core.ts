// The core as the CLI uses it: per-user preferences in ~/.config/attest (or
// ATTEST_DATA_DIR), the OS keychain, and the results of dispatch turned into values or
// thrown AttestErrors, so commands read like plain calls.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FilePurpose } from '../contract/files';
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

/**
 * The CLI's files are the paths its user typed: it registers each with the core for its
 * one purpose, as the app's dialogs do, and passes the handle on.
 */
export const chosenFile = (core: Core, path: string, purpose: FilePurpose): string => core.files.grant(resolve(path), purpose).handle;

/** Runs fn with a core and always closes it (releasing the workspace lock). */
export async function withCore<T>(io: CliIo, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = cliCore(io);
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}
