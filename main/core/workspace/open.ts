// Opening and creating a workspace file: checks before the lock, the lock, the key, then
// Workspace.load; a new file is written whole under a temporary name and linked into place.
import { randomBytes } from 'node:crypto';
import { type FileHandle, link, open, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AttestError } from '../errors';
import { systemClock } from '../time/clock';
import { checkKdf, DEFAULT_KDF, MIN_USER_LOG2N, wipe } from './crypto';
import { loadSqlJs } from './database';
import { workspaceError, writeError } from './errors';
import { backupPath, fsyncDir, tempPathFor } from './files';
import type { KdfParams } from './format';
import { acquireLock } from './lockfile';
import { admitOpened } from './seen';
import { writeHeaderAndSnapshot } from './snapshot';
import type { StoreOptions } from './state';
import { buildHeader, keyFor, readHeaderFrom, type Unlock } from './unlock';
import { Workspace } from './workspace';

export interface CreateOptions extends StoreOptions {
  passphrase: string;
  name: string;
  /** Who creates the workspace, for its first audit entry (default "attest"). */
  actor?: string;
  kdf?: KdfParams;
  /** Allows a KDF cost below scrypt N=2^17: tests, fixtures and benchmarks only. */
  allowWeakKdf?: boolean;
}

async function existsOrNot(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw writeError(e);
  }
}

export async function openWorkspace(path: string, unlock: Unlock, opts: StoreOptions = {}): Promise<Workspace> {
  if (!(await existsOrNot(path))) throw workspaceError('WORKSPACE_NOT_FOUND');
  // Check the header before taking the lock, so a stray file gets no lock file beside it.
  {
    const fh = await open(path, 'r');
    try {
      await readHeaderFrom(fh, (await fh.stat()).size, backupPath(path, 1));
    } finally {
      await fh.close();
    }
  }
  const lock = await acquireLock(path);
  let fh: FileHandle | undefined;
  let key: Buffer | undefined;
  try {
    fh = await open(path, 'r+');
    const size = (await fh.stat()).size;
    const { header, bytes } = await readHeaderFrom(fh, size, backupPath(path, 1));
    key = await keyFor(unlock, header, bytes, fh, size);
    const ws = await Workspace.load(path, fh, lock, header, bytes, key, opts);
    // Before anything runs in memory: the state on disk, against this device's memory.
    await admitOpened(ws, opts).catch(async (e: unknown) => {
      await ws.close();
      throw e;
    });
    await ws.setup(() => ws.migrate());
    return ws;
  } catch (e) {
    wipe(key);
    await fh?.close().catch(() => undefined);
    await lock.release();
    throw e instanceof AttestError ? e : writeError(e);
  }
}

export async function createWorkspace(path: string, options: CreateOptions): Promise<Workspace> {
  if (!options.passphrase) throw workspaceError('PASSPHRASE_EMPTY');
  const kdf = options.kdf ?? DEFAULT_KDF;
  checkKdf(kdf);
  if (kdf.log2N < MIN_USER_LOG2N && !options.allowWeakKdf) throw workspaceError('WEAK_KDF');
  if (await existsOrNot(path)) throw workspaceError('WORKSPACE_EXISTS');
  const lock = await acquireLock(path);
  const tmp = tempPathFor(path);
  const dataKey = randomBytes(32);
  let linked = false;
  try {
    const { header, bytes } = await buildHeader(
      { workspaceId: randomBytes(16), createdAt: (options.clock ?? systemClock).now(), kdf },
      options.passphrase,
      dataKey,
    );
    const SQL = await loadSqlJs();
    const empty = new SQL.Database();
    const image = empty.export();
    empty.close();
    const tfh = await open(tmp, 'wx');
    try {
      await writeHeaderAndSnapshot(tfh, bytes, dataKey, header.workspaceId, {
        generation: 1,
        baseSeq: 0,
        db: image,
        createdAt: new Date(header.createdAt).toISOString(),
      });
      await tfh.sync();
    } finally {
      await tfh.close();
    }
    try {
      await link(tmp, path); // fails if something appeared at path meanwhile: never overwrite
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw workspaceError('WORKSPACE_EXISTS');
      throw e;
    }
    linked = true;
    await unlink(tmp);
    await fsyncDir(dirname(path));
    const fh = await open(path, 'r+');
    const ws = await Workspace.load(path, fh, lock, header, bytes, Buffer.from(dataKey), options).catch(async (e) => {
      await fh.close();
      throw e;
    });
    await ws.migrate();
    await ws.commit({
      actor: options.actor ?? 'attest',
      action: 'workspace.create',
      entity: 'workspace',
      statements: [
        {
          sql: `INSERT INTO meta (key, value) VALUES ('name', ?), ('created_at', ?)`,
          params: [options.name, new Date(header.createdAt).toISOString()],
        },
      ],
      irreversible: 'it created the workspace',
    });
    ws.forgetUndo();
    return ws;
  } catch (e) {
    if (!linked) await unlink(tmp).catch(() => undefined);
    await lock.release();
    throw e instanceof AttestError ? e : writeError(e);
  } finally {
    wipe(dataKey);
  }
}
