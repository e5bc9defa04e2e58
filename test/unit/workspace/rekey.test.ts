// A passphrase change rotates the data key: the file is re-encrypted under a new key and
// swapped in, keys remembered for the old key stop working, an old header spliced onto
// the new body (or the reverse) does not open, and a failure on the way changes nothing.
// Real files, real sql.js, the real OS keychain (gnome-keyring in the test session).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { keychainWorks, osKeychain } from '../../../main/core/keychain/keychain';
import { inspectHeader, openWorkspace, rememberedAccount, type RekeyProgress } from '../../../main/core/workspace';
import { HEADER_LENGTH } from '../../../main/core/workspace/format';
import { requirePart } from '../../support/require';
import { codeOf, create, fileHash, PASS, setItem, tempDir } from './helpers';

const NEW = 'a brand new passphrase';

function bigBytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * seed + 7) & 0xff;
  return b;
}

test('passwd re-encrypts under a new data key, keeps data and attachments, reports progress, drops old backups', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  const big = bigBytes(2_500_000, 31);
  const blob = await ws.putBlob(big, { actor: 'u', name: 'dump.bin' });
  await ws.compact(); // leaves a .bak1 under the old key
  assert.ok(existsSync(`${path}.bak1`));
  const before = readFileSync(path);
  const progress: RekeyProgress[] = [];
  await ws.changePassphrase(PASS, NEW, undefined, (p) => progress.push({ ...p }));
  // Progress: from 0 up to every plaintext byte (database and attachment), then done.
  const last = progress.at(-1)!;
  assert.equal(last.phase, 'done');
  assert.ok(last.totalBytes > big.length, `total ${last.totalBytes}`);
  assert.equal(last.doneBytes, last.totalBytes);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.doneBytes >= progress[i - 1]!.doneBytes);
  assert.ok(progress.filter((p) => p.phase === 'encrypting').length >= 4, 'progress per chunk');
  // Nothing of the old file's ciphertext is reused: not one 32-byte run of the old
  // records appears in the new file (a re-wrap would keep every record as it was).
  const after = readFileSync(path);
  const oldBody = before.subarray(HEADER_LENGTH);
  let shared = 0;
  for (let at = 0; at + 32 <= oldBody.length; at += 4096) if (after.includes(oldBody.subarray(at, at + 32))) shared++;
  assert.equal(shared, 0, 'old ciphertext found in the new file');
  assert.deepEqual(
    readdirSync(dir).filter((n) => n !== 'a.attest' && n !== 'a.attest.lock'),
    [],
    'no backup under the old key and no temp file is left',
  );
  // The store keeps working on the new file and key.
  await ws.commit(setItem('b', '2'));
  const again = await ws.putBlob(big, { actor: 'u' });
  assert.equal((await ws.getBlob(blob.id)).equals(big), true);
  await ws.close();
  assert.equal(await codeOf(openWorkspace(path, { passphrase: PASS })), 'WRONG_PASSPHRASE');
  const reopened = await openWorkspace(path, { passphrase: NEW });
  assert.deepEqual(
    reopened.query('SELECT key FROM settings ORDER BY key').map((r) => r.key),
    ['a', 'b'],
  );
  assert.equal((await reopened.getBlob(blob.id)).equals(big), true);
  assert.equal((await reopened.getBlob(again.id)).equals(big), true);
  await reopened.close();
});

test('an old header spliced onto the new body does not open, nor a new header onto the old body', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('secret', 'after the leak'));
  await ws.close();
  const old = readFileSync(path);
  const again = await openWorkspace(path, { passphrase: PASS });
  await again.changePassphrase(PASS, NEW);
  await again.close();
  const current = readFileSync(path);

  const oldHeadNewBody = join(dir, 'spliced-old-head.attest');
  writeFileSync(oldHeadNewBody, Buffer.concat([old.subarray(0, HEADER_LENGTH), current.subarray(HEADER_LENGTH)]));
  const err = await openWorkspace(oldHeadNewBody, { passphrase: PASS }).catch((e: Error & { code?: string }) => e);
  assert.equal((err as { code?: string }).code, 'FILE_CORRUPT');
  assert.match((err as Error).message, /header does not belong to the data after it/);
  assert.equal(await codeOf(openWorkspace(oldHeadNewBody, { passphrase: NEW })), 'WRONG_PASSPHRASE');

  const newHeadOldBody = join(dir, 'spliced-new-head.attest');
  writeFileSync(newHeadOldBody, Buffer.concat([current.subarray(0, HEADER_LENGTH), old.subarray(HEADER_LENGTH)]));
  assert.equal(await codeOf(openWorkspace(newHeadOldBody, { passphrase: NEW })), 'FILE_CORRUPT');
  assert.equal(await codeOf(openWorkspace(newHeadOldBody, { passphrase: PASS })), 'WRONG_PASSPHRASE');
});

test('a key remembered for the old data key no longer opens the workspace (real Secret Service)', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const chain = osKeychain(`Attest.test.${randomUUID()}`);
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  await ws.remember(chain);
  const account = rememberedAccount((await inspectHeader(path)).workspaceId);
  const oldKey = await chain.get(account);
  await ws.changePassphrase(PASS, NEW);
  await ws.close();
  // The entry still holds the old key: it is refused with a clear error.
  const err = await openWorkspace(path, { keychain: chain }).catch((e: Error) => e);
  assert.equal((err as { code?: string }).code, 'REMEMBERED_KEY_INVALID');
  assert.match((err as Error).message, /passphrase was changed/);
  // Remembering again stores the new key, which differs from the old one.
  const reopened = await openWorkspace(path, { passphrase: NEW });
  await reopened.remember(chain);
  await reopened.close();
  assert.notEqual(await chain.get(account), oldKey);
  const viaKey = await openWorkspace(path, { keychain: chain });
  assert.equal(viaKey.query(`SELECT value FROM settings WHERE key = 'a'`)[0]?.value, '1');
  await viaKey.close();
  await chain.delete(account);
});

test('a failure while re-encrypting or at the swap leaves the old file, its passphrase and its backups as they were', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'a.attest');
  let failAt: string | null = null;
  const ws = await create(path, {
    faults: {
      beforeWrite: (step) => {
        if (step === failAt) throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
      },
    },
  });
  await ws.commit(setItem('a', '1'));
  await ws.compact();
  const bak = fileHash(`${path}.bak1`);
  for (const step of ['snapshot', 'swap']) {
    failAt = step;
    const before = fileHash(path);
    assert.equal(await codeOf(ws.changePassphrase(PASS, NEW)), 'DISK_FULL', step);
    assert.equal(fileHash(path), before, `${step}: the file is untouched`);
    assert.equal(fileHash(`${path}.bak1`), bak, `${step}: the backups are kept`);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes('.tmp-')),
      [],
      `${step}: no temp file left`,
    );
  }
  failAt = null;
  await ws.commit(setItem('b', '2'));
  await ws.close();
  const again = await openWorkspace(path, { passphrase: PASS });
  assert.equal(again.query('SELECT * FROM settings').length, 2);
  await again.close();
});
