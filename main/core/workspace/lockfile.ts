// The exclusive lock beside a workspace: `<file>.lock` holding who holds it. It is created
// complete and atomically (written to a private name, then hard-linked into place, which
// fails if a lock exists). A lock whose process is gone on this host is stale and taken over.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { workspaceError, writeError } from './errors';

interface LockInfo {
  app: 'attest';
  pid: number;
  host: string;
  /** Kernel start time of the process (Linux), to tell a reused pid from the holder. */
  processStart: string | null;
  since: string;
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(info.pid);
  return !(info.processStart && start && start !== info.processStart);
}

export interface WorkspaceLock {
  readonly path: string;
  release(): Promise<void>;
}

export const lockPathFor = (file: string) => `${file}.lock`;

export async function acquireLock(file: string): Promise<WorkspaceLock> {
  const path = lockPathFor(file);
  const info: LockInfo = {
    app: 'attest',
    pid: process.pid,
    host: hostname(),
    processStart: processStart(process.pid),
    // The lock belongs to the file system, not to the workspace's story: its times are
    // compared with file mtimes, so they come from the system clock, not the core's.
    since: new Date().toISOString(),
  };
  const content = JSON.stringify(info);
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(temp, content, { flag: 'wx' });
  } catch (e) {
    throw writeError(e);
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, path);
        return {
          path,
          async release() {
            const now = await readFile(path, 'utf8').catch(() => null);
            if (now === content) await unlink(path).catch(() => undefined);
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(e);
      }
      const held = await readFile(path, 'utf8').catch(() => null);
      if (held === null) continue; // released meanwhile
      let holder: LockInfo | null = null;
      try {
        holder = JSON.parse(held) as LockInfo;
      } catch {
        holder = null;
      }
      const stale = holder
        ? holder.host === info.host && !alive(holder)
        : Date.now() -
            (await stat(path)
              .then((s) => s.mtimeMs)
              .catch(() => Date.now())) >
          30_000;
      if (!stale) {
        const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'unknown holder';
        throw workspaceError('WORKSPACE_LOCKED', { holder: who });
      }
      // Take the stale lock aside atomically; if another opener replaced it meanwhile, put theirs back.
      const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
      await rename(path, aside).catch(() => undefined);
      const moved = await readFile(aside, 'utf8').catch(() => null);
      if (moved !== null && moved !== held) await link(aside, path).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
    }
    throw workspaceError('WORKSPACE_LOCKED', { holder: 'another process keeps taking the lock' });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
