// Commits and the journal: checks a mutation, applies it, appends its sealed record
// (after any held-back setup records) and fsyncs, and cuts the file back when a write
// fails. Every function here runs under the workspace's commit queue.
import type { Database } from 'sql.js';
import { sealRecord } from './crypto';
import { applyCommit } from './database';
import { workspaceError, writeError } from './errors';
import { RecordType } from './format';
import { prepareFirstWrite } from './first-write';
import { type CommitPayload, encodeJson } from './records';
import { writeAll } from './snapshot';
import type { CommitResult, Mutation, ReadOnlyView, WorkspaceState } from './state';
import { clearLog, ensureCapture, type Inverse, inverseOf, touchedRows } from './undo';

// A mutation may not rewrite history, change the schema version, attach files or
// manage transactions itself (each commit is exactly one transaction).
const FORBIDDEN_SQL = /audit_log|user_version|sqlite_master|sqlite_schema|\battach\b|\bdetach\b|\bpragma\b/i;
const TRANSACTION_SQL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|VACUUM)\b/i;

export function validateMutation(m: Mutation): void {
  const bad = (detail: string) => workspaceError('INVALID_MUTATION', { detail });
  for (const f of ['actor', 'action', 'entity'] as const) {
    if (typeof m?.[f] !== 'string' || m[f].length === 0 || m[f].length > 500) throw bad(`${f} must be a non-empty text`);
  }
  if (!Array.isArray(m.statements) || m.statements.length === 0) throw bad('a change needs at least one statement');
  if (m.precondition !== undefined && typeof m.precondition !== 'function') throw bad('a precondition must be a function');
  if (m.irreversible !== undefined && (typeof m.irreversible !== 'string' || !m.irreversible)) throw bad('irreversible must say why');
  for (const s of m.statements) {
    if (typeof s?.sql !== 'string' || !s.sql.trim()) throw bad('every statement needs SQL text');
    if (FORBIDDEN_SQL.test(s.sql) || TRANSACTION_SQL.test(s.sql)) {
      throw bad('statements may not touch the audit log, the schema version, pragmas, attached databases or transactions');
    }
    for (const p of s.params ?? []) {
      const ok = p === null || typeof p === 'string' || p instanceof Uint8Array || (typeof p === 'number' && Number.isFinite(p));
      if (!ok) throw bad('parameters must be text, finite numbers, bytes or null');
    }
  }
}

function sqliteDetail(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}

/** Rolls back the open transaction; SQLite may already have ended it on some errors. */
function rollbackIfOpen(db: Database): void {
  try {
    db.run('ROLLBACK');
  } catch {
    // no transaction was open
  }
}

/**
 * Runs the precondition, then applies and journals one commit. `setup`: hold the record
 * back in memory instead of writing it (setup() commits). `capture`: work out the change's
 * inverse for undo while it is tried. The caller holds the queue.
 */
export async function commitInQueue(
  s: WorkspaceState,
  m: Mutation,
  ctx: { setup: boolean; capture: boolean; at: string; view: ReadOnlyView },
): Promise<CommitResult & { inverse: Inverse | null }> {
  // Earlier commits in the queue are applied by now: the check sees what this change will change.
  m.precondition?.(ctx.view);
  const seq = s.lastSeq + 1;
  const payload: CommitPayload = {
    v: 1,
    seq,
    at: ctx.at,
    actor: m.actor,
    action: m.action,
    entity: m.entity,
    statements: m.statements.map((st) => (st.params ? { sql: st.sql, params: st.params } : { sql: st.sql })),
  };
  // Check the change by applying it and rolling it back at once: nothing awaits in
  // between, so no reader ever sees rows that are not yet on disk (or never will be).
  let head: string;
  let touched: Map<string, number[]> | null = null;
  if (ctx.capture) ensureCapture(s.db, s.capture);
  s.db.run('BEGIN');
  try {
    if (ctx.capture) clearLog(s.db);
    head = applyCommit(s.db, payload, s.auditHead);
    if (ctx.capture) touched = touchedRows(s.db);
  } catch (e) {
    throw workspaceError('INVALID_MUTATION', { detail: sqliteDetail(e) }, e);
  } finally {
    rollbackIfOpen(s.db);
  }
  // Rolled back: the database holds the rows as they were, which the inverse puts back.
  const inverse = m.irreversible
    ? { refusal: m.irreversible }
    : touched
      ? inverseOf(
          s.db,
          touched,
          m.statements.map((st) => st.sql),
        )
      : null;
  const rec = sealRecord(s.key, s.header.workspaceId, RecordType.commit, BigInt(seq), encodeJson(payload), s.chainTag);
  // null: a setup commit, held back in memory until the first real change.
  let at: number | null = null;
  try {
    if (ctx.setup) s.heldBack.push(rec.bytes);
    else at = await append(s, [rec.bytes], 'journal');
  } catch (e) {
    throw writeError(e);
  }
  // Durable now: apply it for real in one synchronous step.
  s.db.run('BEGIN');
  try {
    applyCommit(s.db, payload, s.auditHead);
    s.db.run('COMMIT');
  } catch (e) {
    rollbackIfOpen(s.db);
    // Only a statement that is not deterministic gets here; cut its record off so the
    // file and the database agree.
    if (at === null) s.heldBack.pop();
    else await cutBack(s, at);
    throw workspaceError('INVALID_MUTATION', { detail: sqliteDetail(e) }, e);
  }
  s.chainTag = rec.tag;
  s.lastSeq = seq;
  s.auditHead = head;
  s.journalCommitBytes += rec.bytes.length;
  // A held-back setup commit is not on disk: nothing to remember.
  if (!ctx.setup) s.opts.memory?.note(s.header.workspaceId.toString('hex'), { seq, auditHash: head, at: payload.at });
  return { seq, auditHash: head, inverse };
}

/** True while setup records wait or the first-write steps have not run yet. */
export function writesPending(s: WorkspaceState): boolean {
  return s.firstWrite || s.heldBack.length > 0;
}

/**
 * Writes records at the end of the file (after any held-back setup records) and fsyncs;
 * on failure cuts the file back. Returns where the given records start.
 */
export async function append(s: WorkspaceState, given: Buffer[], step: 'journal' | 'blob'): Promise<number> {
  if (s.broken) throw workspaceError('WRITE_FAILED', { detail: 'an earlier write failed; close and reopen the workspace' });
  const at = s.appendOffset;
  const records = [...s.heldBack, ...given];
  try {
    await s.opts.faults?.beforeWrite?.(step);
    if (s.firstWrite) {
      await prepareFirstWrite(s.path, { backup: s.heldBack.length > 0 || s.truncatePending, keep: s.backupsKept });
      s.firstWrite = false;
    }
    if (s.truncatePending) {
      await s.fh.truncate(at);
      s.truncatePending = false;
    }
    let pos = at;
    for (const r of records) {
      await writeAll(s.fh, r, pos);
      pos += r.length;
    }
    await s.fh.datasync();
    s.appendOffset = pos;
    const givenAt = at + s.heldBack.reduce((n, r) => n + r.length, 0);
    s.heldBack = [];
    return givenAt;
  } catch (e) {
    // Cut back to the last good state; if even that fails, the unfinished record is a
    // torn tail that the next open discards, and this session stops writing.
    await s.fh.truncate(at).catch(() => {
      s.broken = true;
    });
    throw e;
  }
}

/** Removes the records from `at` on. */
async function cutBack(s: WorkspaceState, at: number): Promise<void> {
  try {
    await s.fh.truncate(at);
    await s.fh.datasync();
    s.appendOffset = at;
  } catch {
    s.broken = true;
  }
}
