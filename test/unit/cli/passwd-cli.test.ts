// `attest passwd` through the real bin: it re-encrypts under a new key, prints progress
// on stderr while it works (ATTEST_PROGRESS_MS makes the ticks frequent enough to see on
// a small file), keeps stdout for the result, and removes backups under the old key.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openWorkspace } from '../../../main/core/workspace';
import { tempDir } from '../../support/core';
import { cliProcess } from '../../support/cli';
import { create, PASS, setItem } from '../workspace/helpers';

test('passwd prints progress on stderr and rotates the key', async () => {
  const dir = tempDir('attest-passwd-');
  const path = join(dir, 'big.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  const evidence = Buffer.alloc(24 * 1024 * 1024);
  for (let i = 0; i < evidence.length; i += 4096) evidence[i] = i & 0xff;
  await ws.putBlob(evidence, { actor: 't', name: 'big.bin' }); // under the 25 MiB default limit
  await ws.compact();
  await ws.close();
  assert.ok(existsSync(`${path}.bak1`));
  const before = readFileSync(path);
  writeFileSync(join(dir, 'old.txt'), PASS);
  writeFileSync(join(dir, 'new.txt'), 'second passphrase');
  const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: '', ATTEST_PROGRESS_MS: '5' };
  const r = await cliProcess(
    ['passwd', path, '--passphrase-file', join(dir, 'old.txt'), '--new-passphrase-file', join(dir, 'new.txt')],
    env,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Re-encrypting: \d+% \(.+ of .+\)/);
  assert.match(r.stdout, /re-encrypted under a new key/);
  assert.equal(existsSync(`${path}.bak1`), false);
  assert.notDeepEqual(readFileSync(path).subarray(176, 4096), before.subarray(176, 4096));
  const again = await openWorkspace(path, { passphrase: 'second passphrase' });
  assert.equal(again.query(`SELECT value FROM settings WHERE key = 'a'`)[0]?.value, '1');
  await again.close();
});
