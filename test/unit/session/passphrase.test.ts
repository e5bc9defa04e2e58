// Changing the passphrase through the channel (what the app and `attest passwd` use):
// the key remembered on this device is replaced by the new data key, and the progress
// channel answers while and after the change. Real dispatcher, store and OS keychain.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { chosen } from '../../support/dispatch';
import type { Core } from '../../../main/core/core';
import { keychainWorks } from '../../../main/core/keychain/keychain';
import { tempDir, testCore } from '../../support/core';
import { requirePart } from '../../support/require';

const ctx = { origin: 'test' } as const;
const PASS = 'correct horse battery staple';

async function call(core: Core, channel: string, payload: unknown = {}) {
  const r = await core.dispatch(channel, payload, ctx);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as Record<string, unknown>;
}

test('a remembered workspace stays remembered under its new key after a passphrase change', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const core = testCore();
  const path = join(tempDir(), 'remembered.attest');
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, path, 'save:workspace'),
      name: 'Remembered',
      passphrase: PASS,
      remember: true,
    });
    assert.deepEqual(await call(core, 'workspace.passphraseProgress'), { running: false, phase: 'done', doneBytes: 0, totalBytes: 0 });
    const seen: Record<string, unknown>[] = [];
    const changing = call(core, 'workspace.changePassphrase', { current: PASS, next: 'the new one' });
    // The store holds commits while it re-encrypts: poll until the change ends.
    let done = false;
    void changing.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      seen.push(await call(core, 'workspace.passphraseProgress'));
      await new Promise((r) => setTimeout(r, 1));
    }
    const status = await changing;
    assert.equal(status.remembered, true);
    assert.ok(
      seen.some((p) => p.running === true),
      `progress seen while running: ${JSON.stringify(seen.slice(0, 3))}`,
    );
    await call(core, 'workspace.close');
    // Opening without a passphrase uses the keychain entry: it holds the new key.
    const opened = await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace') });
    assert.equal(opened.state, 'open');
    assert.equal(opened.remembered, true);
    await call(core, 'workspace.remember', { remember: false });
  } finally {
    await core.close();
  }
});
