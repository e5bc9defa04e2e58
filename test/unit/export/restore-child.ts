// Child process of restore-durable.test.ts, run under strace: restores one backup file.
import { readFileSync } from 'node:fs';
import { restoreWorkspace } from '../../../main/core/export/backup';

const [from, to, passphrase] = process.argv.slice(2) as [string, string, string];
restoreWorkspace({ bytes: readFileSync(from), to, passphrase, overwrite: true, openPath: null }).then(
  (r) => process.stdout.write(`restored ${r.commits}\n`),
  (e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  },
);
