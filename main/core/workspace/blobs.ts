// Attachment I/O: an attachment is written as sealed chunk records appended to the file
// (never held whole in the database) and read back chunk by chunk from where they sit.
// Runs under the workspace's commit queue.
import { openRecord, sealRecord } from './crypto';
import { workspaceError, writeError } from './errors';
import { backupPath } from './files';
import { decodeFrame, RecordType } from './format';
import { append } from './journal';
import { blobChunkData, blobChunkDataLength, recordBody } from './layout';
import { decodeBlobChunkHead, encodeBlobChunk } from './records';
import { type BlobChunkLocation, type BlobLocation, blobComplete } from './scan';
import type { WorkspaceState } from './state';

export const BLOB_CHUNK = 1024 * 1024;

/** Appends the attachment's chunk records and notes where they sit. */
export async function writeBlobChunks(s: WorkspaceState, id: string, bytes: Uint8Array): Promise<void> {
  const idBytes = Buffer.from(id, 'hex');
  const count = Math.max(1, Math.ceil(bytes.length / BLOB_CHUNK));
  const records: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const data = bytes.subarray(i * BLOB_CHUNK, (i + 1) * BLOB_CHUNK);
    records.push(
      sealRecord(s.key, s.header.workspaceId, RecordType.blob, BigInt(i), encodeBlobChunk(idBytes, i, count, bytes.length, data), null)
        .bytes,
    );
  }
  let at: number;
  try {
    at = await append(s, records, 'blob');
  } catch (e) {
    throw writeError(e);
  }
  const loc: BlobLocation = { total: bytes.length, chunks: [] };
  for (let i = 0; i < count; i++) {
    const r = records[i]!;
    loc.chunks.push({ offset: at, length: r.length, dataLength: blobChunkDataLength(r.length) });
    at += r.length;
  }
  s.blobs.set(id, loc);
}

/** The whole attachment, every chunk authenticated; BLOB_NOT_FOUND when its chunks are not all present. */
export async function readBlob(s: WorkspaceState, id: string): Promise<Buffer> {
  const loc = s.blobs.get(id);
  if (!blobComplete(loc)) throw workspaceError('BLOB_NOT_FOUND');
  const parts: Buffer[] = [];
  for (const c of loc.chunks) parts.push(await readBlobChunk(s, c, id));
  return Buffer.concat(parts);
}

async function readBlobChunk(s: WorkspaceState, c: BlobChunkLocation, id: string): Promise<Buffer> {
  const raw = Buffer.alloc(c.length);
  await s.fh.read(raw, 0, c.length, c.offset);
  const frame = decodeFrame(raw);
  const plain = frame && openRecord(s.key, s.header.workspaceId, raw, frame, recordBody(raw), null);
  if (!plain || decodeBlobChunkHead(plain).id !== id) {
    throw workspaceError('FILE_CORRUPT', { detail: 'an attachment record changed on disk', backups: backupPath(s.path, 1) });
  }
  return blobChunkData(plain);
}
