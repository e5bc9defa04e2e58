import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getCheck } from '../../../main/core/checks/registry';
import { runChecks, spreadByTarget, type RunProgress } from '../../../main/core/checks/runner';
import type { CheckDefinition } from '../../../main/core/checks/types';
import { loopbackLookup, onlinePolicy } from './support/env';
import { startHttp, type RunningServer } from './support/servers';

let server: RunningServer;
let inFlight = 0;
let maxInFlight = 0;

before(async () => {
  server = await startHttp((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = () => {
      inFlight--;
    };
    if (req.url?.startsWith('/stall')) {
      res.on('close', done);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      return;
    }
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html', 'x-content-type-options': 'nosniff' }).end('<p>ok</p>');
      done();
    }, 60);
  });
});
after(async () => server.close());

const job = (path: string, checkId = 'web.content-type-options') => ({
  checkId,
  input: { target: `http://app.test:${server.port}${path}`, params: { httpUrl: `http://app.test:${server.port}${path}` } },
});

// The web checks fetch https; these runner tests use a plain-http check that asks for the
// target as given, so the loopback server needs no TLS.
const plainHeaderCheck: CheckDefinition = {
  ...getCheck('web.content-type-options')!,
  id: 'test.plain',
  async run(ctx) {
    const res = await ctx.client.request({ url: ctx.input.target });
    const ok = res.headers['x-content-type-options']?.[0] === 'nosniff';
    return {
      status: ok ? 'pass' : 'fail',
      summary: 'x',
      remediation: 'y',
      observations: {},
      suggestedControlStatus: ok ? 'met' : 'not-met',
    };
  },
};
const hangingCheck: CheckDefinition = { ...plainHeaderCheck, id: 'test.hang', run: () => new Promise(() => undefined) };
const crashingCheck: CheckDefinition = {
  ...plainHeaderCheck,
  id: 'test.crash',
  run: async () => {
    throw new Error('internal detail /home/user/secret-path');
  },
};
const findCheck = (id: string) =>
  ({ 'test.plain': plainHeaderCheck, 'test.hang': hangingCheck, 'test.crash': crashingCheck })[id] ?? getCheck(id);

test('bounded concurrency, progress reported, results in job order with timestamps', async () => {
  maxInFlight = 0;
  const progress: RunProgress[] = [];
  const jobs = Array.from({ length: 12 }, (_, i) => ({ ...job(`/p${i}`), checkId: 'test.plain' }));
  const results = await runChecks(jobs, {
    policy: onlinePolicy,
    lookup: loopbackLookup,
    concurrency: 3,
    findCheck,
    onProgress: (p) => progress.push(p),
  });
  assert.equal(results.length, 12);
  assert.ok(results.every((r) => r.status === 'pass'));
  assert.deepEqual(
    results.map((r) => r.target),
    jobs.map((j) => j.input.target),
  );
  assert.ok(maxInFlight <= 3 && maxInFlight >= 2, `max in flight ${maxInFlight}`);
  assert.ok(progress.every((p) => p.running.length <= 3));
  const dones = progress.map((p) => p.done);
  assert.deepEqual(
    dones,
    [...dones].sort((a, b) => a - b),
    'done only grows',
  );
  assert.equal(progress.at(-1)?.done, 12);
  for (const r of results) {
    const wall = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
    assert.ok(wall >= 0, `${r.startedAt} → ${r.finishedAt}`);
    // On the system clock the measured duration and the timestamps tell the same story.
    assert.ok(
      Number.isInteger(r.durationMs) && Math.abs(r.durationMs - wall) <= 5,
      `duration ${r.durationMs} ms, timestamps ${wall} ms apart`,
    );
  }
});

test('a check that hangs is cut off at its timeout; a crash is reported without its message', async () => {
  const t0 = Date.now();
  const [hang, crash, unknown] = await runChecks(
    [
      { ...job('/a'), checkId: 'test.hang' },
      { ...job('/b'), checkId: 'test.crash' },
      { ...job('/c'), checkId: 'no.such.check' },
    ],
    { policy: onlinePolicy, lookup: loopbackLookup, timeoutMs: 300, findCheck },
  );
  assert.ok(Date.now() - t0 < 5_000);
  assert.equal(hang!.status, 'could-not-verify');
  assert.equal(hang!.errorCode, 'CHECK_TIMEOUT');
  assert.equal(crash!.status, 'error');
  assert.equal(crash!.errorCode, 'CHECK_CRASHED');
  assert.ok(!JSON.stringify(crash).includes('secret-path'));
  assert.equal(unknown!.errorCode, 'UNKNOWN_CHECK');
});

test('a stalled server is cut off by the per-check timeout, closing its connection', async () => {
  const [r] = await runChecks([{ ...job('/stall'), checkId: 'test.plain' }], {
    policy: onlinePolicy,
    lookup: loopbackLookup,
    timeoutMs: 300,
    limits: { totalTimeoutMs: 60_000 },
    findCheck,
  });
  assert.equal(r!.errorCode, 'CHECK_TIMEOUT');
  await new Promise((res) => setTimeout(res, 50));
  assert.equal(inFlight, 0, 'the server saw the connection closed');
});

test('cancelling a run ends running and queued checks as cancelled, promptly', async () => {
  const controller = new AbortController();
  const jobs = Array.from({ length: 6 }, (_, i) => ({ ...job(`/stall${i}`), checkId: 'test.plain' }));
  setTimeout(() => controller.abort(), 150);
  const t0 = Date.now();
  const results = await runChecks(jobs, {
    policy: onlinePolicy,
    lookup: loopbackLookup,
    concurrency: 2,
    signal: controller.signal,
    findCheck,
  });
  assert.ok(Date.now() - t0 < 3_000);
  assert.equal(results.length, 6);
  assert.ok(
    results.every((r) => r.errorCode === 'CANCELLED' && r.status === 'error'),
    JSON.stringify(results.map((r) => r.errorCode)),
  );
});

test('workers take targets in turn, so a batch does not queue on one site', () => {
  const on = (target: string, checkId: string) => ({ checkId, input: { target, params: {} } });
  const jobs = [on('a', '1'), on('a', '2'), on('a', '3'), on('b', '1'), on('b', '2'), on('c', '1')];
  assert.deepEqual(spreadByTarget(jobs), [0, 3, 5, 1, 4, 2]);
  assert.deepEqual(spreadByTarget([]), []);
});
