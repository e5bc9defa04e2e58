// Durable file steps: fsync of a folder, temp names in the same folder, backup rotation.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const DEFAULT_BACKUPS = 5;

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, constants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export const tempPathFor = (file: string) => join(dirname(file), `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);

export const backupPath = (file: string, n: number) => `${file}.bak${n}`;

/** Removes temp files a crash left behind (only called while holding the lock). */
export async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${basename(file)}.tmp-`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => unlink(join(dirname(file), n)).catch(() => undefined)));
}

/**
 * Shifts <file>.bak1..bakN up by one (dropping the oldest) and makes the current file
 * bak1: a hard link when the file system allows it (instant), else a copy.
 */
export async function rotateBackups(file: string, keep: number): Promise<void> {
  if (keep <= 0) return;
  await unlink(backupPath(file, keep)).catch(() => undefined);
  for (let n = keep - 1; n >= 1; n--) await rename(backupPath(file, n), backupPath(file, n + 1)).catch(() => undefined);
  try {
    await link(file, backupPath(file, 1));
  } catch {
    await copyFile(file, backupPath(file, 1));
  }
}

export async function removeBackups(file: string, upTo = 99): Promise<void> {
  for (let n = 1; n <= upTo; n++) await unlink(backupPath(file, n)).catch(() => undefined);
}
