// Workspace file commands: new, info, verify, passwd.
import { basename, extname, resolve } from 'node:path';
import { AttestError } from '../../core/errors';
import { osKeychain } from '../../core/keychain/keychain';
import { inspectHeader, verifyWorkspace } from '../../core/workspace';
import type { CliCommand } from '../command';
import { exitCodes } from '../exit-codes';
import { chosenFile, invoke, withCore } from '../cli-core';
import { bytes, facts } from '../format';
import { optionalPassphrase, passphraseOptions, requirePassphrase, workspacePassphrase } from '../passphrase';

function fileArgument(positionals: string[], command: string): string {
  const file = positionals[0];
  if (!file) throw new AttestError('USAGE', `Missing the workspace file. Usage: attest ${command} <file>`);
  return resolve(file);
}

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create a new encrypted workspace file.',
  usage: '<file> [--name <name>] [--remember] [--passphrase-file <file>]',
  options: { ...passphraseOptions, name: { type: 'string' }, remember: { type: 'boolean', default: false } },
  async run({ positionals, values, io }) {
    const path = fileArgument(positionals, 'new');
    const name = typeof values.name === 'string' ? values.name : basename(path, extname(path));
    const passphrase = await requirePassphrase(io, workspacePassphrase(values, true));
    const status = await withCore(io, (core) =>
      invoke(core, 'workspace.create', { handle: chosenFile(core, path, 'save:workspace'), name, passphrase, remember: values.remember === true }),
    );
    if (status.state !== 'open') throw new AttestError('INTERNAL', 'The workspace was created but did not open.');
    return {
      value: { path: status.path, name: status.name, workspaceId: status.workspaceId, remembered: status.remembered },
      human: `Created ${status.path} ("${status.name}")${status.remembered ? ', remembered on this device' : ''}.`,
    };
  },
};

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show a workspace file\'s header; with a passphrase, also its contents summary.',
  usage: '<file> [--passphrase-file <file>]',
  options: passphraseOptions,
  async run({ positionals, values, io }) {
    const path = fileArgument(positionals, 'info');
    const header = await inspectHeader(path);
    const source = workspacePassphrase(values);
    const passphrase = typeof source.file === 'string' || io.env.ATTEST_PASSPHRASE ? await optionalPassphrase(io, source) : undefined;
    const contents = passphrase
      ? await withCore(io, async (core) => {
          const status = await invoke(core, 'workspace.open', { handle: chosenFile(core, path, 'open:workspace'), passphrase, remember: false });
          const audit = await invoke(core, 'audit.list', { offset: 0, limit: 1 });
          return status.state === 'open'
            ? { name: status.name, schemaVersion: status.schemaVersion, lastSeq: status.lastSeq, auditEntries: audit.total }
            : null;
        })
      : null;
    const value = { path, ...header, contents };
    const human = facts([
      ['File', path],
      ['Size', bytes(header.fileBytes)],
      ['Format version', header.formatVersion],
      ['Workspace id', header.workspaceId],
      ['Created', header.createdAt],
      ['Key derivation', `${header.kdf.name} N=2^${header.kdf.log2N} r=${header.kdf.r} p=${header.kdf.p}`],
      ...(contents
        ? ([
            ['Name', contents.name],
            ['Schema version', contents.schemaVersion],
            ['Commits', contents.lastSeq],
            ['Audit entries', contents.auditEntries],
          ] as [string, string | number | null][])
        : ([['Contents', 'encrypted (give a passphrase to summarise)']] as [string, string][])),
    ]);
    return { value, human };
  },
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Check every record of a workspace file and its audit chain; names the first broken entry.',
  usage: '<file> [--passphrase-file <file>]',
  options: passphraseOptions,
  async run({ positionals, values, io }) {
    const path = fileArgument(positionals, 'verify');
    const passphrase = await optionalPassphrase(io, workspacePassphrase(values));
    const report = await verifyWorkspace(path, passphrase ? { passphrase } : { keychain: osKeychain() });
    const broken = report.firstBrokenEntry;
    const human = report.ok
      ? `OK: ${report.records.commits} commits, ${report.records.blobs} attachments, audit chain of ${report.auditEntries} entries intact.`
      : [
          `FAILED: ${broken ? `audit entry ${broken.seq} is broken (${broken.reason})` : 'the workspace has problems'}.`,
          ...report.problems.map((p) => `  - ${p}`),
        ].join('\n');
    return { value: report, human, exitCode: report.ok ? 0 : exitCodes.AUDIT_CHAIN_BROKEN };
  },
};

export const passwdCommand: CliCommand = {
  name: 'passwd',
  summary: 'Change the passphrase of a workspace (re-wraps its key; the data is not re-encrypted).',
  usage: '<file> [--passphrase-file <file>] [--new-passphrase-file <file>]',
  options: { ...passphraseOptions, 'new-passphrase-file': { type: 'string' } },
  async run({ positionals, values, io }) {
    const path = fileArgument(positionals, 'passwd');
    const current = await requirePassphrase(io, { ...workspacePassphrase(values), label: 'Current passphrase' });
    await withCore(io, async (core) => {
      await invoke(core, 'workspace.open', { handle: chosenFile(core, path, 'open:workspace'), passphrase: current, remember: false });
      const next = await requirePassphrase(io, {
        file: values['new-passphrase-file'],
        option: 'new-passphrase-file',
        envVar: 'ATTEST_NEW_PASSPHRASE',
        label: 'New passphrase',
        confirm: true,
      });
      await invoke(core, 'workspace.changePassphrase', { current, next });
    });
    return { value: { path, changed: true }, human: `Changed the passphrase of ${path}.` };
  },
};
