// The sql.js database of an open workspace and the one function that applies a commit to
// it, used both when committing and when replaying the journal, so both give one result.
import { createHash } from 'node:crypto';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { workspaceError } from './errors';
import { type CommitPayload, encodeJson, type SqlValue } from './records';

let sqlJs: Promise<SqlJsStatic> | undefined;
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

export const GENESIS_HASH = '0'.repeat(64);

export function changeDigest(commit: Pick<CommitPayload, 'statements'>): string {
  return createHash('sha256').update(encodeJson(commit.statements)).digest('hex');
}

export function auditHash(
  prevHash: string,
  e: { seq: number; at: string; actor: string; action: string; entity: string; digest: string },
): string {
  return createHash('sha256')
    .update(`${prevHash}\n${JSON.stringify([e.seq, e.at, e.actor, e.action, e.entity, e.digest])}`)
    .digest('hex');
}

export function schemaVersion(db: Database): number {
  const r = db.exec('PRAGMA user_version');
  return Number(r[0]?.values[0]?.[0] ?? 0);
}

export function lastAuditHash(db: Database): string {
  if (!hasTable(db, 'audit_log')) return GENESIS_HASH;
  const r = db.exec('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return String(r[0]?.values[0]?.[0] ?? GENESIS_HASH);
}

export function hasTable(db: Database, name: string): boolean {
  const r = db.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]);
  return r.length > 0;
}

/**
 * Runs the statements and the audit entry inside an open transaction (the caller owns
 * BEGIN / COMMIT / ROLLBACK). Returns the new audit head hash.
 */
export function applyCommit(db: Database, commit: CommitPayload, prevHash: string): string {
  for (const s of commit.statements) db.run(s.sql, (s.params ?? []) as SqlValue[] as never);
  const digest = changeDigest(commit);
  const hash = auditHash(prevHash, { ...commit, digest });
  db.run(`INSERT INTO audit_log (seq, at, actor, action, entity, digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    commit.seq,
    commit.at,
    commit.actor,
    commit.action,
    commit.entity,
    digest,
    prevHash,
    hash,
  ]);
  return hash;
}

/** Replays journaled commits on open; a commit that fails here was damaged or forged. */
export function replay(db: Database, commits: CommitPayload[], backups: string): string {
  let head = lastAuditHash(db);
  for (const c of commits) {
    db.run('BEGIN');
    try {
      head = applyCommit(db, c, head);
      db.run('COMMIT');
    } catch (cause) {
      db.run('ROLLBACK');
      throw workspaceError('FILE_CORRUPT', { detail: `commit ${c.seq} cannot be replayed`, backups }, cause);
    }
  }
  return head;
}

export interface ChainProblem {
  seq: number;
  reason: string;
}

/** Walks the audit chain from the first entry; returns the first broken entry, if any. */
export function checkAuditChain(db: Database): { entries: number; firstBroken: ChainProblem | null } {
  if (!hasTable(db, 'audit_log')) return { entries: 0, firstBroken: { seq: 0, reason: 'the audit log table is missing' } };
  const stmt = db.prepare('SELECT seq, at, actor, action, entity, digest, prev_hash, hash FROM audit_log ORDER BY seq');
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  try {
    while (stmt.step()) {
      const [seq, at, actor, action, entity, digest, prevHash, hash] = stmt.get() as [
        number,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      entries++;
      if (seq !== expectedSeq) return { entries, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` } };
      if (prevHash !== prev) return { entries, firstBroken: { seq, reason: 'it does not link to the entry before it' } };
      if (auditHash(prev, { seq, at, actor, action, entity, digest }) !== hash) {
        return { entries, firstBroken: { seq, reason: 'its content does not match its hash' } };
      }
      prev = hash;
      expectedSeq++;
    }
  } finally {
    stmt.free();
  }
  return { entries, firstBroken: null };
}
