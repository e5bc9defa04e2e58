// Where things sit inside a record: every offset and length computed from the frame, tag
// and blob-chunk prefix sizes lives here, so no other module does byte arithmetic.
// format.ts holds the sizes themselves; docs/file-format.md documents the same bytes.
import { FRAME_LENGTH, HEADER_LENGTH, TAG_LENGTH } from './format';
import { BLOB_CHUNK_PREFIX } from './records';

/** The first record (the snapshot manifest) starts right after the header. */
export const FIRST_RECORD_OFFSET = HEADER_LENGTH;

/** Whole length of a record (frame ‖ ciphertext ‖ tag) whose frame gives this body length. */
export function recordLength(bodyLength: number): number {
  return FRAME_LENGTH + bodyLength;
}

/** Where a record's body starts, given where the record starts. */
export function bodyOffset(recordOffset: number): number {
  return recordOffset + FRAME_LENGTH;
}

/** The body (ciphertext ‖ tag) of a whole record read into memory. */
export function recordBody(record: Buffer): Buffer {
  return record.subarray(FRAME_LENGTH);
}

/** The tag at the end of a body: the next chained record's chain value. */
export function bodyTag(body: Buffer): Buffer {
  return body.subarray(body.length - TAG_LENGTH);
}

/** Attachment bytes carried by a blob-chunk record of this whole length. */
export function blobChunkDataLength(recordBytes: number): number {
  return recordBytes - FRAME_LENGTH - TAG_LENGTH - BLOB_CHUNK_PREFIX;
}

/** Attachment bytes carried by a blob-chunk plaintext of this length. */
export function blobPlainDataLength(plainBytes: number): number {
  return plainBytes - BLOB_CHUNK_PREFIX;
}

/** The attachment bytes of a decrypted blob-chunk plaintext (after its id/index/count/total head). */
export function blobChunkData(plain: Buffer): Buffer {
  return plain.subarray(BLOB_CHUNK_PREFIX);
}
