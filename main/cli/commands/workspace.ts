// Workspace file commands: new, info, verify, passwd.
import { basename, extname, resolve } from 'node:path';
import { AttestError } from '../../core/errors';
import { osKeychain } from '../../core/keychain/keychain';
import { deviceMemory, inspectHeader, verifyWorkspace } from '../../core/workspace';
import type { CliCommand } from '../command';
import { exitCodes } from '../exit-codes';
import { chosenFile, cliDataDir, invoke, withCore } from '../cli-core';
import { bytes, facts } from '../format';
import { acceptOlder, openOptions, optionalPassphrase, passphraseOptions, requirePassphrase, workspacePassphrase } from '../passphrase';

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
      invoke(core, 'workspace.create', {
        handle: chosenFile(core, path, 'save:workspace'),
        name,
        passphrase,
        remember: values.remember === true,
      }),
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
  summary: "Show a workspace file's header; with a passphrase, also its contents summary. Changes nothing.",
  usage: '<file> [--passphrase-file <file>] [--accept-older]',
  options: openOptions,
  async run({ positionals, values, io }) {
    const path = fileArgument(positionals, 'info');
    const header = await inspectHeader(path);
    const source = workspacePassphrase(values);
    const passphrase = typeof source.file === 'string' || io.env.ATTEST_PASSPHRASE ? await optionalPassphrase(io, source) : undefined;
    const contents = passphrase
      ? await withCore(io, async (core) => {
          const status = await invoke(core, 'workspace.open', {
            handle: chosenFile(core, path, 'open:workspace'),
            passphrase,
            remember: false,
            acceptOlder: acceptOlder(values),
          });
          const audit = await invoke(core, 'audit.list', { offset: 0, limit: 1 });
          return status.state === 'open'
            ? {
                name: status.name,
                schemaVersion: status.schemaVersion,
                lastSeq: status.lastSeq,
                auditEntries: audit.total,
                discardedUnfinishedSave: status.recoveredTornTail,
              }
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
            ...(contents.discardedUnfinishedSave
              ? [
                  [
                    'Unfinished save',
                    `${contents.discardedUnfinishedSave}; never acknowledged, so it is ignored (the next change cuts it off)`,
                  ],
                ]
              : []),
          ] as [string, string | number | null][])
        : ([['Contents', 'encrypted (give a passphrase to summarise)']] as [string, string][])),
    ]);
    return { value, human };
  },
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary:
    'Check every record of a workspace file and its audit chain, and that it is not older than this device last saw; names the first broken entry. Changes nothing.',
  usage: '<file> [--passphrase-file <file>]',
  options: passphraseOptions,
  async run({ positionals, values, io }) {
    const path = fileArgument(positionals, 'verify');
    const passphrase = await optionalPassphrase(io, workspacePassphrase(values));
    const report = await verifyWorkspace(path, passphrase ? { passphrase } : { keychain: osKeychain() }, {
      memory: deviceMemory(cliDataDir(io)),
    });
    const broken = report.firstBrokenEntry;
    const headline = broken
      ? `audit entry ${broken.seq} is broken (${broken.reason})`
      : report.rollback
        ? 'the file is older than this device last saw (rolled back or replaced)'
        : 'the workspace has problems';
    const human = report.ok
      ? `OK: ${report.records.commits} commits, ${report.records.blobs} attachments, audit chain of ${report.auditEntries} entries intact.`
      : [`FAILED: ${headline}.`, ...report.problems.map((p) => `  - ${p}`)].join('\n');
    const exitCode = report.ok ? 0 : report.rollback && !broken ? exitCodes.WORKSPACE_ROLLED_BACK : exitCodes.AUDIT_CHAIN_BROKEN;
    return { value: report, human, exitCode };
  },
};

export const passwdCommand: CliCommand = {
  name: 'passwd',
  summary: 'Change the passphrase of a workspace: re-encrypts it under a new data key and swaps the new file in.',
  usage: '<file> [--passphrase-file <file>] [--new-passphrase-file <file>] [--accept-older]',
  options: { ...openOptions, 'new-passphrase-file': { type: 'string' } },
  async run({ positionals, values, io, json }) {
    const path = fileArgument(positionals, 'passwd');
    const current = await requirePassphrase(io, { ...workspacePassphrase(values), label: 'Current passphrase' });
    const status = await withCore(io, async (core) => {
      await invoke(core, 'workspace.open', {
        handle: chosenFile(core, path, 'open:workspace'),
        passphrase: current,
        remember: false,
        acceptOlder: acceptOlder(values),
      });
      const next = await requirePassphrase(io, {
        file: values['new-passphrase-file'],
        option: 'new-passphrase-file',
        envVar: 'ATTEST_NEW_PASSPHRASE',
        label: 'New passphrase',
        confirm: true,
      });
      // Progress goes to stderr (stdout stays the result), once a second or every
      // ATTEST_PROGRESS_MS milliseconds.
      let last = -1;
      const ticker = setInterval(
        () => {
          void invoke(core, 'workspace.passphraseProgress', {}).then(
            (p) => {
              if (!p.running || json || p.totalBytes === 0) return;
              const percent = Math.floor((100 * p.doneBytes) / p.totalBytes);
              if (percent !== last) io.err(`Re-encrypting: ${percent}% (${bytes(p.doneBytes)} of ${bytes(p.totalBytes)})`);
              last = percent;
            },
            () => undefined,
          );
        },
        Number(io.env.ATTEST_PROGRESS_MS) || 1000,
      );
      try {
        return await invoke(core, 'workspace.changePassphrase', { current, next });
      } finally {
        clearInterval(ticker);
      }
    });
    return {
      value: { path, changed: true, keyRotated: true, remembered: status.state === 'open' && status.remembered },
      human: `Changed the passphrase of ${path}: re-encrypted under a new key; older backups (.bak1…) were removed.`,
    };
  },
};
