// A passphrase change rotates the data key: the workspace is re-encrypted into a new
// file under a new random key, which is synced and renamed over the old one. Nothing
// the old passphrase (or a key remembered for it) opens survives in the workspace's
// folder: the old file is replaced and its .bakN copies, all under the old key, are
// removed before the swap.
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openRecord, sealRecord, wipe } from './crypto';
import { workspaceError } from './errors';
import { backupPath, fsyncDir, removeBackups, tempPathFor } from './files';
import { decodeFrame, type Header, type KdfParams, RecordType } from './format';
import { decodeBlobChunkHead } from './records';
import type { BlobLocation } from './scan';
import { writeAll, writeHeaderAndSnapshot } from './snapshot';
import { buildHeader } from './unlock';
import { blobPlainDataLength, recordBody } from './layout';

export interface RekeyProgress {
  phase: 'encrypting' | 'swapping' | 'done';
  /** Plaintext bytes (database and attachments) re-encrypted so far. */
  doneBytes: number;
  totalBytes: number;
}

/** What the open workspace hands over, captured while no commit can run. */
export interface RekeyInput {
  path: string;
  fh: FileHandle;
  header: Header;
  oldKey: Buffer;
  passphrase: string;
  kdf: KdfParams;
  db: Uint8Array;
  baseSeq: number;
  generation: number;
  createdAt: string;
  /** The attachments the database lists, with where their chunks are in the old file. */
  live: { id: string; loc: BlobLocation & { chunks: { offset: number; length: number }[] } }[];
  onProgress?: (p: RekeyProgress) => void;
  /** Test seam, as the store's FaultHooks. */
  beforeWrite?: (step: 'snapshot' | 'swap') => void | Promise<void>;
}

export interface Rekeyed {
  header: Header;
  headerBytes: Buffer;
  key: Buffer;
  fh: FileHandle;
  chainTag: Buffer;
  /** Where the journal starts: the end of the snapshot. */
  journalOffset: number;
  end: number;
  blobs: Map<string, BlobLocation>;
  /** Set when the new file is in place but syncing its folder failed afterwards. */
  folderSyncError: unknown;
}

export async function rekeyWorkspaceFile(input: RekeyInput): Promise<Rekeyed> {
  const { path, header } = input;
  const key = randomBytes(32);
  const totalBytes = input.db.length + input.live.reduce((n, b) => n + b.loc.total, 0);
  let doneBytes = 0;
  const report = (phase: RekeyProgress['phase']) => input.onProgress?.({ phase, doneBytes, totalBytes });
  const tmp = tempPathFor(path);
  let swapped = false;
  let tfh: FileHandle | undefined;
  try {
    const next = await buildHeader({ workspaceId: header.workspaceId, createdAt: header.createdAt, kdf: input.kdf }, input.passphrase, key);
    report('encrypting');
    // Read-write: this handle follows the file through the rename and becomes the store's.
    tfh = await open(tmp, 'wx+');
    await input.beforeWrite?.('snapshot');
    const snap = await writeHeaderAndSnapshot(
      tfh,
      next.bytes,
      key,
      header.workspaceId,
      { generation: input.generation, baseSeq: input.baseSeq, db: input.db, createdAt: input.createdAt },
      (n) => {
        doneBytes += n;
        report('encrypting');
      },
    );
    const moved = await resealBlobs(
      { fh: input.fh, key: input.oldKey, workspaceId: header.workspaceId, backups: backupPath(path, 1) },
      { fh: tfh, key, workspaceId: header.workspaceId, offset: snap.end },
      input.live,
      (n) => {
        doneBytes += n;
        report('encrypting');
      },
    );
    const { blobs, end: offset } = moved;
    report('swapping');
    await input.beforeWrite?.('swap');
    await tfh.sync();
    // The backups are copies under the old key: gone before the new file is in place,
    // so a crash in between leaves the current file (old passphrase) and no old copies.
    await removeBackups(path);
    await rename(tmp, path);
    swapped = true;
    const folderSyncError = await fsyncDir(dirname(path)).then(
      () => null,
      (e: unknown) => e,
    );
    report('done');
    return {
      header: next.header,
      headerBytes: next.bytes,
      key,
      fh: tfh,
      chainTag: snap.chainTag,
      journalOffset: snap.end,
      end: offset,
      blobs,
      folderSyncError,
    };
  } catch (e) {
    wipe(key);
    throw e;
  } finally {
    if (!swapped) {
      await tfh?.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
    }
  }
}

/**
 * Copies attachment chunks from one file to another, opening each under the source's key
 * and workspace id and sealing it under the target's. Ids stay as they are: an id names
 * its content inside the authenticated chunk, whichever key sealed it.
 */
export async function resealBlobs(
  from: { fh: FileHandle; key: Buffer; workspaceId: Buffer; backups: string },
  to: { fh: FileHandle; key: Buffer; workspaceId: Buffer; offset: number },
  live: { id: string; loc: BlobLocation & { chunks: { offset: number; length: number }[] } }[],
  onBytes?: (n: number) => void,
): Promise<{ blobs: Map<string, BlobLocation>; end: number }> {
  let offset = to.offset;
  const blobs = new Map<string, BlobLocation>();
  for (const { id, loc } of live) {
    const moved: BlobLocation = { total: loc.total, chunks: [] };
    for (const c of loc.chunks) {
      const raw = Buffer.alloc(c.length);
      await from.fh.read(raw, 0, c.length, c.offset);
      const frame = decodeFrame(raw);
      const plain = frame && openRecord(from.key, from.workspaceId, raw, frame, recordBody(raw), null);
      if (!frame || !plain || decodeBlobChunkHead(plain).id !== id) {
        throw workspaceError('FILE_CORRUPT', { detail: 'an attachment record changed on disk', backups: from.backups });
      }
      const rec = sealRecord(to.key, to.workspaceId, RecordType.blob, frame.seq, plain, null);
      await writeAll(to.fh, rec.bytes, offset);
      moved.chunks.push({ offset, length: rec.bytes.length, dataLength: blobPlainDataLength(plain.length) });
      offset += rec.bytes.length;
      onBytes?.(blobPlainDataLength(plain.length));
      plain.fill(0);
    }
    blobs.set(id, moved);
  }
  return { blobs, end: offset };
}
