// An open workspace: the sql.js database in memory, the .attest file behind it and the
// lock beside it; the public face of the store. Commits are serialised through one queue;
// the parts do the work: journal.ts (commit and journal), compaction.ts (a new file with a
// fresh snapshot), blobs.ts (attachment I/O), all on the one WorkspaceState (state.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FileHandle } from 'node:fs/promises';
import type { Database } from 'sql.js';
import { AttestError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import { blobIdFor, checkKdf, wipe } from './crypto';
import { hasTable, loadSqlJs, replay, schemaVersion } from './database';
import { workspaceError, writeError } from './errors';
import { backupPath, DEFAULT_BACKUPS } from './files';
import { FORMAT_VERSION, type Header, type KdfParams } from './format';
import { systemClock } from '../time/clock';
import { describeTornTail } from './torn-tail';
import type { Clock } from '../time/clock';
import type { WorkspaceLock } from './lockfile';
import { LATEST_SCHEMA, migrations as defaultMigrations } from './migrations';
import type { SqlValue } from './records';
import { type BlobLocation, blobComplete, scanFile } from './scan';
import { type Rekeyed, rekeyWorkspaceFile, type RekeyProgress } from './rekey';
import { keyFromPassphrase, rememberedAccount } from './unlock';
import { commitInQueue, validateMutation } from './journal';
import { compactFile } from './compaction';
import { readBlob, writeBlobChunks } from './blobs';
import { UndoHistory } from './undo';
import type { CommitResult, CompactResult, Mutation, ReadOnlyView, StoreOptions, WorkspaceState } from './state';

export type { CommitResult, CompactResult, FaultHooks, Mutation, ReadOnlyView, StoreOptions, WorkspaceState } from './state';
export { BLOB_CHUNK } from './blobs';

export const DEFAULT_BLOB_LIMIT = 25 * 1024 * 1024;
export const DEFAULT_AUTO_COMPACT_BYTES = 4 * 1024 * 1024;

/** The newest change of the session, which undo takes back; `refusal`: why it cannot be. */
export interface LastChange {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  refusal: string | null;
}

export interface BlobMeta {
  actor: string;
  name?: string;
  mediaType?: string;
}

export interface BlobInfo {
  id: string;
  size: number;
  /** True when identical content was already stored (nothing new was written). */
  existed: boolean;
}

export interface WorkspaceInfo {
  path: string;
  workspaceId: string;
  name: string | null;
  formatVersion: number;
  schemaVersion: number;
  kdf: KdfParams;
  createdAt: string;
  fileBytes: number;
  journalBytes: number;
  lastSeq: number;
  snapshotGeneration: number;
  blobCount: number;
  /** Bytes of an unfinished final record found at open (a crash while saving); never acknowledged. */
  recoveredTornTailBytes: number;
  /** What that unfinished record was (torn-tail.ts), or null. */
  recoveredTornTail: string | null;
  compacting: boolean;
  lastCompactionError: { code: string; message: string } | null;
}

export class Workspace {
  private queue: Promise<unknown> = Promise.resolve();
  private compacting: Promise<CompactResult> | null = null;
  private closed = false;
  private lastCompactionError: AttestError | null = null;
  /** Inside setup(): commits are applied in memory and held back until the first real change. */
  private readonly setupScope = new AsyncLocalStorage<true>();
  private readonly blobLimit: number;
  private readonly autoCompactBytes: number;
  private readonly opts: StoreOptions;

  private constructor(private readonly s: WorkspaceState) {
    this.opts = s.opts;
    this.blobLimit = s.opts.blobLimitBytes ?? DEFAULT_BLOB_LIMIT;
    this.autoCompactBytes = s.opts.autoCompactBytes ?? DEFAULT_AUTO_COMPACT_BYTES;
  }

  get path(): string {
    return this.s.path;
  }

  /** The clock this store and every domain writing through it read "now" from. */
  get clock(): Clock {
    return this.opts.clock ?? systemClock;
  }

  /** Now, by the injected clock. */
  now(): Date {
    return new Date(this.clock.now());
  }

  /** Scans the file, rebuilds the database and replays the journal. Internal: use openWorkspace. */
  static async load(
    path: string,
    fh: FileHandle,
    lock: WorkspaceLock,
    header: Header,
    headerBytes: Buffer,
    key: Buffer,
    opts: StoreOptions,
  ): Promise<Workspace> {
    const backups = backupPath(path, 1);
    const size = (await fh.stat()).size;
    const scan = await scanFile(fh, size, key, header.workspaceId, backups);
    const SQL = await loadSqlJs();
    let db: Database;
    try {
      db = new SQL.Database(scan.db);
    } catch (cause) {
      throw workspaceError('FILE_CORRUPT', { detail: 'the snapshot is not a database', backups }, cause);
    }
    try {
      const head = replay(db, scan.commits, backups);
      checkBlobsPresent(db, scan.blobs, backups);
      const latest = (opts.migrations ?? defaultMigrations).at(-1)?.version ?? LATEST_SCHEMA;
      const found = schemaVersion(db);
      if (found > latest) throw workspaceError('SCHEMA_TOO_NEW', { found, max: latest });
      return new Workspace({
        path,
        fh,
        lock,
        header,
        headerBytes,
        key,
        db,
        chainTag: scan.chainTag,
        lastSeq: scan.lastSeq,
        appendOffset: scan.appendOffset,
        journalOffset: scan.journalOffset,
        generation: scan.manifest.generation,
        blobs: scan.blobs,
        auditHead: head,
        tornTailBytes: scan.tornTailBytes,
        tornTail: describeTornTail(scan),
        opts,
        truncatePending: scan.tornTailBytes > 0,
        journalCommitBytes: 0,
        heldBack: [],
        firstWrite: true,
        broken: false,
        backupsKept: opts.backups ?? DEFAULT_BACKUPS,
        undo: new UndoHistory(),
        capture: { signature: null },
      });
    } catch (e) {
      db.close();
      throw e;
    }
  }

  // ---- reading -------------------------------------------------------------------

  /** Runs a read-only query and returns rows as objects. */
  query<T = Record<string, SqlValue>>(sql: string, params: SqlValue[] = []): T[] {
    this.assertOpen();
    if (!/^\s*(SELECT|WITH|VALUES|EXPLAIN)\b/i.test(sql)) {
      throw workspaceError('INVALID_MUTATION', { detail: 'query() only reads; use commit() to change data' });
    }
    // A savepoint rolled back afterwards guarantees a read never changes data, even for
    // a WITH … DELETE that the prefix check lets through.
    this.s.db.run('SAVEPOINT attest_query');
    const stmt = this.s.db.prepare(sql);
    try {
      stmt.bind(params as never);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
      this.s.db.run('ROLLBACK TO attest_query');
      this.s.db.run('RELEASE attest_query');
    }
  }

  info(): WorkspaceInfo {
    this.assertOpen();
    const name = hasTable(this.s.db, 'meta')
      ? ((this.s.db.exec(`SELECT value FROM meta WHERE key = 'name'`)[0]?.values[0]?.[0] as string | undefined) ?? null)
      : null;
    const blobCount = hasTable(this.s.db, 'blobs') ? Number(this.s.db.exec('SELECT count(*) FROM blobs')[0]?.values[0]?.[0] ?? 0) : 0;
    return {
      path: this.path,
      workspaceId: this.s.header.workspaceId.toString('hex'),
      name,
      formatVersion: FORMAT_VERSION,
      schemaVersion: schemaVersion(this.s.db),
      kdf: { ...this.s.header.kdf },
      createdAt: new Date(this.s.header.createdAt).toISOString(),
      fileBytes: this.s.appendOffset,
      journalBytes: this.s.appendOffset - this.s.journalOffset,
      lastSeq: this.s.lastSeq,
      snapshotGeneration: this.s.generation,
      blobCount,
      recoveredTornTailBytes: this.s.tornTailBytes,
      recoveredTornTail: this.s.tornTail,
      compacting: this.compacting !== null,
      lastCompactionError: this.lastCompactionError
        ? { code: this.lastCompactionError.code, message: this.lastCompactionError.message }
        : null,
    };
  }

  /**
   * Runs fn so that the commits it makes (migrations, built-in installs) change the
   * database in memory only; their records reach the file ahead of the first real change,
   * which first keeps a copy of the file as it was. Reading a workspace never writes it.
   */
  setup<T>(fn: () => Promise<T>): Promise<T> {
    return this.setupScope.run(true, fn);
  }

  /** Tells the auto-lock timer the user is active. */
  touch(): void {}

  get isOpen(): boolean {
    return !this.closed;
  }

  // ---- writing -------------------------------------------------------------------

  /** Applies a change and resolves only once it is fsync'd; rejects with nothing changed. */
  async commit(m: Mutation): Promise<CommitResult> {
    validateMutation(m);
    return this.exclusive(() => this.commitLocked(m));
  }

  /** Starts the undo history afresh: what the user can take back begins when they get the workspace. */
  forgetUndo(): void {
    this.s.undo.clear();
  }

  /** The change undo would take back now, or null when there is none in this session. */
  lastChange(): LastChange | null {
    const top = this.s.undo.top();
    if (!top) return null;
    return {
      seq: top.seq,
      at: top.at,
      actor: top.actor,
      action: top.action,
      entity: top.entity,
      refusal: 'refusal' in top.inverse ? top.inverse.refusal : null,
    };
  }

  /**
   * Takes back the newest change of this session as a new, audited commit. `expectSeq`:
   * only if that change is still the newest (an Undo offered for one particular change).
   */
  async undo(actor: string, expectSeq?: number): Promise<{ undone: LastChange; result: CommitResult }> {
    return this.exclusive(async () => {
      this.assertOpen();
      const top = this.lastChange();
      const entry = this.s.undo.top();
      if (!top || !entry) throw new AttestError('NOTHING_TO_UNDO', 'There is no change to undo in this session.');
      if (expectSeq !== undefined && top.seq !== expectSeq) {
        throw new AttestError('UNDO_STALE', 'Newer changes were made after that one; undo those first (Ctrl+Z).');
      }
      if ('refusal' in entry.inverse) {
        throw new AttestError('UNDO_REFUSED', `The last change (${top.action}) cannot be undone: ${entry.inverse.refusal}.`);
      }
      // The entity it changed first, so the audit log names it; then which change is undone.
      const entity = `${top.entity} · undoes ${top.action} (commit ${top.seq})`;
      const result = await this.commitLocked(
        {
          actor,
          action: 'workspace.undo',
          entity: entity.length > 500 ? entity.slice(0, 500) : entity,
          statements: entry.inverse.statements,
        },
        true,
      );
      this.s.undo.pop();
      return { undone: top, result };
    });
  }

  async putBlob(bytes: Uint8Array, meta: BlobMeta): Promise<BlobInfo> {
    this.assertOpen();
    if (!(bytes instanceof Uint8Array)) throw workspaceError('INVALID_MUTATION', { detail: 'an attachment must be bytes' });
    if (bytes.length > this.blobLimit) {
      throw workspaceError('BLOB_TOO_LARGE', { size: bytes.length, limit: this.blobLimit });
    }
    validateMutation({ actor: meta.actor, action: 'blob.put', entity: 'blob', statements: [{ sql: 'x' }] });
    const id = blobIdFor(this.s.key, bytes);
    return this.exclusive(async () => {
      if (this.query(`SELECT 1 AS x FROM blobs WHERE id = ?`, [id]).length > 0) return { id, size: bytes.length, existed: true };
      if (!blobComplete(this.s.blobs.get(id))) await writeBlobChunks(this.s, id, bytes);
      await this.commitLocked({
        actor: meta.actor,
        action: 'blob.put',
        entity: `blob:${id}`,
        statements: [
          {
            sql: `INSERT INTO blobs (id, size, name, media_type, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)`,
            params: [id, bytes.length, meta.name ?? null, meta.mediaType ?? null, this.now().toISOString(), meta.actor],
          },
        ],
      });
      return { id, size: bytes.length, existed: false };
    });
  }

  async getBlob(id: string): Promise<Buffer> {
    this.assertOpen();
    return this.exclusive(async () => {
      if (this.query(`SELECT 1 AS x FROM blobs WHERE id = ?`, [id]).length === 0) throw workspaceError('BLOB_NOT_FOUND');
      return readBlob(this.s, id);
    });
  }

  /** Writes a full snapshot to a new file and swaps it in; commits continue meanwhile. */
  compact(): Promise<CompactResult> {
    this.assertOpen();
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /**
   * Changes the passphrase and rotates the data key: everything is re-encrypted under a
   * new key into a new file that replaces this one (rekey.ts), while commits wait. A key
   * remembered for the old data key no longer opens the workspace; the session replaces it.
   */
  async changePassphrase(
    oldPassphrase: string,
    newPassphrase: string,
    kdf?: KdfParams,
    onProgress?: (p: RekeyProgress) => void,
  ): Promise<void> {
    this.assertOpen();
    if (!newPassphrase) throw workspaceError('PASSPHRASE_EMPTY');
    const check = await keyFromPassphrase(oldPassphrase, this.s.header, this.s.headerBytes);
    const same = check.equals(this.s.key);
    wipe(check);
    if (!same) throw workspaceError('WRONG_PASSPHRASE');
    if (kdf) checkKdf(kdf);
    while (this.compacting) await this.compacting.catch(() => undefined);
    this.compacting = this.exclusive(() => this.rekeyLocked(newPassphrase, kdf ?? this.s.header.kdf, onProgress)).finally(() => {
      this.compacting = null;
    });
    await this.compacting;
  }

  private async rekeyLocked(passphrase: string, kdf: KdfParams, onProgress?: (p: RekeyProgress) => void): Promise<CompactResult> {
    this.assertOpen();
    const started = performance.now();
    const ids = hasTable(this.s.db, 'blobs')
      ? (this.s.db.exec('SELECT id FROM blobs ORDER BY rowid')[0]?.values ?? []).map((r) => String(r[0]))
      : [];
    const live = ids.flatMap((id) => {
      const loc = this.s.blobs.get(id);
      return blobComplete(loc) ? [{ id, loc }] : [];
    });
    let done: Rekeyed;
    try {
      done = await rekeyWorkspaceFile({
        path: this.path,
        fh: this.s.fh,
        header: this.s.header,
        oldKey: this.s.key,
        passphrase,
        kdf,
        db: this.s.db.export(),
        baseSeq: this.s.lastSeq,
        generation: this.s.generation + 1,
        createdAt: this.now().toISOString(),
        live,
        onProgress,
        beforeWrite: (step) => this.opts.faults?.beforeWrite?.(step),
      });
    } catch (e) {
      throw writeError(e);
    }
    const old = { fh: this.s.fh, key: this.s.key, chain: this.s.chainTag };
    this.s.fh = done.fh;
    this.s.key = done.key;
    this.s.header = done.header;
    this.s.headerBytes = done.headerBytes;
    this.s.chainTag = done.chainTag;
    this.s.appendOffset = done.end;
    this.s.journalOffset = done.journalOffset;
    this.s.generation += 1;
    this.s.blobs = done.blobs;
    this.s.truncatePending = false;
    this.s.journalCommitBytes = 0;
    await old.fh.close().catch(() => undefined);
    wipe(old.key, old.chain);
    if (done.folderSyncError) throw writeError(done.folderSyncError);
    return { generation: this.s.generation, fileBytes: done.end, ms: performance.now() - started };
  }

  /** Keeps the data key in the OS keychain so this device opens the workspace without a passphrase. */
  async remember(keychain: Keychain): Promise<void> {
    this.assertOpen();
    await keychain.set(rememberedAccount(this.s.header.workspaceId.toString('hex')), this.s.key.toString('base64'));
  }

  async forget(keychain: Keychain): Promise<boolean> {
    return keychain.delete(rememberedAccount(this.s.header.workspaceId.toString('hex')));
  }

  /** Wipes the keys, closes the database and releases the lock; reopening needs the passphrase. */
  lock(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.compacting) await this.compacting.catch(() => undefined);
    await this.exclusive(async () => {
      if (this.closed) return;
      this.closed = true;
      wipe(this.s.key, this.s.chainTag);
      this.s.db.close();
      await this.s.fh.close().catch(() => undefined);
      await this.s.lock.release();
    });
    await this.opts.memory?.flush();
  }

  // ---- internals -----------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw workspaceError('WORKSPACE_CLOSED');
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies and journals one commit; the caller holds the queue. */
  private async commitLocked(m: Mutation, undoing = false): Promise<CommitResult> {
    this.assertOpen();
    const setup = this.setupScope.getStore() === true;
    const { inverse, ...result } = await commitInQueue(this.s, m, {
      setup,
      capture: !setup && !undoing,
      at: this.now().toISOString(),
      view: this.readView,
    });
    // A setup change is outside the history: nothing before it can be taken back safely.
    if (setup) this.s.undo.clear();
    else if (inverse)
      this.s.undo.record({ seq: result.seq, at: this.now().toISOString(), actor: m.actor, action: m.action, entity: m.entity, inverse });
    // A held-back setup commit is not on disk: no compaction (a write) yet.
    if (!setup && this.autoCompactBytes > 0 && this.s.journalCommitBytes >= this.autoCompactBytes && !this.compacting) {
      void this.compact().catch(() => undefined);
    }
    return result;
  }

  /** What a precondition sees: reads only, on the database as the queue has left it. */
  private readonly readView: ReadOnlyView = { query: (sql, params) => this.query(sql, params) };

  private async runCompaction(): Promise<CompactResult> {
    try {
      const result = await compactFile(this.s, {
        exclusive: (fn) => this.exclusive(fn),
        assertOpen: () => this.assertOpen(),
        now: () => this.now(),
      });
      this.lastCompactionError = null;
      return result;
    } catch (e) {
      const err = writeError(e);
      this.lastCompactionError = err;
      this.opts.onBackgroundError?.(err);
      throw err;
    }
  }

  /** Runs pending migrations, each as its own audited commit. */
  async migrate(target?: number): Promise<number[]> {
    const list = this.opts.migrations ?? defaultMigrations;
    const upTo = target ?? this.opts.targetSchema ?? Infinity;
    const applied: number[] = [];
    for (const m of list) {
      if (m.version <= schemaVersion(this.s.db) || m.version > upTo) continue;
      await this.exclusive(() =>
        this.commitLocked({
          actor: 'attest',
          action: 'schema.migrate',
          entity: `schema:v${m.version}`,
          statements: [...m.up.map((sql) => ({ sql })), { sql: `PRAGMA user_version = ${m.version}` }],
          irreversible: 'a schema upgrade cannot be taken back',
        }),
      );
      applied.push(m.version);
    }
    return applied;
  }
}

function checkBlobsPresent(db: Database, blobs: Map<string, BlobLocation>, backups: string): void {
  if (!hasTable(db, 'blobs')) return;
  for (const row of db.exec('SELECT id FROM blobs')[0]?.values ?? []) {
    if (!blobComplete(blobs.get(String(row[0])))) {
      throw workspaceError('FILE_CORRUPT', { detail: 'an attachment listed in the workspace is missing', backups });
    }
  }
}
