// Putting a finished file in place so that a crash at any moment leaves either the old
// file or the complete new one: the new file's bytes and its folder entry are synced
// before the rename, and the renamed file and its folder again after it, so the
// rename itself is on disk before anyone is told it happened.
import { constants } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from './files';

async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, constants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Renames a complete file in the same folder over `target`, durably. */
export async function renameDurably(temp: string, target: string): Promise<void> {
  await fsyncFile(temp);
  await fsyncDir(dirname(temp));
  await rename(temp, target);
  await fsyncFile(target);
  await fsyncDir(dirname(target));
}
