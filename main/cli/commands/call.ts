// `attest call <file> <channel> [json]`: any IPC channel against a workspace, for
// scripting. The same dispatcher and validation as the app.
import { resolve } from 'node:path';
import { isChannelName } from '../../contract/ipc';
import { AttestError } from '../../core/errors';
import type { CliCommand } from '../command';
import { chosenFile, invoke, withCore } from '../cli-core';
import { acceptOlder, optionalPassphrase, openOptions, workspacePassphrase } from '../passphrase';

export const callCommand: CliCommand = {
  name: 'call',
  summary: 'Invoke any IPC channel against a workspace and print the JSON answer.',
  usage: '<file> <channel> [json-request] [--passphrase-file <file>] [--accept-older]   (attest channels lists them)',
  options: openOptions,
  async run({ positionals, values, io }) {
    const [file, channel, json] = positionals;
    if (!file || !channel) throw new AttestError('USAGE', 'Usage: attest call <file> <channel> [json-request]');
    if (!isChannelName(channel)) throw new AttestError('UNKNOWN_CHANNEL', `There is no channel named "${channel}". Run "attest channels".`);
    let request: unknown = {};
    if (json !== undefined) {
      try {
        request = JSON.parse(json);
      } catch {
        throw new AttestError('USAGE', 'The request is not valid JSON.');
      }
    }
    const path = resolve(file);
    const passphrase = await optionalPassphrase(io, workspacePassphrase(values));
    const value = await withCore(io, async (core) => {
      await invoke(core, 'workspace.open', {
        handle: chosenFile(core, path, 'open:workspace'),
        passphrase,
        remember: false,
        acceptOlder: acceptOlder(values),
      });
      const result = await core.dispatch(channel, request, { origin: 'cli' });
      if (!result.ok) throw new AttestError(result.error.code, result.error.message);
      return result.value;
    });
    return { value, human: JSON.stringify(value, null, 2) };
  },
};
