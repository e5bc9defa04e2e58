// Where the CLI gets a passphrase: --passphrase-file, then the environment, then an
// interactive prompt. Never from a plain command-line argument (it would land in the
// shell history and the process list).
import { readFile } from 'node:fs/promises';
import { AttestError } from '../core/errors';
import type { OptionSpec } from './command';
import type { CliIo } from './io';

export const passphraseOptions: OptionSpec = {
  'passphrase-file': { type: 'string' },
};

/**
 * Commands that open a workspace also take --accept-older: open a file older than this
 * device last saw (otherwise refused with exit 26), as it is.
 */
export const openOptions: OptionSpec = {
  ...passphraseOptions,
  'accept-older': { type: 'boolean', default: false },
};

export const acceptOlder = (values: Record<string, unknown>): boolean => values['accept-older'] === true;

interface Source {
  /** The value of the --…-passphrase-file option, and that option's name. */
  file: unknown;
  option: string;
  envVar: string;
  label: string;
  confirm?: boolean;
}

async function fromFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AttestError('NOT_FOUND', `Cannot read the passphrase file ${path}.`);
  }
  const line = text.replace(/\r?\n$/, '');
  if (!line) throw new AttestError('PASSPHRASE_REQUIRED', `The passphrase file ${path} is empty.`);
  return line;
}

/** The passphrase, or undefined when none was given and no terminal can ask for one. */
export async function optionalPassphrase(io: CliIo, source: Source): Promise<string | undefined> {
  if (typeof source.file === 'string') return fromFile(source.file);
  const env = io.env[source.envVar];
  if (env) return env;
  if (!io.promptSecret) return undefined;
  const first = await io.promptSecret(`${source.label}: `);
  if (source.confirm) {
    const second = await io.promptSecret(`Repeat the ${source.label.toLowerCase()}: `);
    if (first !== second) throw new AttestError('USAGE', 'The two passphrases differ; nothing was changed.');
  }
  if (!first) throw new AttestError('PASSPHRASE_REQUIRED', 'The passphrase must not be empty.');
  return first;
}

export async function requirePassphrase(io: CliIo, source: Source): Promise<string> {
  const found = await optionalPassphrase(io, source);
  if (found === undefined) {
    throw new AttestError(
      'PASSPHRASE_REQUIRED',
      `A ${source.label.toLowerCase()} is needed: use --${source.option} <file>, set ${source.envVar}, or run in a terminal.`,
    );
  }
  return found;
}

export const workspacePassphrase = (values: Record<string, unknown>, confirm = false): Source => ({
  file: values['passphrase-file'],
  option: 'passphrase-file',
  envVar: 'ATTEST_PASSPHRASE',
  label: 'Passphrase',
  confirm,
});
