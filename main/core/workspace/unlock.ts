// Turning a passphrase or a remembered key into the data key, and building headers.
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Keychain } from '../keychain/keychain';
import { deriveWrappingKey, openRecord, unwrapKey, wipe, wrapKey, ZERO_TAG } from './crypto';
import { workspaceError } from './errors';
import {
  decodeFrame,
  decodeHeader,
  encodeHeader,
  FORMAT_VERSION,
  FRAME_LENGTH,
  type Header,
  HEADER_LENGTH,
  type KdfParams,
  WRAP_AAD_END,
} from './format';
import { bodyOffset, FIRST_RECORD_OFFSET, recordLength } from './layout';

export type Unlock = { passphrase: string } | { keychain: Keychain };

export const rememberedAccount = (workspaceIdHex: string) => `workspace:${workspaceIdHex}`;

export async function readHeaderFrom(fh: FileHandle, size: number, backups: string): Promise<{ header: Header; bytes: Buffer }> {
  const want = Math.min(size, 4096);
  const b = Buffer.alloc(want);
  if (want > 0) await fh.read(b, 0, want, 0);
  const header = decodeHeader(b, size, { backups });
  return { header, bytes: Buffer.from(b.subarray(0, HEADER_LENGTH)) };
}

/** Builds a header that wraps dataKey under a fresh salt and the passphrase. */
export async function buildHeader(
  base: { workspaceId: Buffer; createdAt: number; kdf: KdfParams },
  passphrase: string,
  dataKey: Buffer,
): Promise<{ header: Header; bytes: Buffer }> {
  const salt = randomBytes(32);
  const draft: Header = {
    formatVersion: FORMAT_VERSION,
    workspaceId: base.workspaceId,
    kdf: base.kdf,
    salt,
    createdAt: base.createdAt,
    wrapNonce: Buffer.alloc(12),
    wrappedKey: Buffer.alloc(32),
    wrapTag: Buffer.alloc(16),
  };
  const aad = encodeHeader(draft).subarray(0, WRAP_AAD_END);
  const wk = await deriveWrappingKey(passphrase, salt, base.kdf);
  const w = wrapKey(wk, dataKey, aad);
  wipe(wk);
  const header = { ...draft, wrapNonce: w.nonce, wrappedKey: w.wrapped, wrapTag: w.tag };
  return { header, bytes: encodeHeader(header) };
}

export async function keyFromPassphrase(passphrase: string, header: Header, headerBytes: Buffer): Promise<Buffer> {
  const wk = await deriveWrappingKey(passphrase, header.salt, header.kdf);
  const key = unwrapKey(wk, header.wrapNonce, header.wrappedKey, header.wrapTag, headerBytes.subarray(0, WRAP_AAD_END));
  wipe(wk);
  if (!key) throw workspaceError('WRONG_PASSPHRASE');
  return key;
}

/** A remembered key is accepted only if it authenticates the snapshot manifest. */
async function keyFromKeychain(keychain: Keychain, header: Header, fh: FileHandle, size: number): Promise<Buffer> {
  const secret = await keychain.get(rememberedAccount(header.workspaceId.toString('hex')));
  if (!secret) throw workspaceError('NOT_REMEMBERED');
  const key = Buffer.from(secret, 'base64');
  const frameBytes = Buffer.alloc(FRAME_LENGTH);
  await fh.read(frameBytes, 0, FRAME_LENGTH, FIRST_RECORD_OFFSET);
  const frame = decodeFrame(frameBytes);
  if (key.length === 32 && frame && size >= FIRST_RECORD_OFFSET + recordLength(frame.bodyLength)) {
    const body = Buffer.alloc(frame.bodyLength);
    await fh.read(body, 0, frame.bodyLength, bodyOffset(FIRST_RECORD_OFFSET));
    if (openRecord(key, header.workspaceId, frameBytes, frame, body, ZERO_TAG)) return key;
  }
  wipe(key);
  throw workspaceError('REMEMBERED_KEY_INVALID');
}

export function keyFor(unlock: Unlock, header: Header, headerBytes: Buffer, fh: FileHandle, size: number): Promise<Buffer> {
  if ('keychain' in unlock) return keyFromKeychain(unlock.keychain, header, fh, size);
  if (!unlock.passphrase) throw workspaceError('PASSPHRASE_EMPTY');
  return keyFromPassphrase(unlock.passphrase, header, headerBytes);
}
