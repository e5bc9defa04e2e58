// Key derivation, key wrapping and record sealing. AES-256-GCM everywhere, random nonces.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt } from 'node:crypto';
import { encodeFrame, FRAME_LENGTH, type Frame, type KdfParams, type RecordTypeCode, TAG_LENGTH } from './format';
import { workspaceError } from './errors';

export const DEFAULT_KDF: KdfParams = { name: 'scrypt', log2N: 17, r: 8, p: 1 };
export const MIN_USER_LOG2N = 17;
export const ZERO_TAG = Buffer.alloc(TAG_LENGTH);

/**
 * The most a header may ask scrypt for: what Attest itself writes (N=2^17, r=8, p=1),
 * i.e. 128 MiB of memory and well under two seconds. A header asking for more is
 * damaged or forged (its checksum is not a secret), and deriving from it would let a
 * hostile file spend gigabytes and minutes before the passphrase is even checked.
 */
export const MAX_KDF_WORK = 2 ** DEFAULT_KDF.log2N * DEFAULT_KDF.r * DEFAULT_KDF.p;

export function checkKdf(kdf: KdfParams): void {
  if (kdf.name !== 'scrypt') throw workspaceError('INVALID_KDF', { detail: 'only scrypt is supported' });
  if (!Number.isInteger(kdf.log2N) || kdf.log2N < 1 || !Number.isInteger(kdf.r) || kdf.r < 1 || !Number.isInteger(kdf.p) || kdf.p < 1)
    throw workspaceError('INVALID_KDF', { detail: 'N, r and p must be positive integers' });
  // N·r·p bounds the time and, since p ≥ 1, N·r (memory is 128·N·r bytes) too.
  if (kdf.log2N > DEFAULT_KDF.log2N || 2 ** kdf.log2N * kdf.r * kdf.p > MAX_KDF_WORK)
    throw workspaceError('KDF_TOO_COSTLY', { log2N: kdf.log2N, r: kdf.r, p: kdf.p });
}

/** scrypt of the NFC-normalised passphrase; runs on the libuv pool, not the event loop. */
export function deriveWrappingKey(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  checkKdf(kdf);
  const N = 2 ** kdf.log2N;
  const maxmem = 128 * N * kdf.r * kdf.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, 32, { N, r: kdf.r, p: kdf.p, maxmem }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
}

export function wrapKey(wrappingKey: Buffer, dataKey: Buffer, aad: Buffer) {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  c.setAAD(aad);
  const wrapped = Buffer.concat([c.update(dataKey), c.final()]);
  return { nonce, wrapped, tag: c.getAuthTag() };
}

/** Returns null when the tag fails: wrong passphrase (or a header forged with a fixed checksum). */
export function unwrapKey(wrappingKey: Buffer, nonce: Buffer, wrapped: Buffer, tag: Buffer, aad: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', wrappingKey, nonce);
    d.setAAD(aad);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(wrapped), d.final()]);
  } catch {
    return null;
  }
}

function recordAad(workspaceId: Buffer, frame: Buffer, chain: Buffer | null): Buffer {
  return chain ? Buffer.concat([workspaceId, frame, chain]) : Buffer.concat([workspaceId, frame]);
}

/**
 * Seals one record: frame ‖ ciphertext ‖ tag. `chain` is the tag of the previous chained
 * record (manifest, snapshot and commit records); blob records pass null.
 */
export function sealRecord(
  key: Buffer,
  workspaceId: Buffer,
  type: RecordTypeCode,
  seq: bigint,
  plaintext: Uint8Array,
  chain: Buffer | null,
): { bytes: Buffer; tag: Buffer } {
  const nonce = randomBytes(12);
  const frame = encodeFrame({ type, bodyLength: plaintext.length + TAG_LENGTH, seq, nonce });
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(recordAad(workspaceId, frame, chain));
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  const tag = c.getAuthTag();
  return { bytes: Buffer.concat([frame, body, tag]), tag };
}

/** Opens a record body; returns null when authentication fails. */
export function openRecord(
  key: Buffer,
  workspaceId: Buffer,
  frameBytes: Buffer,
  frame: Frame,
  body: Buffer,
  chain: Buffer | null,
): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, frame.nonce);
    d.setAAD(recordAad(workspaceId, frameBytes.subarray(0, FRAME_LENGTH), chain));
    d.setAuthTag(body.subarray(body.length - TAG_LENGTH));
    return Buffer.concat([d.update(body.subarray(0, body.length - TAG_LENGTH)), d.final()]);
  } catch {
    return null;
  }
}

/** Blob ids are keyed hashes so an id never reveals which known file is attached. */
export function blobIdFor(dataKey: Buffer, content: Uint8Array): string {
  const idKey = createHmac('sha256', dataKey).update('attest blob id v1').digest();
  const id = createHmac('sha256', idKey).update(content).digest('hex');
  idKey.fill(0);
  return id;
}

export function wipe(...buffers: (Buffer | undefined | null)[]): void {
  for (const b of buffers) b?.fill(0);
}
