import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { channelNames, channels } from '../../../main/contract/ipc';
import { createDispatcher, type HandlerMap } from '../../../main/core/dispatcher';
import { AttestError } from '../../../main/core/errors';
import { appVersion } from '../../../main/core/app/version';
import { testCore } from '../../support/core';

const ctx = { origin: 'test' } as const;

test('app.info answers with the package version through the real dispatcher', async () => {
  const core = testCore();
  const r = await core.dispatch('app.info', {}, ctx);
  assert.deepEqual(r, { ok: true, value: { name: 'Attest', version: appVersion, runtime: 'node', platform: process.platform } });
});

test('an unknown channel is refused by name, including prototype keys', async () => {
  const core = testCore();
  for (const name of ['no.such', '__proto__', 'constructor', 'toString']) {
    const r = await core.dispatch(name, {}, ctx);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'UNKNOWN_CHANNEL');
  }
});

test('a request that breaks its schema never reaches the handler', async () => {
  let called = false;
  const handlers = {
    'app.info': () => ((called = true), { name: 'x', version: '1', runtime: 'node', platform: 'linux' }),
  } as unknown as HandlerMap;
  const dispatch = createDispatcher(handlers);
  const r = await dispatch('app.info', { unexpected: true }, ctx);
  assert.equal(called, false);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.code, 'INVALID_REQUEST');
    assert.match(r.error.message, /app\.info/);
  }
});

test('foreign errors become INTERNAL without their message or stack; AttestError keeps its words', async () => {
  const secret = 'sk-live-CANARY-123';
  const seen: unknown[] = [];
  const failing = createDispatcher(
    {
      'app.info': () => {
        throw new Error(`db failed with token ${secret}`);
      },
    } as unknown as HandlerMap,
    { onError: (_c, e) => seen.push(e) },
  );
  const r = await failing('app.info', {}, ctx);
  assert.equal(r.ok, false);
  assert.ok(!JSON.stringify(r).includes(secret));
  assert.ok(!JSON.stringify(r).includes('at '), 'no stack frames');
  if (!r.ok) assert.equal(r.error.code, 'INTERNAL');
  assert.equal(seen.length, 1, 'the observer (main log) still sees the error');

  const clear = createDispatcher({
    'app.info': () => {
      throw new AttestError('NOT_FOUND', 'No such workspace.');
    },
  } as unknown as HandlerMap);
  assert.deepEqual(await clear('app.info', {}, ctx), { ok: false, error: { code: 'NOT_FOUND', message: 'No such workspace.' } });
});

test('responses are checked and stripped of undeclared fields', async () => {
  const leaky = createDispatcher({
    'app.info': () => ({ name: 'Attest', version: '1', runtime: 'node', platform: 'linux', secret: 'x' }),
  } as unknown as HandlerMap);
  const r = await leaky('app.info', {}, ctx);
  assert.ok(r.ok && !('secret' in (r.value as object)));
  const wrong = createDispatcher({ 'app.info': () => ({ name: 3 }) } as unknown as HandlerMap);
  const w = await wrong('app.info', {}, ctx);
  assert.ok(!w.ok && w.error.code === 'INVALID_RESPONSE');
});

test('every channel in the contract has a request and a response schema', () => {
  assert.ok(channelNames.length > 0);
  for (const name of channelNames) {
    assert.match(name, /^[a-z]+(\.[a-zA-Z]+)+$/, `${name} follows domain.action naming`);
    const def = channels[name];
    assert.ok(def.request instanceof z.ZodType && def.response instanceof z.ZodType, `${name} has zod schemas`);
    assert.ok(def.summary.length > 10, `${name} has a summary`);
  }
});

test('the handler is told who the audit log records, per origin, and cannot be told otherwise by the caller', async () => {
  const seen: string[] = [];
  const handlers = {
    'app.info': (_r: unknown, c: { actor: string }) => (
      seen.push(c.actor),
      { name: 'x', version: '1', runtime: 'node', platform: 'linux' }
    ),
  } as unknown as HandlerMap;
  const dispatch = createDispatcher(handlers);
  await dispatch('app.info', {}, { origin: 'renderer' });
  await dispatch('app.info', {}, { origin: 'cli' });
  await dispatch('app.info', {}, { origin: 'test', actor: 'mallory (app)' } as never);
  assert.equal(seen.length, 3);
  assert.match(seen[0] ?? '', / \(app\)$/);
  assert.match(seen[1] ?? '', / \(cli\)$/);
  assert.match(seen[2] ?? '', / \(test\)$/);
});
