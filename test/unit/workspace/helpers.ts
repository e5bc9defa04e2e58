// Shared by the workspace tests: temp folders, a tiny KDF cost (the cost lives in each
// file's header, so tests stay fast while user-facing creation keeps scrypt N=2^17).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttestError } from '../../../main/core/errors';
import { createWorkspace, type CreateOptions, type Workspace } from '../../../main/core/workspace';
import type { KdfParams } from '../../../main/core/workspace';

export const TINY_KDF: KdfParams = { name: 'scrypt', log2N: 10, r: 8, p: 1 };
export const PASS = 'correct horse battery staple';

export function tempDir(t: { after(fn: () => void): void }, prefix = 'attest-ws-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function create(path: string, extra: Partial<CreateOptions> = {}): Promise<Workspace> {
  return createWorkspace(path, {
    passphrase: PASS,
    name: 'Test workspace',
    kdf: TINY_KDF,
    allowWeakKdf: true,
    ...extra,
  });
}

export const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AttestError) return e.code;
    throw e;
  }
  return 'OK';
}

export function setItem(key: string, value: string, actor = 'tester') {
  return {
    actor,
    action: 'setting.set',
    entity: `setting:${key}`,
    statements: [{ sql: 'INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)', params: [key, value] }],
  };
}
