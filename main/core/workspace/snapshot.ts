// Writes a header and a full snapshot (manifest + database chunks) to a fresh file.
// Encryption happens one chunk at a time between awaited writes, so the event loop is
// never held for more than one chunk's work.
import type { FileHandle } from 'node:fs/promises';
import { sealRecord, ZERO_TAG } from './crypto';
import { RecordType } from './format';
import { encodeJson, type Manifest } from './records';
import { FIRST_RECORD_OFFSET } from './layout';

export const SNAPSHOT_CHUNK = 1024 * 1024;

export async function writeAll(fh: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

export async function writeHeaderAndSnapshot(
  fh: FileHandle,
  headerBytes: Buffer,
  key: Buffer,
  workspaceId: Buffer,
  snap: { generation: number; baseSeq: number; db: Uint8Array; createdAt: string },
  /** Told the plaintext bytes of each chunk once it is written (progress of long writes). */
  onChunk?: (bytes: number) => void,
): Promise<{ chainTag: Buffer; end: number }> {
  await writeAll(fh, headerBytes, 0);
  let offset = FIRST_RECORD_OFFSET;
  const chunks = Math.ceil(snap.db.length / SNAPSHOT_CHUNK);
  const manifest: Manifest = {
    v: 1,
    generation: snap.generation,
    baseSeq: snap.baseSeq,
    chunks,
    dbBytes: snap.db.length,
    createdAt: snap.createdAt,
  };
  let rec = sealRecord(key, workspaceId, RecordType.manifest, 0n, encodeJson(manifest), ZERO_TAG);
  await writeAll(fh, rec.bytes, offset);
  offset += rec.bytes.length;
  let chain = rec.tag;
  for (let i = 0; i < chunks; i++) {
    const part = snap.db.subarray(i * SNAPSHOT_CHUNK, (i + 1) * SNAPSHOT_CHUNK);
    rec = sealRecord(key, workspaceId, RecordType.snapshot, BigInt(i), part, chain);
    await writeAll(fh, rec.bytes, offset);
    offset += rec.bytes.length;
    chain = rec.tag;
    onChunk?.(part.length);
  }
  return { chainTag: chain, end: offset };
}
