// `attest credential add|list|delete` and `attest check list|run`. A credential value is
// read from stdin or a file, never from the command line (argv is visible to every user
// of the machine). A one-off `check run` is an explicit act of the user: it contacts only
// the hosts that check names for that target, and needs no workspace unless it uses a
// credential.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CredentialMeta } from '../../contract/checks';
import { describeChecks, getCheck, runOne } from '../../core/checks';
import { controlIds } from '../../core/checks/controls';
import { defaultResolver } from '../../core/checks/runner';
import { loadBuiltinCatalogues } from '../../core/catalog/loader';
import type { CheckInput, CheckResult, ResolverConfig } from '../../core/checks/types';
import { createCredentialStore } from '../../core/credentials/store';
import { AttestError } from '../../core/errors';
import { osKeychain } from '../../core/keychain/keychain';
import type { CliCommand, CommandInput } from '../command';
import { invoke } from '../cli-core';
import { exitCodeFor } from '../exit-codes';
import { openOptions } from '../passphrase';
import { table, withWorkspace } from './catalog';

const usage = (text: string) => new AttestError('USAGE', text);

function readSecret(input: CommandInput): string {
  const file = input.values['value-file'];
  let raw: string;
  try {
    raw = typeof file === 'string' ? readFileSync(resolve(file), 'utf8') : readFileSync(0, 'utf8');
  } catch {
    throw new AttestError(
      'VALUE_UNREADABLE',
      typeof file === 'string' ? `Cannot read the value file "${file}".` : 'Cannot read the value from standard input.',
    );
  }
  // One trailing newline is how files and pipes end; it is not part of the secret.
  const value = raw.replace(/\r?\n$/, '');
  if (!value) throw new AttestError('INVALID_CREDENTIAL', 'The credential value is empty: pipe it on standard input or give --value-file.');
  return value;
}

const credentialRows = (list: CredentialMeta[]) =>
  table(
    ['ID', 'LABEL', 'KIND', 'HOSTS', 'CREATED'],
    list.map((c) => [
      c.id,
      c.label,
      c.kind === 'header' ? `header ${c.headerName ?? ''}` : c.kind,
      c.hosts.join(','),
      c.createdAt.slice(0, 10),
    ]),
  );

const addUsage =
  'credential add <workspace> --label <label> --kind bearer|basic|header [--header-name <name>] --hosts <a,b> [--value-file <file>] (value on stdin otherwise)';

export const credentialAddCommand: CliCommand = {
  name: 'credential add',
  summary: 'Save a credential in the OS keychain, bound to its hosts; the value comes from stdin or --value-file.',
  usage: '<workspace> --label <label> --kind bearer|basic|header [--header-name <name>] --hosts <a,b> [--value-file <file>]',
  options: {
    ...openOptions,
    label: { type: 'string' },
    kind: { type: 'string' },
    'header-name': { type: 'string' },
    hosts: { type: 'string' },
    'value-file': { type: 'string' },
  },
  async run(input) {
    const { values } = input;
    const label = typeof values.label === 'string' ? values.label : '';
    const kind = values.kind;
    if (!label.trim()) throw usage(`Missing --label. Usage: attest ${addUsage}`);
    if (kind !== 'bearer' && kind !== 'basic' && kind !== 'header')
      throw usage(`--kind must be bearer, basic or header. Usage: attest ${addUsage}`);
    const hosts =
      typeof values.hosts === 'string'
        ? values.hosts
            .split(',')
            .map((h) => h.trim())
            .filter(Boolean)
        : [];
    if (hosts.length === 0) throw usage(`Missing --hosts (the hosts the value may be sent to). Usage: attest ${addUsage}`);
    const headerName = typeof values['header-name'] === 'string' ? values['header-name'] : undefined;
    return withWorkspace(input, addUsage, async (core) => {
      const value = readSecret(input);
      const meta = await invoke(core, 'credential.create', { label, kind, headerName, hosts, value });
      return { value: meta, human: `Saved credential ${meta.id} ("${meta.label}", ${meta.kind}) for ${meta.hosts.join(', ')}.` };
    });
  },
};

export const credentialListCommand: CliCommand = {
  name: 'credential list',
  summary: 'List saved credentials (label, kind, hosts; never a value).',
  usage: '<workspace> [--passphrase-file <file>] [--accept-older]',
  options: openOptions,
  async run(input) {
    const { credentials } = await withWorkspace(input, 'credential list <workspace>', (core) => invoke(core, 'credential.list', {}));
    return {
      value: { credentials },
      human: credentials.length ? credentialRows(credentials) : 'No credentials saved. Add one with "attest credential add".',
    };
  },
};

export const credentialDeleteCommand: CliCommand = {
  name: 'credential delete',
  summary: 'Delete a credential from the OS keychain.',
  usage: '<workspace> <id> [--passphrase-file <file>] [--accept-older]',
  options: openOptions,
  async run(input) {
    const id = input.positionals[1];
    if (!id) throw usage('Missing the credential id. Usage: attest credential delete <workspace> <id>');
    await withWorkspace(input, 'credential delete <workspace> <id>', (core) => invoke(core, 'credential.delete', { id }));
    return { value: { deleted: id }, human: `Deleted credential ${id}.` };
  },
};

export const checkListCommand: CliCommand = {
  name: 'check list',
  summary: 'List the live checks with the controls each evidences.',
  usage: '[--json]',
  async run() {
    const catalogues = loadBuiltinCatalogues().map((b) => b.catalogue);
    const checks = describeChecks().map((c) => ({ ...c, controls: controlIds(catalogues, getCheck(c.id)!) }));
    return {
      value: { checks },
      human: table(
        ['ID', 'TITLE', 'CREDENTIAL', 'CONTROLS'],
        checks.map((c) => [c.id, c.title, c.credential ? c.credential.kinds.join('/') : '—', c.controls.join(' ') || '—']),
      ),
    };
  },
};

/** Exit codes of a finished check: 0 pass; distinct codes for the other outcomes. */
const outcomeExit: Record<CheckResult['status'], number> = {
  pass: 0,
  warn: exitCodeFor('CHECK_WARN'),
  fail: exitCodeFor('CHECK_FAIL'),
  'could-not-verify': exitCodeFor('CHECK_COULD_NOT_VERIFY'),
  error: exitCodeFor('CHECK_ERROR'),
};

function parseResolver(text: string): ResolverConfig {
  const m = /^\[?([0-9a-fA-F.:]+?)\]?(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m?.[1]) throw usage(`--resolver "${text}" is not an address; write it as 192.0.2.53 or 192.0.2.53:5353.`);
  return { server: m[1], port: Number(m[2] ?? 53) };
}

const runUsage =
  'check run <check> --target <url|host> [--ca <pem file>] [--credential <id> --workspace <file>] [--resolver host:port] [--param name=value…] [--json]';

export const checkRunCommand: CliCommand = {
  name: 'check run',
  summary: 'Run one live check now against one target (only the hosts that check names are contacted).',
  usage:
    '<check> --target <url|host> [--ca <pem file>] [--credential <id> --workspace <file>] [--resolver host:port] [--param name=value…]',
  options: {
    ...openOptions,
    target: { type: 'string' },
    ca: { type: 'string' },
    credential: { type: 'string' },
    workspace: { type: 'string' },
    resolver: { type: 'string' },
    param: { type: 'string', multiple: true },
  },
  async run(input) {
    const { values } = input;
    const checkId = input.positionals[0];
    if (!checkId) throw usage(`Missing the check id (see "attest check list"). Usage: attest ${runUsage}`);
    const check = getCheck(checkId);
    if (!check) throw new AttestError('UNKNOWN_CHECK', `There is no live check called "${checkId}"; see "attest check list".`);
    if (typeof values.target !== 'string' || !values.target.trim()) throw usage(`Missing --target. Usage: attest ${runUsage}`);
    let caPem: string | undefined;
    if (typeof values.ca === 'string') {
      try {
        caPem = readFileSync(resolve(values.ca), 'utf8');
      } catch {
        throw new AttestError('CA_UNREADABLE', `Cannot read the CA file "${values.ca}".`);
      }
    }
    const params: Record<string, string> = {};
    for (const p of (values.param as string[] | undefined) ?? []) {
      const eq = p.indexOf('=');
      if (eq <= 0) throw usage(`--param "${p}" is not name=value.`);
      params[p.slice(0, eq)] = p.slice(eq + 1);
    }
    const resolver = typeof values.resolver === 'string' ? parseResolver(values.resolver) : defaultResolver;
    const credentialId = typeof values.credential === 'string' ? values.credential : undefined;
    const job: CheckInput = { target: values.target.trim(), caPem, credentialId, params };
    const hosts = check.hosts(job, resolver);
    const runIt = (credentials?: ReturnType<typeof createCredentialStore>) =>
      runOne({ checkId, input: job }, { policy: { liveChecksEnabled: true, allowedHosts: hosts }, resolver, credentials });
    let result: CheckResult;
    if (credentialId) {
      if (typeof values.workspace !== 'string')
        throw usage('A run with --credential needs --workspace <file> (the credential is used on behalf of that workspace).');
      const sub = { ...input, positionals: [values.workspace] };
      result = await withWorkspace(sub, runUsage, async (core) => {
        await invoke(core, 'credential.list', {}); // the workspace opened: the user may use its credentials
        return runIt(createCredentialStore(osKeychain()));
      });
    } else {
      if (check.credential?.required) throw usage(`The check "${check.title}" needs --credential <id> and --workspace <file>.`);
      result = await runIt();
    }
    const human = [
      `${result.title} — ${result.target}`,
      `status: ${result.status}${result.suggestedControlStatus ? ` (suggests ${result.suggestedControlStatus})` : ''}`,
      result.summary,
      result.status === 'pass' ? '' : `remediation: ${result.remediation}`,
      `evidences: ${result.controls.join(', ') || '—'}`,
    ]
      .filter(Boolean)
      .join('\n');
    return { value: result, human, exitCode: outcomeExit[result.status] };
  },
};

export const checkCommands: CliCommand[] = [
  credentialAddCommand,
  credentialListCommand,
  credentialDeleteCommand,
  checkListCommand,
  checkRunCommand,
];
