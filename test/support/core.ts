// A core for tests: a temporary data folder, the real OS keychain under a service name
// of its own (so tests never see each other's or the user's secrets), and a small KDF
// cost so that creating workspaces stays fast; the cost is stored in each file's header.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../main/core/core';
import { osKeychain } from '../../main/core/keychain/keychain';
import type { KdfParams } from '../../main/core/workspace';

export const TEST_KDF: KdfParams = { name: 'scrypt', log2N: 10, r: 8, p: 1 };

export function tempDir(prefix = 'attest-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testCore(options: Partial<CoreOptions> = {}): Core {
  return createCore({
    runtime: 'node',
    dataDir: tempDir('attest-data-'),
    keychain: osKeychain(`Attest.test.${randomUUID()}`),
    kdf: TEST_KDF,
    allowWeakKdf: true,
    ...options,
  });
}
