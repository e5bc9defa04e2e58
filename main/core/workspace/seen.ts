// This device's memory of each workspace: the last commit it wrote or opened (sequence
// number and audit hash) and when. Kept in the app's data folder, one small file per
// workspace id, never in the workspace: a file that is cut at a record boundary, or an
// older copy or backup put in place of the current file, authenticates perfectly, and
// only a memory outside it can tell that it is older than what this device already saw.
//
// The audit hash (not a record's MAC) names the state: it chains the content of every
// commit, so it stays the same when compaction re-seals records or a new key re-encrypts
// them, and a file whose history was replaced cannot carry it.
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { AttestError } from '../errors';
import { GENESIS_HASH } from './database';

export interface SeenState {
  seq: number;
  auditHash: string;
  /** When this device last saw this state (ISO time, by the core's clock). */
  at: string;
}

export interface DeviceMemory {
  recall(workspaceId: string): Promise<SeenState | null>;
  /** Remembers a state; writes are coalesced and never block a commit. */
  note(workspaceId: string, state: SeenState): void;
  /** Resolves once every noted state is on disk. */
  flush(): Promise<void>;
}

const ID = /^[0-9a-f]{32}$/;

function parse(text: string): SeenState | null {
  try {
    const v = JSON.parse(text) as Partial<SeenState>;
    if (Number.isSafeInteger(v.seq) && v.seq! >= 0 && typeof v.auditHash === 'string' && typeof v.at === 'string') {
      return { seq: v.seq!, auditHash: v.auditHash, at: v.at };
    }
  } catch {
    // an unreadable memory is no memory: the file opens as on a new device
  }
  return null;
}

/** The memory kept under <dataDir>/seen/<workspace id>.json. */
export function deviceMemory(dataDir: string): DeviceMemory {
  const dir = join(dataDir, 'seen');
  const fileOf = (id: string) => join(dir, `${id}.json`);
  const latest = new Map<string, SeenState>();
  let writing: Promise<void> = Promise.resolve();

  const write = async (id: string, state: SeenState) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = `${fileOf(id)}.${process.pid}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(JSON.stringify(state));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, fileOf(id));
  };

  return {
    async recall(id) {
      if (!ID.test(id)) return null;
      const pending = latest.get(id);
      if (pending) return pending;
      return parse(await readFile(fileOf(id), 'utf8').catch(() => ''));
    },
    note(id, state) {
      if (!ID.test(id)) return;
      const queued = latest.has(id);
      latest.set(id, state);
      if (queued) return; // the write already queued takes the newest state
      // A memory that cannot be written costs detection on this device, never the commit.
      writing = writing.then(async () => {
        const s = latest.get(id)!;
        latest.delete(id);
        await write(id, s).catch(() => undefined);
      });
    },
    flush() {
      return writing;
    },
  };
}

/** What a file's state is, measured against this device's memory. */
export type Comparison =
  | { kind: 'same-or-newer' }
  | { kind: 'older'; missing: number; seen: SeenState; fileSeq: number }
  | { kind: 'diverged'; seen: SeenState; fileSeq: number };

/**
 * fileSeq: the file's last commit; hashAt: the audit hash the file holds for a commit
 * (null when it has none).
 */
export function compareWithMemory(seen: SeenState | null, fileSeq: number, hashAt: (seq: number) => string | null): Comparison {
  if (!seen) return { kind: 'same-or-newer' };
  if (fileSeq < seen.seq) return { kind: 'older', missing: seen.seq - fileSeq, seen, fileSeq };
  const hash = seen.seq === 0 ? GENESIS_HASH : hashAt(seen.seq);
  if (hash !== seen.auditHash) return { kind: 'diverged', seen, fileSeq };
  return { kind: 'same-or-newer' };
}

/** A sentence for `verify` and for the error, naming what is missing and since when. */
export function describeRollback(c: Exclude<Comparison, { kind: 'same-or-newer' }>): string {
  return c.kind === 'older'
    ? `the file is older than this device last saw: ${c.missing} commit${c.missing === 1 ? ' is' : 's are'} missing (it ends at commit ${c.fileSeq}; this device saw commit ${c.seen.seq} on ${c.seen.at})`
    : `the file's history differs from the one this device last saw (commit ${c.seen.seq} on ${c.seen.at}); it was replaced by another version`;
}

export function rollbackError(c: Exclude<Comparison, { kind: 'same-or-newer' }>): AttestError {
  const what = describeRollback(c);
  return new AttestError(
    'WORKSPACE_ROLLED_BACK',
    `This workspace may have been rolled back: ${what}. It may be an older copy or a backup put in place of the current file, or a file cut short. Nothing was changed. Look for the newer file; to open this one as it is, accept the older state (in the CLI: --accept-older).`,
    {
      details: {
        rollback: {
          missingCommits: c.kind === 'older' ? c.missing : null,
          seenSeq: c.seen.seq,
          seenAt: c.seen.at,
          fileSeq: c.fileSeq,
        },
      },
    },
  );
}

/** What admitOpened reads from a just-loaded workspace (nothing has run in memory yet). */
interface Opened {
  info(): { workspaceId: string; lastSeq: number };
  query<T>(sql: string, params?: (string | number)[]): T[];
  now(): Date;
}

const auditHashAt = (ws: Opened, seq: number): string | null => {
  if (seq === 0) return GENESIS_HASH;
  try {
    return ws.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = ?', [seq])[0]?.hash ?? null;
  } catch {
    return null; // no audit log at all
  }
};

/**
 * Refuses a file older than this device remembers (unless the user accepted it), then
 * remembers the opened state. Writes nothing to the workspace.
 */
export async function admitOpened(ws: Opened, opts: { memory?: DeviceMemory; acceptOlder?: boolean }): Promise<void> {
  if (!opts.memory) return;
  const { workspaceId, lastSeq } = ws.info();
  const c = compareWithMemory(await opts.memory.recall(workspaceId), lastSeq, (seq) => auditHashAt(ws, seq));
  if (c.kind !== 'same-or-newer' && !opts.acceptOlder) throw rollbackError(c);
  opts.memory.note(workspaceId, { seq: lastSeq, auditHash: auditHashAt(ws, lastSeq) ?? GENESIS_HASH, at: ws.now().toISOString() });
}
