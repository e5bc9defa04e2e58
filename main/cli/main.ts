// `attest`: the command-line face of the core. It runs without Electron, on the same
// core and contract as the app.
import { parseArgs } from 'node:util';
import { appVersion } from '../core/app/version';
import { AttestError } from '../core/errors';
import type { CliCommand, OptionSpec } from './command';
import { commands } from './commands';
import { exitCodeFor } from './exit-codes';
import { processIo, type CliIo } from './io';

const globalOptions: OptionSpec = {
  json: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'V', default: false },
};

function findCommand(words: string[]): { command: CliCommand; rest: string[] } | undefined {
  for (const length of [2, 1]) {
    const name = words.slice(0, length).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command && words.length >= length) return { command, rest: words.slice(length) };
  }
  return undefined;
}

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Attest ${appVersion}: offline workbench for security reviews.`,
    '',
    'Usage: attest <command> [arguments] [--json] [--debug]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --json       print machine-readable JSON on stdout',
    '  --debug      print stack traces of errors',
    '  -h, --help   show help (for a command: attest <command> --help)',
    '  -V, --version  print the version',
  ].join('\n');
}

const commandHelp = (c: CliCommand) => `Usage: attest ${c.name} ${c.usage}\n\n${c.summary}`;

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const words = argv.filter((a) => !a.startsWith('-'));
    const found = findCommand(words);
    const options = { ...globalOptions, ...(found?.command.options ?? {}) };
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.version) {
      io.out(values.json ? JSON.stringify({ version: appVersion }) : appVersion);
      return 0;
    }
    if (!found) {
      if (words.length > 0) throw new AttestError('USAGE', `Unknown command "${words.join(' ')}". Run "attest --help" for the list.`);
      io.out(helpText());
      return values.help ? 0 : 2;
    }
    if (values.help) {
      io.out(commandHelp(found.command));
      return 0;
    }
    const positionals = parsed.positionals.slice(found.command.name.split(' ').length);
    const json = values.json === true;
    const output = await found.command.run({ positionals, values, json, io });
    io.out(json ? JSON.stringify(output.value, null, 2) : output.human);
    return output.exitCode ?? 0;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof AttestError) {
    io.err(`attest: ${error.message}`);
    if (debug && error.stack) io.err(error.stack);
    return exitCodeFor(error.code);
  }
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`attest: ${(error as Error).message}. Run "attest --help".`);
    return exitCodeFor('USAGE');
  }
  io.err('attest: an unexpected error occurred; nothing further was changed. Run again with --debug for details.');
  if (debug) io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return exitCodeFor('INTERNAL');
}
