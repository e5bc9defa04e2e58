// Reads a whole .attest file once, authenticating every record in order. Nothing is
// written. The snapshot's database bytes and the journal's commits are returned; blob
// chunks are authenticated and only their locations kept, so evidence never sits in memory.
import type { FileHandle } from 'node:fs/promises';
import { openRecord, ZERO_TAG } from './crypto';
import { workspaceError } from './errors';
import { decodeFrame, FRAME_LENGTH, RecordType } from './format';
import { BLOB_CHUNK_PREFIX, type CommitPayload, decodeBlobChunkHead, decodeJson, type Manifest } from './records';
import { blobPlainDataLength, bodyOffset, bodyTag, FIRST_RECORD_OFFSET, recordLength } from './layout';

export interface BlobChunkLocation {
  offset: number; // of the frame
  length: number; // frame + body
  dataLength: number;
}

export interface BlobLocation {
  total: number;
  chunks: (BlobChunkLocation | undefined)[];
}

export interface ScanResult {
  manifest: Manifest;
  db: Buffer;
  commits: CommitPayload[];
  blobs: Map<string, BlobLocation>;
  chainTag: Buffer;
  lastSeq: number;
  /** Where the next record goes: the end of the last complete record. */
  appendOffset: number;
  /** Offset where the journal starts (end of the snapshot). */
  journalOffset: number;
  /** Bytes of an incomplete final record (a crash while appending); 0 when none. */
  tornTailBytes: number;
  /** What the incomplete final record was, when its frame is whole (torn-tail.ts says it). */
  tornTailFrame: { type: number; seq: bigint; length: number } | null;
  fileSize: number;
}

class Cursor {
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
    private readonly window = 8 * 1024 * 1024,
  ) {}
  /** Up to n bytes at offset (fewer only at the end of the file). */
  async read(offset: number, n: number): Promise<Buffer> {
    const end = Math.min(offset + n, this.size);
    if (offset >= this.bufStart && end <= this.bufStart + this.buf.length) {
      return this.buf.subarray(offset - this.bufStart, end - this.bufStart);
    }
    const want = Math.max(end - offset, Math.min(this.window, this.size - offset));
    const b = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.fh.read(b, got, want - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.buf = b.subarray(0, got);
    this.bufStart = offset;
    return this.buf.subarray(0, Math.min(end - offset, got));
  }
}

export async function scanFile(fh: FileHandle, fileSize: number, key: Buffer, workspaceId: Buffer, backups: string): Promise<ScanResult> {
  const cursor = new Cursor(fh, fileSize);
  const corrupt = (detail: string) => workspaceError('FILE_CORRUPT', { detail, backups });
  const truncated = (detail: string) => workspaceError('FILE_TRUNCATED', { detail, backups });

  let offset = FIRST_RECORD_OFFSET;
  let chain = ZERO_TAG;
  let manifest: Manifest | undefined;
  const dbParts: Buffer[] = [];
  let inJournal = false;
  let journalOffset = 0;
  let lastSeq = 0;
  const commits: CommitPayload[] = [];
  const blobs = new Map<string, BlobLocation>();
  let tornTailBytes = 0;
  let tornTailFrame: ScanResult['tornTailFrame'] = null;

  while (offset < fileSize) {
    const remaining = fileSize - offset;
    if (remaining < FRAME_LENGTH) {
      if (inJournal) {
        tornTailBytes = remaining;
        break;
      }
      throw truncated(`the snapshot ends inside a record at byte ${offset}`);
    }
    const frameBytes = Buffer.from(await cursor.read(offset, FRAME_LENGTH));
    const frame = decodeFrame(frameBytes);
    if (!frame) throw corrupt(`the record at byte ${offset} has a damaged frame`);
    const total = recordLength(frame.bodyLength);
    if (remaining < total) {
      if (inJournal) {
        tornTailBytes = remaining;
        tornTailFrame = { type: frame.type, seq: frame.seq, length: total };
        break;
      }
      throw truncated(`the snapshot ends inside a record at byte ${offset}`);
    }
    const body = await cursor.read(bodyOffset(offset), frame.bodyLength);
    const isBlob = frame.type === RecordType.blob;
    const plain = openRecord(key, workspaceId, frameBytes, frame, body, isBlob ? null : chain);
    if (!plain) {
      // The header's key opened but the first record does not authenticate under it: the
      // header was taken from another file or an older version (before a key rotation).
      if (offset === FIRST_RECORD_OFFSET) throw corrupt('the header does not belong to the data after it');
      throw corrupt(`the record at byte ${offset} fails authentication`);
    }
    const tag = Buffer.from(bodyTag(body));

    if (!manifest) {
      if (frame.type !== RecordType.manifest || frame.seq !== 0n) throw corrupt('the snapshot manifest is missing');
      manifest = decodeJson<Manifest>(plain, 'the snapshot manifest', backups);
      if (manifest.v !== 1 || !(manifest.chunks >= 0)) throw corrupt('the snapshot manifest is invalid');
      lastSeq = manifest.baseSeq;
      chain = tag;
      if (manifest.chunks === 0) {
        inJournal = true;
        journalOffset = offset + total;
      }
    } else if (!inJournal) {
      if (frame.type !== RecordType.snapshot || frame.seq !== BigInt(dbParts.length)) {
        throw corrupt(`snapshot chunk ${dbParts.length} is missing or out of order`);
      }
      dbParts.push(plain);
      chain = tag;
      if (dbParts.length === manifest.chunks) {
        inJournal = true;
        journalOffset = offset + total;
      }
    } else if (frame.type === RecordType.commit) {
      if (frame.seq !== BigInt(lastSeq + 1)) throw corrupt(`commit ${lastSeq + 1} is missing or out of order`);
      const commit = decodeJson<CommitPayload>(plain, `commit ${lastSeq + 1}`, backups);
      if (commit.seq !== lastSeq + 1) throw corrupt(`commit ${lastSeq + 1} carries the wrong sequence number`);
      commits.push(commit);
      lastSeq += 1;
      chain = tag;
    } else if (isBlob) {
      if (plain.length < BLOB_CHUNK_PREFIX) throw corrupt(`the attachment record at byte ${offset} is too short`);
      const head = decodeBlobChunkHead(plain);
      if (BigInt(head.index) !== frame.seq || head.index >= head.count) {
        throw corrupt(`the attachment record at byte ${offset} is inconsistent`);
      }
      let loc = blobs.get(head.id);
      if (!loc) {
        loc = { total: head.total, chunks: new Array(head.count).fill(undefined) };
        blobs.set(head.id, loc);
      }
      if (loc.total !== head.total || loc.chunks.length !== head.count) {
        throw corrupt(`the attachment record at byte ${offset} is inconsistent`);
      }
      loc.chunks[head.index] ??= { offset, length: total, dataLength: blobPlainDataLength(plain.length) };
    } else {
      throw corrupt(`the record at byte ${offset} is out of place`);
    }
    plain.fill(0, 0, isBlob ? plain.length : 0);
    offset += total;
  }
  if (!manifest) throw truncated('the file holds no snapshot');
  if (!inJournal) throw truncated(`the snapshot has ${dbParts.length} of ${manifest.chunks} chunks`);
  const db = Buffer.concat(dbParts);
  if (db.length !== manifest.dbBytes) throw corrupt('the snapshot has the wrong length');
  return {
    manifest,
    db,
    commits,
    blobs,
    chainTag: chain,
    lastSeq,
    appendOffset: offset,
    journalOffset,
    tornTailBytes,
    tornTailFrame,
    fileSize,
  };
}

/** True when every chunk of the blob is present. */
export function blobComplete(loc: BlobLocation | undefined): loc is BlobLocation & { chunks: BlobChunkLocation[] } {
  return !!loc && loc.chunks.every((c) => c !== undefined);
}
