// `attest verify`: authenticates every record of a file, replays the journal into a
// scratch database and walks the audit chain. Reads only; takes no lock.
import { open, stat } from 'node:fs/promises';
import { AttestError } from '../errors';
import { wipe } from './crypto';
import { checkAuditChain, GENESIS_HASH, loadSqlJs, replay, type ChainProblem } from './database';
import { workspaceError } from './errors';
import { backupPath } from './files';
import { blobComplete, scanFile } from './scan';
import { describeTornTail } from './torn-tail';
import { compareWithMemory, describeRollback, type DeviceMemory } from './seen';
import { keyFor, readHeaderFrom, type Unlock } from './unlock';

export interface VerifyReport {
  ok: boolean;
  workspaceId: string;
  records: { commits: number; blobs: number; snapshotGeneration: number };
  /** The file's last commit and the audit hash it holds for it: the state it is (seen.ts). */
  lastSeq: number;
  auditHead: string;
  auditEntries: number;
  /** The first audit entry whose chain link or content is wrong; null when the chain holds. */
  firstBrokenEntry: ChainProblem | null;
  /** Bytes of an unfinished final record (a crash while saving, never acknowledged). */
  tornTailBytes: number;
  /** The file is older than, or differs from, the state this device last saw (seen.ts). */
  rollback: { missingCommits: number | null; seenSeq: number; seenAt: string; fileSeq: number } | null;
  problems: string[];
}

/**
 * File-level failures (wrong passphrase, not an Attest file, newer format, damage,
 * truncation) throw their AttestError; a readable file returns a report.
 */
export async function verifyWorkspace(path: string, unlock: Unlock, opts: { memory?: DeviceMemory } = {}): Promise<VerifyReport> {
  try {
    await stat(path);
  } catch {
    throw workspaceError('WORKSPACE_NOT_FOUND');
  }
  const fh = await open(path, 'r');
  let key: Buffer | undefined;
  try {
    const size = (await fh.stat()).size;
    const backups = backupPath(path, 1);
    const { header, bytes } = await readHeaderFrom(fh, size, backups);
    key = await keyFor(unlock, header, bytes, fh, size);
    const scan = await scanFile(fh, size, key, header.workspaceId, backups);
    const SQL = await loadSqlJs();
    const db = new SQL.Database(scan.db);
    try {
      replay(db, scan.commits, backups);
      const problems: string[] = [];
      for (const row of db.exec(`SELECT id FROM sqlite_master m, blobs WHERE m.name = 'blobs'`)[0]?.values ?? []) {
        if (!blobComplete(scan.blobs.get(String(row[0])))) problems.push(`attachment ${String(row[0])} is missing`);
      }
      const chain = checkAuditChain(db);
      if (chain.firstBroken) problems.push(`audit entry ${chain.firstBroken.seq}: ${chain.firstBroken.reason}`);
      const torn = describeTornTail(scan);
      if (torn) problems.push(`the file ends with ${torn} (never acknowledged); the next change discards it`);
      const seen = opts.memory ? await opts.memory.recall(header.workspaceId.toString('hex')) : null;
      const hashAt = (seq: number) =>
        (db.exec('SELECT hash FROM audit_log WHERE seq = ?', [seq])[0]?.values[0]?.[0] as string | undefined) ?? null;
      const compared = compareWithMemory(seen, scan.lastSeq, (seq) => (chain.entries > 0 ? hashAt(seq) : null));
      const rollback =
        compared.kind === 'same-or-newer'
          ? null
          : {
              missingCommits: compared.kind === 'older' ? compared.missing : null,
              seenSeq: compared.seen.seq,
              seenAt: compared.seen.at,
              fileSeq: compared.fileSeq,
            };
      if (compared.kind !== 'same-or-newer') problems.push(describeRollback(compared));
      return {
        ok: problems.length === 0,
        workspaceId: header.workspaceId.toString('hex'),
        records: { commits: scan.commits.length, blobs: scan.blobs.size, snapshotGeneration: scan.manifest.generation },
        lastSeq: scan.lastSeq,
        auditHead: (chain.entries > 0 ? hashAt(scan.lastSeq) : null) ?? GENESIS_HASH,
        auditEntries: chain.entries,
        firstBrokenEntry: chain.firstBroken,
        tornTailBytes: scan.tornTailBytes,
        rollback,
        problems,
      };
    } catch (e) {
      if (e instanceof AttestError) throw e;
      throw workspaceError('FILE_CORRUPT', { detail: 'the database inside cannot be read', backups }, e);
    } finally {
      db.close();
    }
  } finally {
    wipe(key);
    await fh.close();
  }
}
