// Compaction: writes a new file (header, a snapshot of the database, the live attachments
// and the commits made meanwhile) and renames it into place. Only the cut (A) and the
// carry-over and swap (C) hold the commit queue; the long write (B) runs while commits go on.
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openRecord, sealRecord } from './crypto';
import { hasTable } from './database';
import { fsyncDir, rotateBackups, tempPathFor } from './files';
import { decodeFrame, FRAME_LENGTH, RecordType } from './format';
import { append, writesPending } from './journal';
import { blobPlainDataLength, bodyOffset, bodyTag, recordBody, recordLength } from './layout';
import { decodeBlobChunkHead } from './records';
import { type BlobLocation, blobComplete } from './scan';
import { writeAll, writeHeaderAndSnapshot } from './snapshot';
import type { CompactResult, WorkspaceState } from './state';

/** What compaction needs from the workspace around the state: its queue and its clock. */
export interface CompactionContext {
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  assertOpen(): void;
  now(): Date;
}

export async function compactFile(s: WorkspaceState, q: CompactionContext): Promise<CompactResult> {
  const started = performance.now();
  // A: capture a consistent cut (the only synchronous step is the database export).
  const cut = await q.exclusive(async () => {
    q.assertOpen();
    // Held-back setup records go to the file first (and the first-write steps run now,
    // not while the new file's temp exists).
    if (writesPending(s)) await append(s, [], 'journal');
    const stored = hasTable(s.db, 'blobs')
      ? (s.db.exec('SELECT id FROM blobs ORDER BY rowid')[0]?.values ?? []).map((r) => String(r[0]))
      : [];
    // Attachments an undo could bring back keep their bytes too.
    const live = [...new Set([...stored, ...s.undo.keptBlobIds()])];
    return {
      db: s.db.export(),
      baseSeq: s.lastSeq,
      fromOffset: s.appendOffset,
      fromChain: Buffer.from(s.chainTag),
      live,
      oldFh: s.fh,
      generation: s.generation + 1,
    };
  });
  const tmp = tempPathFor(s.path);
  const tfh = await open(tmp, 'wx');
  let swapped = false;
  try {
    // B: snapshot and attachments into the new file, while commits go on.
    await s.opts.faults?.beforeWrite?.('snapshot');
    const snap = await writeHeaderAndSnapshot(tfh, s.headerBytes, s.key, s.header.workspaceId, {
      generation: cut.generation,
      baseSeq: cut.baseSeq,
      db: cut.db,
      createdAt: q.now().toISOString(),
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
      const loc = s.blobs.get(id);
      if (!blobComplete(loc)) continue;
      const moved: BlobLocation = { total: loc.total, chunks: [] };
      for (const c of loc.chunks) moved.chunks.push({ ...c, offset: await copyRaw(cut.oldFh, c.offset, c.length) });
      blobs.set(id, moved);
    }
    // C: under the queue, carry over what was appended meanwhile, then swap files.
    return await q.exclusive(async () => {
      q.assertOpen();
      let chain = snap.chainTag;
      let pos = cut.fromOffset;
      let oldChain = cut.fromChain;
      let commitBytes = 0;
      while (pos < s.appendOffset) {
        const frameBytes = Buffer.alloc(FRAME_LENGTH);
        await s.fh.read(frameBytes, 0, FRAME_LENGTH, pos);
        const frame = decodeFrame(frameBytes);
        if (!frame) throw new Error('journal record frame unreadable during compaction');
        const length = recordLength(frame.bodyLength);
        if (frame.type === RecordType.blob) {
          const raw = Buffer.alloc(length);
          await s.fh.read(raw, 0, length, pos);
          const placed = offset;
          await writeAll(tfh, raw, offset);
          offset += length;
          // Locate the chunk by decrypting its head (id and index) once.
          const plain = openRecord(s.key, s.header.workspaceId, raw, frame, recordBody(raw), null);
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
          await s.fh.read(body, 0, frame.bodyLength, bodyOffset(pos));
          const plain = openRecord(s.key, s.header.workspaceId, frameBytes, frame, body, oldChain);
          if (!plain) throw new Error('journal record unreadable during compaction');
          oldChain = Buffer.from(bodyTag(body));
          const rec = sealRecord(s.key, s.header.workspaceId, RecordType.commit, frame.seq, plain, chain);
          await writeAll(tfh, rec.bytes, offset);
          offset += rec.bytes.length;
          commitBytes += rec.bytes.length;
          chain = rec.tag;
        }
        pos += length;
      }
      await s.opts.faults?.beforeWrite?.('swap');
      await tfh.sync();
      await tfh.close();
      await rotateBackups(s.path, s.backupsKept);
      await rename(tmp, s.path);
      swapped = true;
      await fsyncDir(dirname(s.path));
      const fresh = await open(s.path, 'r+');
      await s.fh.close().catch(() => undefined);
      s.fh = fresh;
      s.chainTag = chain;
      s.appendOffset = offset;
      s.journalOffset = journalOffset;
      s.generation = cut.generation;
      s.blobs = blobs;
      s.truncatePending = false;
      s.journalCommitBytes = commitBytes;
      return { generation: cut.generation, fileBytes: offset, ms: performance.now() - started };
    });
  } finally {
    if (!swapped) {
      await tfh.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
    }
  }
}
