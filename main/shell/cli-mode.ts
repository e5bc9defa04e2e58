// `Attest cli <command> …`: the installed app runs a CLI command with no window and
// exits with its code. This is how an installation without Node runs `attest`; the
// RunAsNode fuse stays off, since only Attest's own CLI runs here, never a script.
import { join } from 'node:path';
import { app } from 'electron';
import { processIo } from '../cli/io';
import { runCli } from '../cli/main';

/** The CLI arguments when the app was started as `<app> cli …`, otherwise undefined. */
export function cliArguments(argv: string[], isPackaged: boolean): string[] | undefined {
  // A packaged app gets [exe, ...args]; `electron <main>` gets [electron, main, ...args].
  const args = argv.slice(isPackaged ? 1 : 2);
  return args[0] === 'cli' ? args.slice(1) : undefined;
}

export function runCliInApp(args: string[]): void {
  app.dock?.hide();
  void runCli(args, { ...processIo, catalogueDir: join(app.getAppPath(), 'catalog') }).then((code) => app.exit(code));
}
