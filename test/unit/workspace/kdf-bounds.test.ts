// A header's KDF parameters are bounded by what Attest writes: a forged header asking
// scrypt for gigabytes is refused before any derivation, quickly and without the memory.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkKdf, DEFAULT_KDF, MAX_KDF_WORK } from '../../../main/core/workspace/crypto';
import { openWorkspace } from '../../../main/core/workspace';
import { AttestError } from '../../../main/core/errors';
import { codeOf, create, PASS, tempDir } from './helpers';

/** Rewrites the KDF fields of a header and fixes its checksum, as a forger would. */
function forgeKdf(path: string, log2N: number, r: number, p: number): void {
  const bytes = readFileSync(path);
  bytes.writeUInt8(log2N, 33);
  bytes.writeUInt32BE(r, 36);
  bytes.writeUInt32BE(p, 40);
  createHash('sha256').update(bytes.subarray(0, 144)).digest().copy(bytes, 144);
  writeFileSync(path, bytes);
}

test('what Attest writes is within the bound; anything above is KDF_TOO_COSTLY', () => {
  assert.doesNotThrow(() => checkKdf(DEFAULT_KDF));
  assert.doesNotThrow(() => checkKdf({ name: 'scrypt', log2N: 10, r: 8, p: 1 }));
  assert.equal(MAX_KDF_WORK, 2 ** 17 * 8);
  for (const kdf of [
    { log2N: 18, r: 8, p: 1 },
    { log2N: 17, r: 9, p: 1 },
    { log2N: 17, r: 8, p: 2 },
    { log2N: 16, r: 8, p: 4 },
    { log2N: 22, r: 32, p: 16 },
    { log2N: 255, r: 0xffffffff, p: 0xffffffff },
  ]) {
    assert.throws(
      () => checkKdf({ name: 'scrypt', ...kdf }),
      (e: unknown) => e instanceof AttestError && e.code === 'KDF_TOO_COSTLY',
      JSON.stringify(kdf),
    );
  }
  assert.throws(
    () => checkKdf({ name: 'scrypt', log2N: 10, r: 0, p: 1 }),
    (e: unknown) => e instanceof AttestError && e.code === 'INVALID_KDF',
  );
});

test('a forged header asking for 16 GiB of scrypt is refused within a second, without the memory, and the file is unchanged', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'forged.attest');
  const ws = await create(path);
  await ws.close();
  // N=2^22, r=32: 16 GiB and minutes of work, which the old limits (log2N ≤ 22, r ≤ 32) let through.
  forgeKdf(path, 22, 32, 1);
  const before = readFileSync(path);
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  assert.equal(await codeOf(openWorkspace(path, { passphrase: PASS })), 'KDF_TOO_COSTLY');
  const elapsed = performance.now() - t0;
  const grown = process.memoryUsage().rss - rss0;
  assert.ok(elapsed < 2_000, `refused after ${Math.round(elapsed)} ms`);
  assert.ok(grown < 256 * 1024 * 1024, `RSS grew by ${grown} bytes`);
  assert.ok(readFileSync(path).equals(before), 'the file is byte-identical');
});

test('a forged header just above the bound (N=2^18) is refused too', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'forged.attest');
  const ws = await create(path);
  await ws.close();
  forgeKdf(path, 18, 8, 1);
  assert.equal(await codeOf(openWorkspace(path, { passphrase: PASS })), 'KDF_TOO_COSTLY');
});
