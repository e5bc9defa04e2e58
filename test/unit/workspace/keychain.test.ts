import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { keychainWorks, osKeychain } from '../../../main/core/keychain/keychain';
import { inspectHeader, openWorkspace, rememberedAccount } from '../../../main/core/workspace';
import { requirePart } from '../../support/require';
import { codeOf, create, PASS, setItem, tempDir } from './helpers';

test('remember on this device opens without the passphrase; forget removes it (real Secret Service)', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const chain = osKeychain(`Attest.test.${randomUUID()}`);
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.commit(setItem('a', '1'));
  assert.equal(await codeOf(ws.close().then(() => openWorkspace(path, { keychain: chain }))), 'NOT_REMEMBERED');

  const again = await openWorkspace(path, { passphrase: PASS });
  await again.remember(chain);
  await again.close();
  const { workspaceId } = await inspectHeader(path);
  assert.deepEqual(await chain.accounts(), [rememberedAccount(workspaceId)]);

  const remembered = await openWorkspace(path, { keychain: chain });
  assert.equal(remembered.query('SELECT value FROM settings WHERE key = ?', ['a'])[0]?.value, '1');
  // A passphrase change rotates the key; forgetting removes the (now stale) entry.
  await remembered.changePassphrase(PASS, 'another passphrase');
  assert.equal(await remembered.forget(chain), true);
  await remembered.close();
  assert.equal(await codeOf(openWorkspace(path, { keychain: chain })), 'NOT_REMEMBERED');
  assert.deepEqual(await chain.accounts(), []);
});

test('a remembered key that does not fit the file is refused clearly (real Secret Service)', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const chain = osKeychain(`Attest.test.${randomUUID()}`);
  const path = join(tempDir(t), 'a.attest');
  const ws = await create(path);
  await ws.close();
  const { workspaceId } = await inspectHeader(path);
  await chain.set(rememberedAccount(workspaceId), Buffer.alloc(32, 7).toString('base64'));
  assert.equal(await codeOf(openWorkspace(path, { keychain: chain })), 'REMEMBERED_KEY_INVALID');
  await chain.delete(rememberedAccount(workspaceId));
});
