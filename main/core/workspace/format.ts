// Byte layout of a .attest file: the fixed header and the frame in front of every record.
// docs/file-format.md documents the same bytes; change both together.
import { createHash } from 'node:crypto';
import { workspaceError } from './errors';

export const MAGIC = Buffer.from('ATTESTWS', 'latin1');
export const FORMAT_VERSION = 1;
export const HEADER_LENGTH = 176;
export const FRAME_LENGTH = 32;
export const TAG_LENGTH = 16;
export const NONCE_LENGTH = 12;
export const KDF_SCRYPT = 1;
/** Offset where the bytes covered by the key-wrapping AAD end (the wrap nonce starts). */
export const WRAP_AAD_END = 84;

export interface KdfParams {
  name: 'scrypt';
  log2N: number;
  r: number;
  p: number;
}

export interface Header {
  formatVersion: number;
  workspaceId: Buffer; // 16 bytes
  kdf: KdfParams;
  salt: Buffer; // 32 bytes
  createdAt: number; // ms since epoch
  wrapNonce: Buffer; // 12 bytes
  wrappedKey: Buffer; // 32 bytes
  wrapTag: Buffer; // 16 bytes
}

export const RecordType = { manifest: 1, snapshot: 2, blob: 3, commit: 4 } as const;
export type RecordTypeCode = (typeof RecordType)[keyof typeof RecordType];

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

/** Encodes the header; the wrap fields may be zero while computing the wrap AAD. */
export function encodeHeader(h: Header): Buffer {
  const b = Buffer.alloc(HEADER_LENGTH);
  MAGIC.copy(b, 0);
  b.writeUInt16BE(h.formatVersion, 8);
  b.writeUInt16BE(HEADER_LENGTH, 10);
  b.writeUInt32BE(0, 12); // flags
  h.workspaceId.copy(b, 16);
  b.writeUInt8(KDF_SCRYPT, 32);
  b.writeUInt8(h.kdf.log2N, 33);
  b.writeUInt32BE(h.kdf.r, 36);
  b.writeUInt32BE(h.kdf.p, 40);
  h.salt.copy(b, 44);
  b.writeBigUInt64BE(BigInt(h.createdAt), 76);
  h.wrapNonce.copy(b, 84);
  h.wrappedKey.copy(b, 96);
  h.wrapTag.copy(b, 128);
  sha256(b.subarray(0, 144)).copy(b, 144);
  return b;
}

export interface DecodeContext {
  backups: string;
}

/**
 * Reads and checks the header: magic first (NOT_AN_ATTEST_FILE), then its checksum
 * (FILE_CORRUPT / FILE_TRUNCATED), then the version (FORMAT_TOO_NEW). The checksum comes
 * before the version so a damaged version byte is reported as damage, not as "too new".
 */
export function decodeHeader(bytes: Buffer, fileSize: number, ctx: DecodeContext): Header {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw workspaceError('NOT_AN_ATTEST_FILE');
  }
  if (fileSize < 12) throw workspaceError('FILE_TRUNCATED', { detail: 'the header is cut short', ...ctx });
  const version = bytes.readUInt16BE(8);
  const length = bytes.readUInt16BE(10);
  if (version > FORMAT_VERSION && length >= 12 && fileSize >= length) {
    // A newer header has its own layout; only its magic, version and length are stable.
    // Its checksum is always the last 32 bytes of the header.
    const full = bytes.subarray(0, length);
    if (full.length === length && sha256(full.subarray(0, length - 32)).equals(full.subarray(length - 32))) {
      throw workspaceError('FORMAT_TOO_NEW', { found: version, max: FORMAT_VERSION });
    }
  }
  if (fileSize < HEADER_LENGTH || bytes.length < HEADER_LENGTH) {
    throw workspaceError('FILE_TRUNCATED', { detail: 'the header is cut short', ...ctx });
  }
  if (!sha256(bytes.subarray(0, 144)).equals(bytes.subarray(144, HEADER_LENGTH))) {
    throw workspaceError('FILE_CORRUPT', { detail: 'the header checksum does not match', ...ctx });
  }
  if (version !== FORMAT_VERSION || length !== HEADER_LENGTH || bytes.readUInt8(32) !== KDF_SCRYPT) {
    throw workspaceError('FILE_CORRUPT', { detail: 'the header fields are invalid', ...ctx });
  }
  return {
    formatVersion: version,
    workspaceId: Buffer.from(bytes.subarray(16, 32)),
    kdf: { name: 'scrypt', log2N: bytes.readUInt8(33), r: bytes.readUInt32BE(36), p: bytes.readUInt32BE(40) },
    salt: Buffer.from(bytes.subarray(44, 76)),
    createdAt: Number(bytes.readBigUInt64BE(76)),
    wrapNonce: Buffer.from(bytes.subarray(84, 96)),
    wrappedKey: Buffer.from(bytes.subarray(96, 128)),
    wrapTag: Buffer.from(bytes.subarray(128, 144)),
  };
}

export interface Frame {
  type: RecordTypeCode;
  bodyLength: number; // ciphertext + tag
  seq: bigint;
  nonce: Buffer;
}

export function encodeFrame(f: Frame): Buffer {
  const b = Buffer.alloc(FRAME_LENGTH);
  b.writeUInt8(f.type, 0);
  b.writeUInt32BE(f.bodyLength, 4);
  b.writeBigUInt64BE(f.seq, 8);
  f.nonce.copy(b, 16);
  sha256(b.subarray(0, 28)).copy(b, 28, 0, 4);
  return b;
}

/** Returns null when the frame bytes fail their check (damage, not a torn write). */
export function decodeFrame(b: Buffer): Frame | null {
  if (b.length < FRAME_LENGTH) return null;
  if (!sha256(b.subarray(0, 28)).subarray(0, 4).equals(b.subarray(28, 32))) return null;
  const type = b.readUInt8(0);
  if (type < 1 || type > 4 || b[1] !== 0 || b[2] !== 0 || b[3] !== 0) return null;
  const bodyLength = b.readUInt32BE(4);
  if (bodyLength < TAG_LENGTH) return null;
  return { type: type as RecordTypeCode, bodyLength, seq: b.readBigUInt64BE(8), nonce: Buffer.from(b.subarray(16, 28)) };
}
