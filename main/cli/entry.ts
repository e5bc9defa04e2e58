// Entry of the built CLI (out/cli/attest.cjs, one file). The catalogues ship in the
// package's catalog/ folder, two levels above the bundle. The same file is the report
// worker when started as one. `attest --version` answers before the core and its
// schemas are loaded, so it starts about as fast as Node does.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { appVersion } from '../core/app/version';

const args = process.argv.slice(2);
if (!isMainThread) {
  void import('../core/report/render.worker');
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${appVersion}\n`);
} else {
  void Promise.all([import('./io'), import('./main'), import('../core/report/render-in-worker')]).then(
    async ([{ processIo }, { runCli }, { useBundledWorker }]) => {
      useBundledWorker(pathToFileURL(__filename));
      process.exitCode = await runCli(args, { ...processIo, catalogueDir: join(__dirname, '../../catalog') });
    },
  );
}
