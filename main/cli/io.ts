// What a command may touch of the outside world. The real process in bin.mjs; a
// captured one in tests, so commands are tested in-process and through the real bin.
import { createInterface } from 'node:readline';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Reads one line from the terminal without echo; undefined when there is no TTY. */
  promptSecret?(question: string): Promise<string>;
  /** Where the built-in catalogues are; a built CLI or the packaged app sets it (default: the source tree's). */
  catalogueDir?: string;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  promptSecret: process.stdin.isTTY ? promptHidden : undefined,
};

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const mute = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    mute._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
