// The shapes shared by the workspace's parts: the options a store is opened with, a
// mutation and its result, and WorkspaceState, the one object holding an open
// workspace's file, keys, database and journal position (workspace.ts owns it; journal.ts,
// compaction.ts and blobs.ts read and advance it, always under the commit queue).
import type { FileHandle } from 'node:fs/promises';
import type { Database } from 'sql.js';
import type { AttestError } from '../errors';
import type { Clock } from '../time/clock';
import type { Header } from './format';
import type { WorkspaceLock } from './lockfile';
import type { Migration } from './migrations';
import type { SqlValue, Statement } from './records';
import type { BlobLocation } from './scan';
import type { DeviceMemory } from './seen';
import type { UndoHistory } from './undo';

/** What a precondition may do: read, nothing else. */
export interface ReadOnlyView {
  query<T = Record<string, SqlValue>>(sql: string, params?: SqlValue[]): T[];
}

export interface Mutation {
  actor: string;
  action: string;
  entity: string;
  statements: Statement[];
  /**
   * A domain check run inside the commit queue, after earlier commits are applied and
   * before this one is: throwing refuses the commit with nothing changed. It closes the
   * gap between "check" and "act" that a check made before commit() leaves open.
   */
  precondition?: (read: ReadOnlyView) => void;
  /** Why this change cannot be undone (it records something outside the workspace, e.g. an issued report). */
  irreversible?: string;
}

export interface CommitResult {
  seq: number;
  auditHash: string;
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

export interface CompactResult {
  generation: number;
  fileBytes: number;
  ms: number;
}

/** An open workspace's file, keys, database and journal position. */
export interface WorkspaceState {
  readonly path: string;
  fh: FileHandle;
  readonly lock: WorkspaceLock;
  header: Header;
  headerBytes: Buffer;
  key: Buffer;
  readonly db: Database;
  /** Tag of the last chained record: the chain value of the next commit. */
  chainTag: Buffer;
  lastSeq: number;
  /** Where the next record goes (the end of the last complete record). */
  appendOffset: number;
  /** Where the journal starts (the end of the snapshot). */
  journalOffset: number;
  generation: number;
  blobs: Map<string, BlobLocation>;
  auditHead: string;
  readonly tornTailBytes: number;
  readonly tornTail: string | null;
  readonly opts: StoreOptions;
  /** A torn tail found at open is cut off by the first write. */
  truncatePending: boolean;
  /** Commit-record bytes in the journal, against the auto-compaction threshold. */
  journalCommitBytes: number;
  /** Commits made inside setup(): applied in memory, written just before the first real change. */
  heldBack: Buffer[];
  firstWrite: boolean;
  /** A failed write could not be cut back: this session stops writing. */
  broken: boolean;
  readonly backupsKept: number;
  /** The session's changes and their inverses (undo.ts). */
  readonly undo: UndoHistory;
  /** Which schema the undo triggers were made for (undo.ts remakes them when it changes). */
  readonly capture: { signature: string | null };
}
