// The workspace channels end to end through the real dispatcher, the real store
// (sql.js, node:crypto, files on disk) and the real OS keychain.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Core } from '../../../main/core/core';
import { keychainWorks } from '../../../main/core/keychain/keychain';
import { tempDir, testCore } from '../../support/core';
import { chosen } from '../../support/dispatch';
import { requirePart } from '../../support/require';

const ctx = { origin: 'test' } as const;
const PASS = 'correct horse battery staple';

async function call(core: Core, channel: string, payload: unknown = {}) {
  const r = await core.dispatch(channel, payload, ctx);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as Record<string, unknown>;
}

async function failure(core: Core, channel: string, payload: unknown = {}) {
  const r = await core.dispatch(channel, payload, ctx);
  assert.equal(r.ok, false, `${channel} should fail`);
  return r.ok ? { code: '', message: '' } : r.error;
}

test('create, audit, close, reopen: wrong passphrase is refused, the right one opens', async () => {
  const core = testCore();
  const path = join(tempDir(), 'client.attest');
  try {
    const created = await call(core, 'workspace.create', {
      handle: chosen(core, path, 'save:workspace'),
      name: 'Northwind review',
      passphrase: PASS,
    });
    assert.equal(created.state, 'open');
    assert.equal(created.name, 'Northwind review');
    assert.ok(existsSync(path));
    const audit = await call(core, 'audit.list', {});
    const actions = (audit.entries as { action: string; actor: string }[]).map((e) => e.action);
    assert.ok(actions.includes('workspace.create'), `audit has workspace.create: ${actions.join(', ')}`);
    assert.match((audit.entries as { actor: string }[])[0]!.actor, /\(test\)$/);

    assert.deepEqual(await call(core, 'workspace.close'), { state: 'none' });
    assert.equal((await failure(core, 'audit.list')).code, 'NO_WORKSPACE');
    assert.equal(
      (await failure(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: 'wrong' })).code,
      'WRONG_PASSPHRASE',
    );
    const opened = await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: PASS });
    assert.equal(opened.state, 'open');
    assert.equal(opened.name, 'Northwind review');

    const verified = await call(core, 'workspace.verify', { passphrase: PASS });
    assert.equal(verified.ok, true);
    assert.ok((verified.auditEntries as number) >= 1);
  } finally {
    await core.close();
  }
});

test('lock wipes access until unlock; a wrong unlock keeps it locked', async () => {
  const core = testCore();
  const path = join(tempDir(), 'lock.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Lock test', passphrase: PASS });
    const locked = await call(core, 'workspace.lock');
    assert.deepEqual(locked, { state: 'locked', path, name: 'Lock test', reason: 'user' });
    assert.equal((await failure(core, 'audit.list')).code, 'SESSION_LOCKED');
    assert.equal((await failure(core, 'workspace.unlock', { passphrase: 'nope' })).code, 'WRONG_PASSPHRASE');
    assert.equal((await call(core, 'workspace.status')).state, 'locked');
    assert.equal((await call(core, 'workspace.unlock', { passphrase: PASS })).state, 'open');
  } finally {
    await core.close();
  }
});

test('auto-lock after the configured inactivity, postponed by activity', async () => {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock = {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h: unknown) => void timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    await new Promise((r) => setTimeout(r, 20));
  };
  const core = testCore({ clock });
  const path = join(tempDir(), 'idle.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Idle', passphrase: PASS });
    assert.equal((await call(core, 'workspace.setAutoLock', { minutes: 2 })).autoLockMinutes, 2);
    await advance(90_000);
    assert.deepEqual(await call(core, 'workspace.touch'), { state: 'open' });
    await advance(90_000);
    assert.equal((await call(core, 'workspace.status')).state, 'open', 'activity postponed the lock');
    await advance(60_000);
    // The lock itself is asynchronous (the store closes its file): wait for it, up to 5 s.
    let status = await call(core, 'workspace.status');
    for (let waited = 0; status.state !== 'locked' && waited < 5000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
      status = await call(core, 'workspace.status');
    }
    assert.equal(status.state, 'locked');
    assert.equal(status.reason, 'idle');
    assert.equal(existsSync(`${path}.lock`), false, 'the idle lock released the file lock');
  } finally {
    await core.close();
  }
});

test('a second instance gets a clear "open elsewhere" error', async () => {
  const a = testCore();
  const b = testCore();
  const path = join(tempDir(), 'shared.attest');
  try {
    await call(a, 'workspace.create', { handle: chosen(a, path, 'save:workspace'), name: 'Shared', passphrase: PASS });
    const err = await failure(b, 'workspace.open', { handle: chosen(b, path, 'open:workspace'), passphrase: PASS });
    assert.equal(err.code, 'WORKSPACE_LOCKED');
    assert.match(err.message, /open in another window or process/);
    await call(a, 'workspace.close');
    assert.equal((await call(b, 'workspace.open', { handle: chosen(b, path, 'open:workspace'), passphrase: PASS })).state, 'open');
  } finally {
    await a.close();
    await b.close();
  }
});

test('remember on this device opens without the passphrase; forgetting removes it (real keychain)', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const core = testCore();
  const path = join(tempDir(), 'remember.attest');
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, path, 'save:workspace'),
      name: 'Remembered',
      passphrase: PASS,
      remember: true,
    });
    await call(core, 'workspace.close');
    const recent = (await call(core, 'workspace.recent')).recent as { id: string; path: string; remembered: boolean; exists: boolean }[];
    assert.deepEqual(
      recent.map((r) => [r.path, r.remembered, r.exists]),
      [[path, true, true]],
    );
    const opened = await call(core, 'workspace.open', { recent: recent[0]!.id });
    assert.equal(opened.state, 'open');
    assert.equal(opened.remembered, true);
    assert.equal((await call(core, 'workspace.remember', { remember: false })).remembered, false);
    await call(core, 'workspace.close');
    assert.equal((await failure(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace') })).code, 'NOT_REMEMBERED');
    const forgotten = await call(core, 'workspace.forgetRecent', { id: recent[0]!.id });
    assert.deepEqual(forgotten.recent, []);
    assert.equal((await failure(core, 'workspace.open', { recent: recent[0]!.id, passphrase: PASS })).code, 'RECENT_NOT_FOUND');
  } finally {
    await core.close();
  }
});

test('changing the passphrase: the old one stops working, the new one opens', async () => {
  const core = testCore();
  const path = join(tempDir(), 'passwd.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Passwd', passphrase: PASS });
    assert.equal((await failure(core, 'workspace.changePassphrase', { current: 'wrong', next: 'new one' })).code, 'WRONG_PASSPHRASE');
    await call(core, 'workspace.changePassphrase', { current: PASS, next: 'a new passphrase' });
    await call(core, 'workspace.close');
    assert.equal(
      (await failure(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: PASS })).code,
      'WRONG_PASSPHRASE',
    );
    assert.equal(
      (await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: 'a new passphrase' })).state,
      'open',
    );
  } finally {
    await core.close();
  }
});

test('no response or error ever contains the passphrase', async () => {
  const core = testCore();
  const canary = 'CANARY-passphrase-7f3a9c';
  const path = join(tempDir(), 'canary.attest');
  const seen: string[] = [];
  const record = async (channel: string, payload: unknown = {}) => seen.push(JSON.stringify(await core.dispatch(channel, payload, ctx)));
  try {
    await record('workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Canary', passphrase: canary });
    await record('workspace.status');
    await record('workspace.lock');
    await record('workspace.unlock', { passphrase: `${canary}x` });
    await record('workspace.unlock', { passphrase: canary });
    await record('workspace.changePassphrase', { current: `${canary}y`, next: canary });
    await record('workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Again', passphrase: canary });
    await record('workspace.open', { path: 42, passphrase: canary });
    await record('audit.list');
    await record('workspace.verify', { passphrase: canary });
    assert.equal(seen.length, 10);
    for (const s of seen) assert.ok(!s.includes(canary), `leak in ${s.slice(0, 200)}`);
  } finally {
    await core.close();
  }
});

test('a workspace given at start-up is offered first in the recent list, without opening it', async () => {
  const maker = testCore();
  const path = join(tempDir(), 'startup.attest');
  await call(maker, 'workspace.create', { handle: chosen(maker, path, 'save:workspace'), name: 'Start-up', passphrase: PASS });
  await maker.close();
  const { createCore } = await import('../../../main/core/core');
  const { osKeychain } = await import('../../../main/core/keychain/keychain');
  const core = createCore({ runtime: 'node', dataDir: tempDir(), keychain: osKeychain('Attest.test.startup'), initialWorkspace: path });
  const other = createCore({
    runtime: 'node',
    dataDir: tempDir(),
    keychain: osKeychain('Attest.test.startup'),
    initialWorkspace: join(tempDir(), 'missing.attest'),
  });
  try {
    const recent = (await call(core, 'workspace.recent')).recent as { path: string; exists: boolean }[];
    assert.deepEqual(
      recent.map((r) => [r.path, r.exists]),
      [[path, true]],
    );
    assert.equal((await call(core, 'workspace.status')).state, 'none', 'offered, not opened');
    assert.deepEqual((await call(other, 'workspace.recent')).recent, []);
  } finally {
    await core.close();
    await other.close();
  }
});

test('a failed open or create leaves the open workspace open; a good one replaces it', async () => {
  const core = testCore();
  const dir = tempDir();
  const first = join(dir, 'first.attest');
  const second = join(dir, 'second.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, second, 'save:workspace'), name: 'Second', passphrase: PASS });
    await call(core, 'workspace.create', { handle: chosen(core, first, 'save:workspace'), name: 'First', passphrase: PASS });
    assert.equal((await call(core, 'workspace.status')).name, 'First', 'creating another replaced the first created');

    assert.equal(
      (await failure(core, 'workspace.open', { handle: chosen(core, second, 'open:workspace'), passphrase: 'wrong' })).code,
      'WRONG_PASSPHRASE',
    );
    assert.equal(
      (await failure(core, 'workspace.open', { handle: chosen(core, join(dir, 'missing.attest'), 'open:workspace'), passphrase: PASS }))
        .code,
      'WORKSPACE_NOT_FOUND',
    );
    assert.equal(
      (await failure(core, 'workspace.create', { handle: chosen(core, second, 'save:workspace'), name: 'Again', passphrase: PASS })).code,
      'WORKSPACE_EXISTS',
    );
    const still = await call(core, 'workspace.status');
    assert.equal(still.state, 'open');
    assert.equal(still.name, 'First');
    assert.ok(((await call(core, 'audit.list', {})).entries as unknown[]).length > 0, 'the first is still readable');

    // The same file again keeps it open rather than failing on its own lock.
    assert.equal((await call(core, 'workspace.open', { handle: chosen(core, first, 'open:workspace'), passphrase: PASS })).name, 'First');

    const opened = await call(core, 'workspace.open', { handle: chosen(core, second, 'open:workspace'), passphrase: PASS });
    assert.equal(opened.name, 'Second');
    // The first was closed: its file lock is released, so it opens again.
    assert.equal((await call(core, 'workspace.open', { handle: chosen(core, first, 'open:workspace'), passphrase: PASS })).name, 'First');
  } finally {
    await core.close();
  }
});
