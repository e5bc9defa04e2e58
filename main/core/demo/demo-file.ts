// The demo file appears whole or not at all: it is built in a private folder beside the
// target and moved into place only after every seeder has run. An interrupted `attest
// demo` (killed, no keychain, a seeder failing) so never leaves a half-built workspace
// that the next start would open as if it were complete.
import { existsSync } from 'node:fs';
import { link, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { workspaceError } from '../workspace/errors';
import { fsyncDir } from '../workspace/files';

const buildPrefix = (target: string) => `.${basename(target)}.demo-build-`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the build folders of demo runs whose process is gone (killed midway). */
async function removeAbandonedBuilds(target: string): Promise<void> {
  const prefix = buildPrefix(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && !processAlive(pid)) await rm(join(dirname(target), name), { recursive: true, force: true });
  }
}

/** Runs build(tempPath) and moves the finished file to target; never overwrites a file. */
export async function buildDemoFile<T>(target: string, build: (tempPath: string) => Promise<T>): Promise<T> {
  if (existsSync(target)) throw workspaceError('WORKSPACE_EXISTS');
  await removeAbandonedBuilds(target);
  const dir = await mkdtemp(join(dirname(target), `${buildPrefix(target)}${process.pid}-`));
  try {
    const temp = join(dir, basename(target));
    const result = await build(temp);
    try {
      await link(temp, target); // no-clobber: fails if a file appeared at target meanwhile
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw workspaceError('WORKSPACE_EXISTS');
      if (existsSync(target)) throw workspaceError('WORKSPACE_EXISTS');
      await rename(temp, target); // a file system without hard links
    }
    await fsyncDir(dirname(target));
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
