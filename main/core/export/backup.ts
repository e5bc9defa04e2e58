// Full-workspace backup and restore. The .attest file is already encrypted and
// authenticated record by record, so a backup is a consistent copy of its committed
// bytes; a restore writes a new file and keeps it only if the workspace's own verify
// (with the passphrase) passes.
import { createHash, randomBytes } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AttestError } from '../errors';
import { type DeviceMemory, verifyWorkspace, type Workspace } from '../workspace';
import { renameDurably } from '../workspace/durable';
import { acquireLock } from '../workspace/lockfile';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The committed bytes of the open workspace. The file only grows by appended, fsync'd
 * records; a compaction replaces it by rename. Reading through a handle opened before
 * the length is taken, with the same snapshot generation before and after, gives a copy
 * of one committed state.
 */
export async function workspaceCopy(ws: Workspace): Promise<Buffer> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = ws.info();
    if (before.compacting) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    const fh = await open(ws.path, 'r');
    try {
      const info = ws.info();
      if (info.compacting || info.snapshotGeneration !== before.snapshotGeneration) continue;
      const size = (await fh.stat()).size;
      if (size < info.fileBytes) continue;
      const bytes = Buffer.alloc(info.fileBytes);
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await fh.read(bytes, done, bytes.length - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      const after = ws.info();
      if (done === bytes.length && after.snapshotGeneration === info.snapshotGeneration && !after.compacting) return bytes;
    } finally {
      await fh.close();
    }
  }
  throw new AttestError('BACKUP_BUSY', 'The workspace kept changing while it was copied; try the backup again in a moment.');
}

/** Writes bytes to a new file (never an existing one) and syncs them. */
async function writeNew(path: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(path, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes bytes to a new file next to the target, then renames it into place durably. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNew(temp, bytes);
    await renameDurably(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

function refuseTarget(target: string, openPath: string | null, overwrite: boolean, existsAlready: boolean): void {
  if (openPath && resolve(target) === resolve(openPath))
    throw new AttestError('BACKUP_TARGET_OPEN', 'That is the workspace open now; choose another file name.');
  if (existsAlready && !overwrite)
    throw new AttestError('FILE_EXISTS', `${target} already exists; choose another name or confirm that it may be replaced.`);
}

export async function backupWorkspace(
  ws: Workspace,
  to: string | undefined,
  overwrite: boolean,
): Promise<{ path: string | null; name: string; size: number; sha256: string; dataBase64: string | null }> {
  const name = `${basename(ws.path).replace(/\.attest$/, '')}-backup.attest`;
  if (to) refuseTarget(to, ws.path, overwrite, await exists(to));
  const bytes = await workspaceCopy(ws);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!to) return { path: null, name, size: bytes.length, sha256, dataBase64: bytes.toString('base64') };
  try {
    await writeAtomically(to, bytes);
  } catch (cause) {
    throw new AttestError('WRITE_FAILED', `The backup could not be written to ${to}; check the folder exists and is writable.`, { cause });
  }
  return { path: to, name: basename(to), size: bytes.length, sha256, dataBase64: null };
}

export async function restoreWorkspace(input: {
  bytes: Uint8Array;
  to: string;
  passphrase: string;
  overwrite: boolean;
  openPath: string | null;
  /** This device's memory, and now: the restored state is the one the user chose, so it opens without a rollback warning. */
  seen?: { memory: DeviceMemory; at: string };
}): Promise<{ path: string; workspaceId: string; commits: number; auditEntries: number }> {
  const target = input.to;
  const present = await exists(target);
  refuseTarget(target, input.openPath, input.overwrite, present);
  // An existing file may be replaced only if no Attest has it open.
  const lock = present ? await acquireLock(target) : null;
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.restore`);
  try {
    await writeNew(temp, input.bytes);
    const report = await verifyWorkspace(temp, { passphrase: input.passphrase });
    if (!report.ok)
      throw new AttestError(
        'RESTORE_VERIFY_FAILED',
        `The backup does not verify (${report.problems[0] ?? 'unknown problem'}); nothing was restored.`,
      );
    await renameDurably(temp, target);
    input.seen?.memory.note(report.workspaceId, { seq: report.lastSeq, auditHash: report.auditHead, at: input.seen.at });
    return { path: target, workspaceId: report.workspaceId, commits: report.records.commits, auditEntries: report.auditEntries };
  } finally {
    await rm(temp, { force: true });
    await lock?.release();
  }
}
