// The shape every subcommand follows. Conventions: the workspace file is always the
// first positional argument; --json prints machine-readable output; errors are one
// line on stderr with a non-zero exit code (see exit-codes.ts); --debug adds the stack.
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  json: boolean;
  io: CliIo;
}

export interface CliCommand {
  /** One or two words: `demo`, `vendor list`. */
  name: string;
  summary: string;
  /** Arguments after the name, e.g. `<file> [--force]`. */
  usage: string;
  options?: OptionSpec;
  /** The value printed as JSON with --json; `human` renders it otherwise. */
  run(input: CommandInput): Promise<CommandOutput>;
}

export interface CommandOutput {
  value: unknown;
  human: string;
  exitCode?: number;
}
