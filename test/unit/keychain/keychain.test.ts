import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { keychainWorks, osKeychain } from '../../../main/core/keychain/keychain';
import { requirePart } from '../../support/require';

test('the OS keychain stores, lists and deletes a secret (real Secret Service)', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const chain = osKeychain(`Attest.test.${randomUUID()}`);
  await chain.set('alpha', 'value-1');
  assert.equal(await chain.get('alpha'), 'value-1');
  await chain.set('alpha', 'value-2');
  assert.equal(await chain.get('alpha'), 'value-2');
  assert.deepEqual(await chain.accounts(), ['alpha']);
  assert.equal(await chain.delete('alpha'), true);
  assert.equal(await chain.delete('alpha'), false);
  assert.equal(await chain.get('alpha'), null);
});
