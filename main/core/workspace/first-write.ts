// Opening a workspace writes nothing to it: migrations and built-in installs are applied
// to the database in memory and their records held back (see Workspace.setup). The first
// real change of a session first tidies what a crash left (temp files) and, when that
// change carries held-back records or cuts off an unfinished save, keeps a copy of the
// file as it was as <file>.bak1, so a migration can always be undone by hand.
import { constants } from 'node:fs';
import { copyFile, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { backupPath, fsyncDir, removeStaleTemps, tempPathFor } from './files';

/**
 * Copies the file (never a hard link: the journal is appended to in place, which would
 * change a linked backup too) to <file>.bak1, shifting older backups up.
 */
export async function backupByCopy(file: string, keep: number): Promise<void> {
  if (keep <= 0) return;
  const dir = dirname(file);
  const tmp = tempPathFor(file); // a crash mid-copy leaves a temp the next first write removes
  try {
    await copyFile(file, tmp, constants.COPYFILE_EXCL);
    const fh = await open(tmp, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await unlink(backupPath(file, keep)).catch(() => undefined);
    for (let n = keep - 1; n >= 1; n--) await rename(backupPath(file, n), backupPath(file, n + 1)).catch(() => undefined);
    await rename(tmp, backupPath(file, 1));
    await fsyncDir(dir);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Runs once, before the first bytes of a session reach the file (the caller holds the lock). */
export async function prepareFirstWrite(file: string, opts: { backup: boolean; keep: number }): Promise<void> {
  await removeStaleTemps(file);
  if (opts.backup) await backupByCopy(file, opts.keep);
}
