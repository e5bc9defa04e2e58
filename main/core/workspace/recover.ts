// `attest recover`: salvages a damaged workspace into a new file. Every record is read in
// order and authenticated, as on open; at the first one that fails, reading stops. The
// snapshot and the commits before that point become a new workspace (new id, new data
// key, same passphrase), with one more audited commit that says what was lost. The
// damaged file is only read.
import { randomBytes } from 'node:crypto';
import { type FileHandle, link, open, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Database } from 'sql.js';
import { systemClock } from '../time/clock';
import { openRecord, wipe, ZERO_TAG } from './crypto';
import { applyCommit, hasTable, lastAuditHash, loadSqlJs } from './database';
import { workspaceError, writeError } from './errors';
import { backupPath, fsyncDir, tempPathFor } from './files';
import { decodeFrame, FRAME_LENGTH, RecordType } from './format';
import type { Clock } from '../time/clock';
import { BLOB_CHUNK_PREFIX, type CommitPayload, decodeBlobChunkHead, type Manifest } from './records';
import { resealBlobs } from './rekey';
import { type BlobLocation, blobComplete } from './scan';
import { writeHeaderAndSnapshot } from './snapshot';
import { buildHeader, keyFromPassphrase, readHeaderFrom } from './unlock';
import { blobPlainDataLength, bodyOffset, bodyTag, FIRST_RECORD_OFFSET, recordLength } from './layout';

export interface RecoverReport {
  from: string;
  to: string;
  workspaceId: string;
  kept: { commits: number; lastSeq: number; attachments: number; bytes: number };
  lost: {
    /** Where the first record that fails is, and why; null when every record authenticated. */
    firstBad: { offset: number; reason: string } | null;
    /** Bytes from the first bad record to the end of the file. */
    bytes: number;
    /** Records after that point, as far as their frames can be read (unauthenticated). */
    records: number;
    commits: number;
    /** Sequence numbers the lost commits' frames name (unauthenticated), when readable. */
    commitSeqs: { first: number; last: number } | null;
    /** Attachments the kept data lists whose content was lost; their rows are removed. */
    attachments: string[];
    /** An unfinished final record from a crash (never acknowledged). */
    tornTailBytes: number;
  };
}

interface Salvage {
  manifest: Manifest;
  dbParts: Buffer[];
  commits: CommitPayload[];
  blobs: Map<string, BlobLocation>;
  keptBytes: number;
  firstBad: { offset: number; reason: string } | null;
  tornTailBytes: number;
}

async function readAt(fh: FileHandle, offset: number, n: number): Promise<Buffer> {
  const b = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const { bytesRead } = await fh.read(b, got, n - got, offset + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return b.subarray(0, got);
}

/** Reads records in order until the first that fails; never throws on damage after the snapshot. */
async function salvage(fh: FileHandle, size: number, key: Buffer, workspaceId: Buffer): Promise<Salvage> {
  let offset = FIRST_RECORD_OFFSET;
  let chain = ZERO_TAG;
  let manifest: Manifest | undefined;
  const dbParts: Buffer[] = [];
  let inJournal = false;
  let lastSeq = 0;
  const commits: CommitPayload[] = [];
  const blobs = new Map<string, BlobLocation>();
  const stop = (reason: string): Salvage => {
    if (!manifest || !inJournal) {
      throw workspaceError('RECOVER_NOTHING', { offset, reason });
    }
    return { manifest, dbParts, commits, blobs, keptBytes: offset, firstBad: { offset, reason }, tornTailBytes: 0 };
  };
  while (offset < size) {
    const frameBytes = await readAt(fh, offset, FRAME_LENGTH);
    const frame = frameBytes.length === FRAME_LENGTH ? decodeFrame(frameBytes) : null;
    if (frameBytes.length < FRAME_LENGTH || (frame && offset + recordLength(frame.bodyLength) > size)) {
      // An unfinished final record: a crash while saving, as open treats it.
      if (!manifest || !inJournal) return stop('the file ends inside a record');
      return { manifest, dbParts, commits, blobs, keptBytes: offset, firstBad: null, tornTailBytes: size - offset };
    }
    if (!frame) return stop('its frame is damaged');
    const body = await readAt(fh, bodyOffset(offset), frame.bodyLength);
    const isBlob = frame.type === RecordType.blob;
    const plain = openRecord(key, workspaceId, frameBytes, frame, body, isBlob ? null : chain);
    if (!plain) return stop('it fails authentication');
    const tag = Buffer.from(bodyTag(body));
    if (!manifest) {
      if (frame.type !== RecordType.manifest) return stop('the snapshot manifest is missing');
      try {
        manifest = JSON.parse(plain.toString('utf8')) as Manifest;
      } catch {
        return stop('the snapshot manifest does not parse');
      }
      lastSeq = manifest.baseSeq;
      inJournal = manifest.chunks === 0;
      chain = tag;
    } else if (!inJournal) {
      if (frame.type !== RecordType.snapshot || frame.seq !== BigInt(dbParts.length)) return stop('a snapshot chunk is out of order');
      dbParts.push(plain);
      chain = tag;
      inJournal = dbParts.length === manifest.chunks;
    } else if (frame.type === RecordType.commit) {
      let commit: CommitPayload;
      try {
        commit = JSON.parse(plain.toString('utf8')) as CommitPayload;
      } catch {
        return stop(`commit ${lastSeq + 1} does not parse`);
      }
      if (frame.seq !== BigInt(lastSeq + 1) || commit.seq !== lastSeq + 1) return stop(`commit ${lastSeq + 1} is missing or out of order`);
      commits.push(commit);
      lastSeq += 1;
      chain = tag;
    } else if (isBlob && plain.length >= BLOB_CHUNK_PREFIX) {
      const head = decodeBlobChunkHead(plain);
      const loc = blobs.get(head.id) ?? { total: head.total, chunks: new Array<undefined>(head.count).fill(undefined) };
      if (head.index >= head.count || loc.chunks.length !== head.count) return stop('an attachment record is inconsistent');
      loc.chunks[head.index] ??= { offset, length: recordLength(frame.bodyLength), dataLength: blobPlainDataLength(plain.length) };
      blobs.set(head.id, loc);
      plain.fill(0);
    } else {
      return stop('the record is out of place');
    }
    offset += recordLength(frame.bodyLength);
  }
  if (!manifest || !inJournal) return stop('the snapshot is incomplete');
  return { manifest, dbParts, commits, blobs, keptBytes: offset, firstBad: null, tornTailBytes: 0 };
}

/**
 * Counts what follows the first bad record: frame by frame while frames read, skipping
 * ahead to the next frame whose check passes when one is damaged. Frames are not
 * authenticated, so these counts and sequence numbers are what the damaged file claims.
 */
async function countLost(fh: FileHandle, size: number, from: number) {
  let records = 0;
  let commits = 0;
  let first: number | null = null;
  let last: number | null = null;
  let offset = from;
  while (offset + FRAME_LENGTH <= size) {
    const frame = decodeFrame(await readAt(fh, offset, FRAME_LENGTH));
    if (!frame || offset + recordLength(frame.bodyLength) > size) {
      offset++;
      continue;
    }
    records++;
    if (frame.type === RecordType.commit) {
      commits++;
      const seq = Number(frame.seq);
      first ??= seq;
      last = seq;
    }
    offset += recordLength(frame.bodyLength);
  }
  return { records, commits, commitSeqs: first !== null && last !== null ? { first, last } : null };
}

function replayWhatHolds(db: Database, commits: CommitPayload[]): number {
  let head = lastAuditHash(db);
  let applied = 0;
  for (const c of commits) {
    db.run('BEGIN');
    try {
      head = applyCommit(db, c, head);
      db.run('COMMIT');
      applied++;
    } catch {
      db.run('ROLLBACK');
      break;
    }
  }
  return applied;
}

export async function recoverWorkspace(
  from: string,
  to: string,
  passphrase: string,
  opts: { clock?: Clock; actor?: string } = {},
): Promise<RecoverReport> {
  if (!passphrase) throw workspaceError('PASSPHRASE_EMPTY');
  if (
    !(await stat(from).then(
      () => true,
      () => false,
    ))
  )
    throw workspaceError('WORKSPACE_NOT_FOUND');
  if (
    await stat(to).then(
      () => true,
      () => false,
    )
  )
    throw workspaceError('WORKSPACE_EXISTS');
  const clock = opts.clock ?? systemClock;
  const src = await open(from, 'r');
  let key: Buffer | undefined;
  const newKey = randomBytes(32);
  const tmp = tempPathFor(to);
  let tfh: FileHandle | undefined;
  let placed = false;
  try {
    const size = (await src.stat()).size;
    const { header, bytes } = await readHeaderFrom(src, size, backupPath(from, 1));
    key = await keyFromPassphrase(passphrase, header, bytes);
    const found = await salvage(src, size, key, header.workspaceId);
    const SQL = await loadSqlJs();
    let db: Database;
    try {
      db = new SQL.Database(Buffer.concat(found.dbParts));
    } catch {
      throw workspaceError('RECOVER_NOTHING', { offset: FIRST_RECORD_OFFSET, reason: 'the snapshot is not a database' });
    }
    try {
      const applied = replayWhatHolds(db, found.commits);
      const keptCommits = found.commits.slice(0, applied);
      const lastSeq = found.manifest.baseSeq + applied;
      // A commit that is authentic but does not replay counts as the first bad record.
      const firstBad =
        applied < found.commits.length ? { offset: found.keptBytes, reason: `commit ${lastSeq + 1} cannot be replayed` } : found.firstBad;
      const listed = hasTable(db, 'blobs')
        ? (db.exec('SELECT id FROM blobs ORDER BY rowid')[0]?.values ?? []).map((r) => String(r[0]))
        : [];
      const lostBlobs = listed.filter((id) => !blobComplete(found.blobs.get(id)));
      const lostCount = firstBad ? await countLost(src, size, firstBad.offset) : { records: 0, commits: 0, commitSeqs: null };
      const lost = {
        firstBad,
        bytes: firstBad ? size - firstBad.offset : 0,
        ...lostCount,
        attachments: lostBlobs,
        tornTailBytes: found.tornTailBytes,
      };
      // What was lost goes into the new workspace's audit log as a commit of its own.
      const note = {
        from,
        at: new Date(clock.now()).toISOString(),
        sourceWorkspaceId: header.workspaceId.toString('hex'),
        keptSeq: lastSeq,
        lost,
      };
      const payload: CommitPayload = {
        v: 1,
        seq: lastSeq + 1,
        at: note.at,
        actor: opts.actor ?? 'attest',
        action: 'workspace.recover',
        entity: 'workspace',
        statements: [
          ...lostBlobs.map((id) => ({ sql: 'DELETE FROM blobs WHERE id = ?', params: [id] })),
          ...(hasTable(db, 'meta')
            ? [{ sql: `INSERT OR REPLACE INTO meta (key, value) VALUES ('recovered_from', ?)`, params: [JSON.stringify(note)] }]
            : []),
        ],
      };
      db.run('BEGIN');
      applyCommit(db, payload, lastAuditHash(db));
      db.run('COMMIT');
      const image = db.export();

      const workspaceId = randomBytes(16);
      const next = await buildHeader({ workspaceId, createdAt: clock.now(), kdf: header.kdf }, passphrase, newKey);
      tfh = await open(tmp, 'wx');
      const snap = await writeHeaderAndSnapshot(tfh, next.bytes, newKey, workspaceId, {
        generation: 1,
        baseSeq: payload.seq,
        db: image,
        createdAt: note.at,
      });
      const live = listed.flatMap((id) => {
        const loc = found.blobs.get(id);
        return blobComplete(loc) ? [{ id, loc }] : [];
      });
      await resealBlobs(
        { fh: src, key, workspaceId: header.workspaceId, backups: backupPath(from, 1) },
        { fh: tfh, key: newKey, workspaceId, offset: snap.end },
        live,
      );
      await tfh.sync();
      await tfh.close();
      tfh = undefined;
      await link(tmp, to); // never over a file that appeared meanwhile
      placed = true;
      await unlink(tmp);
      await fsyncDir(dirname(to));
      return {
        from,
        to,
        workspaceId: workspaceId.toString('hex'),
        kept: { commits: keptCommits.length, lastSeq, attachments: live.length, bytes: firstBad ? firstBad.offset : found.keptBytes },
        lost,
      };
    } finally {
      db.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw workspaceError('WORKSPACE_EXISTS');
    throw writeError(e);
  } finally {
    wipe(key, newKey);
    await tfh?.close().catch(() => undefined);
    if (!placed) await unlink(tmp).catch(() => undefined);
    await src.close();
  }
}
