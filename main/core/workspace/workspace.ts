// An open workspace: the sql.js database in memory, the .attest file behind it and the
// lock beside it. Commits are serialised; each is applied inside a transaction, appended
// to the file's journal and fsync'd before it resolves. Compaction writes a new file
// (snapshot + live attachments + commits made meanwhile) and renames it into place.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { type FileHandle, link, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Database } from 'sql.js';
import { AttestError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import { blobIdFor, checkKdf, DEFAULT_KDF, MIN_USER_LOG2N, openRecord, sealRecord, wipe } from './crypto';
import {
  applyCommit,
  hasTable,
  loadSqlJs,
  replay,
  schemaVersion,
} from './database';
import { workspaceError, writeError } from './errors';
import {
  backupPath,
  DEFAULT_BACKUPS,
  fsyncDir,
  rotateBackups,
  tempPathFor,
} from './files';
import { decodeFrame, FORMAT_VERSION, FRAME_LENGTH, type Header, type KdfParams, RecordType } from './format';
import { systemClock } from '../time/clock';
import { prepareFirstWrite } from './first-write';
import { admitOpened, type DeviceMemory } from './seen';
import { describeTornTail } from './torn-tail';
import type { Clock } from '../time/clock';
import { acquireLock, type WorkspaceLock } from './lockfile';
import { LATEST_SCHEMA, type Migration, migrations as defaultMigrations } from './migrations';
import { type CommitPayload, decodeBlobChunkHead, encodeBlobChunk, encodeJson, type SqlValue, type Statement } from './records';
import { blobChunkData, blobChunkDataLength, blobPlainDataLength, bodyOffset, bodyTag, recordBody, recordLength } from './layout';
import { type BlobChunkLocation, type BlobLocation, blobComplete, scanFile } from './scan';
import { type Rekeyed, rekeyWorkspaceFile, type RekeyProgress } from './rekey';
import { writeAll, writeHeaderAndSnapshot } from './snapshot';
import { buildHeader, keyFor, keyFromPassphrase, readHeaderFrom, rememberedAccount, type Unlock } from './unlock';

export const DEFAULT_BLOB_LIMIT = 25 * 1024 * 1024;
export const BLOB_CHUNK = 1024 * 1024;
export const DEFAULT_AUTO_COMPACT_BYTES = 4 * 1024 * 1024;

export interface Mutation {
  actor: string;
  action: string;
  entity: string;
  statements: Statement[];
}

export interface CommitResult {
  seq: number;
  auditHash: string;
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

/** Test seam: throw from here to simulate a failing disk at a given write step. */
export interface FaultHooks {
  beforeWrite?(step: 'journal' | 'blob' | 'snapshot' | 'swap'): void | Promise<void>;
}

export interface StoreOptions {
  /** How many previous versions to keep as <file>.bak1..N (default 5). */
  backups?: number;
  /** Largest attachment accepted by putBlob, in bytes (default 25 MiB). */
  blobLimitBytes?: number;
  /** Journal size (commit records only) that triggers a background compaction; 0 turns it off. */
  autoCompactBytes?: number;
  /** The core's clock: the time of every record this store writes. */
  clock?: Clock;
  /** Reports a failed background compaction (the workspace stays usable; the journal keeps growing). */
  onBackgroundError?: (error: AttestError) => void;
  /** For tests and fixtures only: the migration list to use instead of the built-in one. */
  migrations?: readonly Migration[];
  /** For tests and fixtures only: stop migrating at this schema version. */
  targetSchema?: number;
  faults?: FaultHooks;
  /** This device's memory of workspaces (seen.ts): a file older than it remembers is refused. */
  memory?: DeviceMemory;
  /** Opens a file older than this device remembers, as it is: the user accepted that state. */
  acceptOlder?: boolean;
}

export interface CreateOptions extends StoreOptions {
  passphrase: string;
  name: string;
  /** Who creates the workspace, for its first audit entry (default "attest"). */
  actor?: string;
  kdf?: KdfParams;
  /** Allows a KDF cost below scrypt N=2^17: tests, fixtures and benchmarks only. */
  allowWeakKdf?: boolean;
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

export interface CompactResult {
  generation: number;
  fileBytes: number;
  ms: number;
}

// A mutation may not rewrite history, change the schema version, attach files or
// manage transactions itself (each commit is exactly one transaction).
const FORBIDDEN_SQL = /audit_log|user_version|sqlite_master|sqlite_schema|\battach\b|\bdetach\b|\bpragma\b/i;
const TRANSACTION_SQL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|VACUUM)\b/i;

function validateMutation(m: Mutation): void {
  const bad = (detail: string) => workspaceError('INVALID_MUTATION', { detail });
  for (const f of ['actor', 'action', 'entity'] as const) {
    if (typeof m?.[f] !== 'string' || m[f].length === 0 || m[f].length > 500) throw bad(`${f} must be a non-empty text`);
  }
  if (!Array.isArray(m.statements) || m.statements.length === 0) throw bad('a change needs at least one statement');
  for (const s of m.statements) {
    if (typeof s?.sql !== 'string' || !s.sql.trim()) throw bad('every statement needs SQL text');
    if (FORBIDDEN_SQL.test(s.sql) || TRANSACTION_SQL.test(s.sql)) {
      throw bad('statements may not touch the audit log, the schema version, pragmas, attached databases or transactions');
    }
    for (const p of s.params ?? []) {
      const ok =
        p === null || typeof p === 'string' || p instanceof Uint8Array || (typeof p === 'number' && Number.isFinite(p));
      if (!ok) throw bad('parameters must be text, finite numbers, bytes or null');
    }
  }
}

function sqliteDetail(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}

export class Workspace {
  private queue: Promise<unknown> = Promise.resolve();
  private compacting: Promise<CompactResult> | null = null;
  private closed = false;
  private broken = false;
  private truncatePending: boolean;
  private journalCommitBytes = 0;
  private lastCompactionError: AttestError | null = null;
  /** Commits made inside setup(): applied in memory, written just before the first real change. */
  private readonly setupScope = new AsyncLocalStorage<true>();
  private heldBack: Buffer[] = [];
  private firstWrite = true;
  private tornTail: string | null = null;
  private readonly backupsKept: number;
  private readonly blobLimit: number;
  private readonly autoCompactBytes: number;

  private constructor(
    readonly path: string,
    private fh: FileHandle,
    private readonly lockHandle: WorkspaceLock,
    private header: Header,
    private headerBytes: Buffer,
    private key: Buffer,
    private db: Database,
    private chainTag: Buffer,
    private lastSeq: number,
    private appendOffset: number,
    private journalOffset: number,
    private generation: number,
    private blobs: Map<string, BlobLocation>,
    private auditHead: string,
    private readonly tornTailBytes: number,
    private readonly opts: StoreOptions,
  ) {
    this.truncatePending = tornTailBytes > 0;
    this.backupsKept = opts.backups ?? DEFAULT_BACKUPS;
    this.blobLimit = opts.blobLimitBytes ?? DEFAULT_BLOB_LIMIT;
    this.autoCompactBytes = opts.autoCompactBytes ?? DEFAULT_AUTO_COMPACT_BYTES;
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
      const ws = new Workspace(
        path, fh, lock, header, headerBytes, key, db, scan.chainTag, scan.lastSeq, scan.appendOffset,
        scan.journalOffset, scan.manifest.generation, scan.blobs, head, scan.tornTailBytes, opts,
      );
      ws.journalCommitBytes = 0;
      ws.tornTail = describeTornTail(scan);
      return ws;
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
    this.db.run('SAVEPOINT attest_query');
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params as never);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
      this.db.run('ROLLBACK TO attest_query');
      this.db.run('RELEASE attest_query');
    }
  }

  info(): WorkspaceInfo {
    this.assertOpen();
    const name = hasTable(this.db, 'meta')
      ? ((this.db.exec(`SELECT value FROM meta WHERE key = 'name'`)[0]?.values[0]?.[0] as string | undefined) ?? null)
      : null;
    const blobCount = hasTable(this.db, 'blobs') ? Number(this.db.exec('SELECT count(*) FROM blobs')[0]?.values[0]?.[0] ?? 0) : 0;
    return {
      path: this.path,
      workspaceId: this.header.workspaceId.toString('hex'),
      name,
      formatVersion: FORMAT_VERSION,
      schemaVersion: schemaVersion(this.db),
      kdf: { ...this.header.kdf },
      createdAt: new Date(this.header.createdAt).toISOString(),
      fileBytes: this.appendOffset,
      journalBytes: this.appendOffset - this.journalOffset,
      lastSeq: this.lastSeq,
      snapshotGeneration: this.generation,
      blobCount,
      recoveredTornTailBytes: this.tornTailBytes,
      recoveredTornTail: this.tornTail,
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
  touch(): void {
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  // ---- writing -------------------------------------------------------------------

  /** Applies a change and resolves only once it is fsync'd; rejects with nothing changed. */
  async commit(m: Mutation): Promise<CommitResult> {
    validateMutation(m);
    return this.exclusive(() => this.commitLocked(m));
  }

  async putBlob(bytes: Uint8Array, meta: BlobMeta): Promise<BlobInfo> {
    this.assertOpen();
    if (!(bytes instanceof Uint8Array)) throw workspaceError('INVALID_MUTATION', { detail: 'an attachment must be bytes' });
    if (bytes.length > this.blobLimit) {
      throw workspaceError('BLOB_TOO_LARGE', { size: bytes.length, limit: this.blobLimit });
    }
    validateMutation({ actor: meta.actor, action: 'blob.put', entity: 'blob', statements: [{ sql: 'x' }] });
    const id = blobIdFor(this.key, bytes);
    return this.exclusive(async () => {
      if (this.query(`SELECT 1 AS x FROM blobs WHERE id = ?`, [id]).length > 0) return { id, size: bytes.length, existed: true };
      if (!blobComplete(this.blobs.get(id))) await this.writeBlobChunks(id, bytes);
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
      const loc = this.blobs.get(id);
      if (this.query(`SELECT 1 AS x FROM blobs WHERE id = ?`, [id]).length === 0 || !blobComplete(loc)) {
        throw workspaceError('BLOB_NOT_FOUND');
      }
      const parts: Buffer[] = [];
      for (const c of loc.chunks) parts.push(await this.readBlobChunk(c, id));
      return Buffer.concat(parts);
    });
  }

  /** Writes a full snapshot to a new file and swaps it in; commits continue meanwhile. */
  compact(): Promise<CompactResult> {
    this.assertOpen();
    this.compacting ??= this.runCompaction(null).finally(() => {
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
    const check = await keyFromPassphrase(oldPassphrase, this.header, this.headerBytes);
    const same = check.equals(this.key);
    wipe(check);
    if (!same) throw workspaceError('WRONG_PASSPHRASE');
    if (kdf) checkKdf(kdf);
    while (this.compacting) await this.compacting.catch(() => undefined);
    this.compacting = this.exclusive(() => this.rekeyLocked(newPassphrase, kdf ?? this.header.kdf, onProgress)).finally(() => {
      this.compacting = null;
    });
    await this.compacting;
  }

  private async rekeyLocked(passphrase: string, kdf: KdfParams, onProgress?: (p: RekeyProgress) => void): Promise<CompactResult> {
    this.assertOpen();
    const started = performance.now();
    const ids = hasTable(this.db, 'blobs')
      ? (this.db.exec('SELECT id FROM blobs ORDER BY rowid')[0]?.values ?? []).map((r) => String(r[0]))
      : [];
    const live = ids.flatMap((id) => {
      const loc = this.blobs.get(id);
      return blobComplete(loc) ? [{ id, loc }] : [];
    });
    let done: Rekeyed;
    try {
      done = await rekeyWorkspaceFile({
        path: this.path,
        fh: this.fh,
        header: this.header,
        oldKey: this.key,
        passphrase,
        kdf,
        db: this.db.export(),
        baseSeq: this.lastSeq,
        generation: this.generation + 1,
        createdAt: this.now().toISOString(),
        live,
        onProgress,
        beforeWrite: (step) => this.opts.faults?.beforeWrite?.(step),
      });
    } catch (e) {
      throw writeError(e);
    }
    const old = { fh: this.fh, key: this.key, chain: this.chainTag };
    this.fh = done.fh;
    this.key = done.key;
    this.header = done.header;
    this.headerBytes = done.headerBytes;
    this.chainTag = done.chainTag;
    this.appendOffset = done.end;
    this.journalOffset = done.journalOffset;
    this.generation += 1;
    this.blobs = done.blobs;
    this.truncatePending = false;
    this.journalCommitBytes = 0;
    await old.fh.close().catch(() => undefined);
    wipe(old.key, old.chain);
    if (done.folderSyncError) throw writeError(done.folderSyncError);
    return { generation: this.generation, fileBytes: done.end, ms: performance.now() - started };
  }

  /** Keeps the data key in the OS keychain so this device opens the workspace without a passphrase. */
  async remember(keychain: Keychain): Promise<void> {
    this.assertOpen();
    await keychain.set(rememberedAccount(this.header.workspaceId.toString('hex')), this.key.toString('base64'));
  }

  async forget(keychain: Keychain): Promise<boolean> {
    return keychain.delete(rememberedAccount(this.header.workspaceId.toString('hex')));
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
      wipe(this.key, this.chainTag);
      this.db.close();
      await this.fh.close().catch(() => undefined);
      await this.lockHandle.release();
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
  async commitLocked(m: Mutation): Promise<CommitResult> {
    this.assertOpen();
    const seq = this.lastSeq + 1;
    const payload: CommitPayload = {
      v: 1,
      seq,
      at: this.now().toISOString(),
      actor: m.actor,
      action: m.action,
      entity: m.entity,
      statements: m.statements.map((s) => (s.params ? { sql: s.sql, params: s.params } : { sql: s.sql })),
    };
    // Check the change by applying it and rolling it back at once: nothing awaits in
    // between, so no reader ever sees rows that are not yet on disk (or never will be).
    let head: string;
    this.db.run('BEGIN');
    try {
      head = applyCommit(this.db, payload, this.auditHead);
    } catch (e) {
      throw workspaceError('INVALID_MUTATION', { detail: sqliteDetail(e) }, e);
    } finally {
      rollbackIfOpen(this.db);
    }
    const rec = sealRecord(this.key, this.header.workspaceId, RecordType.commit, BigInt(seq), encodeJson(payload), this.chainTag);
    // null: a setup commit, held back in memory until the first real change.
    let at: number | null = null;
    try {
      if (this.setupScope.getStore()) this.heldBack.push(rec.bytes);
      else at = await this.append([rec.bytes], 'journal');
    } catch (e) {
      throw writeError(e);
    }
    // Durable now: apply it for real in one synchronous step.
    this.db.run('BEGIN');
    try {
      applyCommit(this.db, payload, this.auditHead);
      this.db.run('COMMIT');
    } catch (e) {
      rollbackIfOpen(this.db);
      // Only a statement that is not deterministic gets here; cut its record off so the
      // file and the database agree.
      if (at === null) this.heldBack.pop();
      else await this.cutBack(at);
      throw workspaceError('INVALID_MUTATION', { detail: sqliteDetail(e) }, e);
    }
    this.chainTag = rec.tag;
    this.lastSeq = seq;
    this.auditHead = head;
    this.journalCommitBytes += rec.bytes.length;
    // A held-back setup commit is not on disk: nothing to remember, and no compaction (a write) yet.
    if (this.setupScope.getStore()) return { seq, auditHash: head };
    this.opts.memory?.note(this.header.workspaceId.toString('hex'), { seq, auditHash: head, at: payload.at });
    if (this.autoCompactBytes > 0 && this.journalCommitBytes >= this.autoCompactBytes && !this.compacting) {
      void this.compact().catch(() => undefined);
    }
    return { seq, auditHash: head };
  }

  /**
   * Writes records at the end of the file (after any held-back setup records) and fsyncs;
   * on failure cuts the file back. Returns where the given records start.
   */
  private async append(given: Buffer[], step: 'journal' | 'blob'): Promise<number> {
    if (this.broken) throw workspaceError('WRITE_FAILED', { detail: 'an earlier write failed; close and reopen the workspace' });
    const at = this.appendOffset;
    const records = [...this.heldBack, ...given];
    try {
      await this.opts.faults?.beforeWrite?.(step);
      if (this.firstWrite) {
        await prepareFirstWrite(this.path, { backup: this.heldBack.length > 0 || this.truncatePending, keep: this.backupsKept });
        this.firstWrite = false;
      }
      if (this.truncatePending) {
        await this.fh.truncate(at);
        this.truncatePending = false;
      }
      let pos = at;
      for (const r of records) {
        await writeAll(this.fh, r, pos);
        pos += r.length;
      }
      await this.fh.datasync();
      this.appendOffset = pos;
      const givenAt = at + this.heldBack.reduce((n, r) => n + r.length, 0);
      this.heldBack = [];
      return givenAt;
    } catch (e) {
      // Cut back to the last good state; if even that fails, the unfinished record is a
      // torn tail that the next open discards, and this session stops writing.
      await this.fh.truncate(at).catch(() => {
        this.broken = true;
      });
      throw e;
    }
  }

  /** Removes the records from `at` on (the caller holds the queue). */
  private async cutBack(at: number): Promise<void> {
    try {
      await this.fh.truncate(at);
      await this.fh.datasync();
      this.appendOffset = at;
    } catch {
      this.broken = true;
    }
  }

  private async writeBlobChunks(id: string, bytes: Uint8Array): Promise<void> {
    const idBytes = Buffer.from(id, 'hex');
    const count = Math.max(1, Math.ceil(bytes.length / BLOB_CHUNK));
    const records: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const data = bytes.subarray(i * BLOB_CHUNK, (i + 1) * BLOB_CHUNK);
      records.push(
        sealRecord(this.key, this.header.workspaceId, RecordType.blob, BigInt(i), encodeBlobChunk(idBytes, i, count, bytes.length, data), null)
          .bytes,
      );
    }
    let at: number;
    try {
      at = await this.append(records, 'blob');
    } catch (e) {
      throw writeError(e);
    }
    const loc: BlobLocation = { total: bytes.length, chunks: [] };
    for (let i = 0; i < count; i++) {
      const r = records[i]!;
      loc.chunks.push({ offset: at, length: r.length, dataLength: blobChunkDataLength(r.length) });
      at += r.length;
    }
    this.blobs.set(id, loc);
  }

  private async readBlobChunk(c: BlobChunkLocation, id: string): Promise<Buffer> {
    const raw = Buffer.alloc(c.length);
    await this.fh.read(raw, 0, c.length, c.offset);
    const frame = decodeFrame(raw);
    const plain = frame && openRecord(this.key, this.header.workspaceId, raw, frame, recordBody(raw), null);
    if (!plain || decodeBlobChunkHead(plain).id !== id) {
      throw workspaceError('FILE_CORRUPT', { detail: 'an attachment record changed on disk', backups: backupPath(this.path, 1) });
    }
    return blobChunkData(plain);
  }

  private async runCompaction(newHeader: { header: Header; bytes: Buffer } | null): Promise<CompactResult> {
    const started = performance.now();
    try {
      // A: capture a consistent cut (the only synchronous step is the database export).
      const cut = await this.exclusive(async () => {
        this.assertOpen();
        // Held-back setup records go to the file first (and the first-write steps run now,
        // not while the new file's temp exists).
        if (this.firstWrite || this.heldBack.length > 0) await this.append([], 'journal');
        const live = hasTable(this.db, 'blobs')
          ? (this.db.exec('SELECT id FROM blobs ORDER BY rowid')[0]?.values ?? []).map((r) => String(r[0]))
          : [];
        return {
          db: this.db.export(),
          baseSeq: this.lastSeq,
          fromOffset: this.appendOffset,
          fromChain: Buffer.from(this.chainTag),
          live,
          oldFh: this.fh,
          generation: this.generation + 1,
        };
      });
      const head = newHeader ?? { header: this.header, bytes: this.headerBytes };
      const tmp = tempPathFor(this.path);
      const tfh = await open(tmp, 'wx');
      let swapped = false;
      try {
        // B: snapshot and attachments into the new file, while commits go on.
        await this.opts.faults?.beforeWrite?.('snapshot');
        const snap = await writeHeaderAndSnapshot(tfh, head.bytes, this.key, this.header.workspaceId, {
          generation: cut.generation,
          baseSeq: cut.baseSeq,
          db: cut.db,
          createdAt: this.now().toISOString(),
        });
        let offset = snap.end;
        const journalOffset = snap.end;
        const blobs = new Map<string, BlobLocation>();
        const copyRaw = async (from: FileHandle, at: number, length: number): Promise<number> => {
          const raw = Buffer.allocUnsafe(length);
          await from.read(raw, 0, length, at);
          await writeAll(tfh, raw, offset);
          const placed = offset;
          offset += length;
          return placed;
        };
        for (const id of cut.live) {
          const loc = this.blobs.get(id);
          if (!blobComplete(loc)) continue;
          const moved: BlobLocation = { total: loc.total, chunks: [] };
          for (const c of loc.chunks) moved.chunks.push({ ...c, offset: await copyRaw(cut.oldFh, c.offset, c.length) });
          blobs.set(id, moved);
        }
        // C: under the queue, carry over what was appended meanwhile, then swap files.
        const result = await this.exclusive(async () => {
          this.assertOpen();
          let chain = snap.chainTag;
          let pos = cut.fromOffset;
          let oldChain = cut.fromChain;
          let commitBytes = 0;
          while (pos < this.appendOffset) {
            const frameBytes = Buffer.alloc(FRAME_LENGTH);
            await this.fh.read(frameBytes, 0, FRAME_LENGTH, pos);
            const frame = decodeFrame(frameBytes);
            if (!frame) throw new Error('journal record frame unreadable during compaction');
            const length = recordLength(frame.bodyLength);
            if (frame.type === RecordType.blob) {
              const raw = Buffer.alloc(length);
              await this.fh.read(raw, 0, length, pos);
              const placed = offset;
              await writeAll(tfh, raw, offset);
              offset += length;
              // Locate the chunk by decrypting its head (id and index) once.
              const plain = openRecord(this.key, this.header.workspaceId, raw, frame, recordBody(raw), null);
              if (!plain) throw new Error('attachment record unreadable during compaction');
              const head = decodeBlobChunkHead(plain);
              let loc = blobs.get(head.id);
              if (!loc) {
                loc = { total: head.total, chunks: new Array(head.count).fill(undefined) };
                blobs.set(head.id, loc);
              }
              loc.chunks[head.index] ??= { offset: placed, length, dataLength: blobPlainDataLength(plain.length) };
            } else {
              const body = Buffer.alloc(frame.bodyLength);
              await this.fh.read(body, 0, frame.bodyLength, bodyOffset(pos));
              const plain = openRecord(this.key, this.header.workspaceId, frameBytes, frame, body, oldChain);
              if (!plain) throw new Error('journal record unreadable during compaction');
              oldChain = Buffer.from(bodyTag(body));
              const rec = sealRecord(this.key, this.header.workspaceId, RecordType.commit, frame.seq, plain, chain);
              await writeAll(tfh, rec.bytes, offset);
              offset += rec.bytes.length;
              commitBytes += rec.bytes.length;
              chain = rec.tag;
            }
            pos += length;
          }
          await this.opts.faults?.beforeWrite?.('swap');
          await tfh.sync();
          await tfh.close();
          await rotateBackups(this.path, this.backupsKept);
          await rename(tmp, this.path);
          swapped = true;
          await fsyncDir(dirname(this.path));
          const fresh = await open(this.path, 'r+');
          await this.fh.close().catch(() => undefined);
          this.fh = fresh;
          this.chainTag = chain;
          this.appendOffset = offset;
          this.journalOffset = journalOffset;
          this.generation = cut.generation;
          this.blobs = blobs;
          this.truncatePending = false;
          this.journalCommitBytes = commitBytes;
          if (newHeader) {
            this.header = newHeader.header;
            this.headerBytes = newHeader.bytes;
          }
          return { generation: cut.generation, fileBytes: offset, ms: performance.now() - started };
        });
        this.lastCompactionError = null;
        return result;
      } finally {
        if (!swapped) {
          await tfh.close().catch(() => undefined);
          await unlink(tmp).catch(() => undefined);
        }
      }
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
      if (m.version <= schemaVersion(this.db) || m.version > upTo) continue;
      await this.exclusive(() =>
        this.commitLocked({
          actor: 'attest',
          action: 'schema.migrate',
          entity: `schema:v${m.version}`,
          statements: [...m.up.map((sql) => ({ sql })), { sql: `PRAGMA user_version = ${m.version}` }],
        }),
      );
      applied.push(m.version);
    }
    return applied;
  }
}

/** Rolls back the open transaction; SQLite may already have ended it on some errors. */
function rollbackIfOpen(db: Database): void {
  try {
    db.run('ROLLBACK');
  } catch {
    // no transaction was open
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
      await writeHeaderAndSnapshot(tfh, bytes, dataKey, header.workspaceId, { generation: 1, baseSeq: 0, db: image, createdAt: new Date(header.createdAt).toISOString() });
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
      statements: [{ sql: `INSERT INTO meta (key, value) VALUES ('name', ?), ('created_at', ?)`, params: [options.name, new Date(header.createdAt).toISOString()] }],
    });
    return ws;
  } catch (e) {
    if (!linked) await unlink(tmp).catch(() => undefined);
    await lock.release();
    throw e instanceof AttestError ? e : writeError(e);
  } finally {
    wipe(dataKey);
  }
}
