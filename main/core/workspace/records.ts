// Plaintext payloads of the record types: manifest, snapshot chunk, blob chunk, commit.
import { workspaceError } from './errors';

export interface Manifest {
  v: 1;
  generation: number; // increases with every snapshot written
  baseSeq: number; // seq of the last commit contained in the snapshot
  chunks: number;
  dbBytes: number;
  createdAt: string;
}

export type SqlValue = string | number | null | Uint8Array;

export interface Statement {
  sql: string;
  params?: SqlValue[];
}

export interface CommitPayload {
  v: 1;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  statements: Statement[];
}

export const BLOB_CHUNK_PREFIX = 48; // id 32 ‖ index u32 ‖ count u32 ‖ total u64

const replacer = (_k: string, v: unknown) => (v instanceof Uint8Array ? { $b: Buffer.from(v).toString('base64') } : v);
const reviver = (_k: string, v: unknown) =>
  v && typeof v === 'object' && typeof (v as { $b?: unknown }).$b === 'string' && Object.keys(v).length === 1
    ? new Uint8Array(Buffer.from((v as { $b: string }).$b, 'base64'))
    : v;

export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, replacer), 'utf8');
}

export function decodeJson<T>(bytes: Buffer, what: string, backups: string): T {
  try {
    return JSON.parse(bytes.toString('utf8'), reviver) as T;
  } catch (cause) {
    // Authenticated bytes that do not parse were written by a broken or newer writer.
    throw workspaceError('FILE_CORRUPT', { detail: `${what} does not parse`, backups }, cause);
  }
}

export function encodeBlobChunk(id: Buffer, index: number, count: number, total: number, data: Uint8Array): Buffer {
  const head = Buffer.alloc(BLOB_CHUNK_PREFIX);
  id.copy(head, 0);
  head.writeUInt32BE(index, 32);
  head.writeUInt32BE(count, 36);
  head.writeBigUInt64BE(BigInt(total), 40);
  return Buffer.concat([head, data]);
}

export function decodeBlobChunkHead(p: Buffer) {
  return {
    id: p.subarray(0, 32).toString('hex'),
    index: p.readUInt32BE(32),
    count: p.readUInt32BE(36),
    total: Number(p.readBigUInt64BE(40)),
  };
}
