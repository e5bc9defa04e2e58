// The renderer's read cache (renderer/src/api/query-cache.ts) against a recording
// fetcher: one fetch per key until a write moves the workspace on, a stale answer that a
// newer request overtook is dropped, and another workspace starts from nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createQueryCache } from '../../../renderer/src/api/query-cache';

function recordingFetcher() {
  const calls: { channel: string; request: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  const fetcher = (channel: string, request: unknown) =>
    new Promise<unknown>((resolve, reject) => calls.push({ channel, request, resolve, reject }));
  return { calls, fetcher };
}
const tick = () => new Promise((r) => setImmediate(r));

test('a read is fetched once and then served from the cache; the same request shares it', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  cache.ensure('finding.list', { assessmentId: 'a' });
  cache.ensure('finding.list', { assessmentId: 'a' });
  assert.equal(calls.length, 1, 'one request in flight for one key');
  assert.deepEqual(cache.peek('finding.list', { assessmentId: 'a' }), { data: undefined, error: undefined, loading: true });
  calls[0]!.resolve({ findings: [1] });
  await tick();
  assert.deepEqual(cache.peek('finding.list', { assessmentId: 'a' }), { data: { findings: [1] }, error: undefined, loading: false });
  cache.ensure('finding.list', { assessmentId: 'a' });
  assert.equal(calls.length, 1, 'fresh: no second fetch');
  cache.ensure('finding.list', { assessmentId: 'b' });
  assert.equal(calls.length, 2, 'another request is another key');
});

test('a write makes older reads stale: they show their data and fetch again once', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  let notified = 0;
  cache.subscribe(() => notified++);
  cache.ensure('audit.list', {});
  calls[0]!.resolve({ total: 1 });
  await tick();
  cache.committed(5);
  await tick();
  assert.ok(notified >= 2);
  assert.deepEqual(
    cache.peek('audit.list', {}),
    { data: { total: 1 }, error: undefined, loading: true },
    'old data stays on screen while it reloads',
  );
  cache.ensure('audit.list', {});
  cache.ensure('audit.list', {});
  assert.equal(calls.length, 2);
  calls[1]!.resolve({ total: 2 });
  await tick();
  assert.deepEqual(cache.peek('audit.list', {}).data, { total: 2 });
  cache.committed(3);
  cache.ensure('audit.list', {});
  assert.equal(calls.length, 2, 'an older sequence number changes nothing');
});

test('an answer overtaken by a newer request is dropped; a failure keeps the last data with its error', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  cache.ensure('vendor.list', {});
  cache.committed(1);
  cache.ensure('vendor.list', {});
  assert.equal(calls.length, 2);
  calls[1]!.resolve({ vendors: ['new'] });
  calls[0]!.resolve({ vendors: ['old'] });
  await tick();
  assert.deepEqual(cache.peek('vendor.list', {}).data, { vendors: ['new'] });
  cache.committed(2);
  cache.ensure('vendor.list', {});
  const boom = new Error('locked');
  calls[2]!.reject(boom);
  await tick();
  assert.deepEqual(cache.peek('vendor.list', {}), { data: { vendors: ['new'] }, error: boom, loading: false });
});

test('reset forgets everything (another workspace), and an answer from before it is dropped', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  cache.ensure('assessment.list', {});
  cache.reset(10);
  calls[0]!.resolve({ assessments: ['from the old workspace'] });
  await tick();
  assert.equal(cache.peek('assessment.list', {}).data, undefined);
  cache.ensure('assessment.list', {});
  assert.equal(calls.length, 2);
  assert.equal(cache.fetches, 2);
});

test("a write's answer primed as a read is fresh at that commit: no fetch, and a read already on its way is dropped", async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  const ref = { assessmentId: 'a', catalogueId: 'c', controlId: 'X-1' };
  cache.ensure('assessment.control', ref);
  assert.equal(calls.length, 1);
  // The write commits (seq 7) and answers with the panel's data before the read returns.
  cache.committed(7);
  cache.prime('assessment.control', ref, { row: { status: 'met' } });
  cache.ensure('assessment.control', ref);
  assert.equal(calls.length, 1, 'primed at the latest commit: nothing to fetch');
  calls[0]!.resolve({ row: { status: 'not-assessed' } });
  await tick();
  assert.deepEqual(
    cache.peek('assessment.control', ref).data,
    { row: { status: 'met' } },
    'the older read does not replace the primed answer',
  );
  cache.committed(8);
  cache.ensure('assessment.control', ref);
  assert.equal(calls.length, 2, 'a later write makes it stale like any read');
});

test('a tagged read (a content hash) stays fresh across writes until its tag changes; the old tag is dropped', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  cache.ensure('catalog.get', { id: 'c' }, 'h1');
  calls[0]!.resolve({ v: 1 });
  await tick();
  cache.committed(3);
  cache.ensure('catalog.get', { id: 'c' }, 'h1');
  assert.equal(calls.length, 1, 'a write elsewhere does not refetch megabytes of catalogue');
  assert.equal(cache.peek('catalog.get', { id: 'c' }, 'h1').loading, false);
  cache.ensure('catalog.get', { id: 'c' }, 'h2');
  assert.equal(calls.length, 2, 'a new version is read');
  calls[1]!.resolve({ v: 2 });
  await tick();
  assert.deepEqual(cache.peek('catalog.get', { id: 'c' }, 'h2').data, { v: 2 });
  assert.equal(cache.peek('catalog.get', { id: 'c' }, 'h1').data, undefined, 'the previous version is let go');
  cache.ensure('catalog.get', { id: 'd' }, 'x');
  calls[2]!.reject(new Error('gone'));
  await tick();
  cache.ensure('catalog.get', { id: 'd' }, 'x');
  assert.equal(calls.length, 3, 'a failed tagged read is not retried in a loop (reload retries it)');
});

test('listeners hear once per turn: a commit number and the answer its write primes land together, so nothing is fetched again', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  const request = { assessmentId: 'a', controlId: 'c-1' };
  cache.ensure('assessment.control', request);
  calls[0]!.resolve({ row: 'before' });
  await tick();
  // A screen reads again whenever it hears of a change, as React's effects do.
  let heard = 0;
  cache.subscribe(() => {
    heard++;
    cache.ensure('assessment.control', request);
  });
  // The write answers with its commit's number, then its answer is primed, in one turn.
  cache.committed(7);
  cache.prime('assessment.control', request, { row: 'after' });
  await tick();
  assert.equal(heard, 1, 'one notification for the turn');
  assert.equal(calls.length, 1, 'the primed answer needs no trip');
  assert.deepEqual(cache.peek('assessment.control', request).data, { row: 'after' });
});

test('a read kept across writes (a constant tag) is not fetched again after a commit, and takes a primed answer of its request', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  cache.ensure('policy.get', {}, 'network-line');
  calls[0]!.resolve({ liveChecksEnabled: false });
  await tick();
  cache.committed(3);
  cache.ensure('policy.get', {}, 'network-line');
  assert.equal(calls.length, 1, 'a commit elsewhere does not make it stale');
  cache.prime('policy.get', {}, { liveChecksEnabled: true });
  assert.deepEqual(cache.peek('policy.get', {}, 'network-line').data, { liveChecksEnabled: true });
  cache.ensure('policy.get', {}, 'network-line');
  assert.equal(calls.length, 1);
});

test('a held write: its commit number waits for its answers, then makes the rest stale', async () => {
  const { calls, fetcher } = recordingFetcher();
  const cache = createQueryCache(fetcher);
  const panel = { controlId: 'c-1' };
  cache.ensure('assessment.control', panel);
  cache.ensure('finding.list', {});
  calls[0]!.resolve({ row: 'before' });
  calls[1]!.resolve({ findings: [] });
  await tick();
  const release = cache.hold();
  cache.committed(9);
  // Screens that render meanwhile (other stores changed) still see fresh answers.
  cache.ensure('assessment.control', panel);
  cache.ensure('finding.list', {});
  assert.equal(calls.length, 2, 'nothing is stale while the write is held');
  cache.prime('assessment.control', panel, { row: 'after' });
  release();
  cache.ensure('assessment.control', panel);
  cache.ensure('finding.list', {});
  assert.equal(calls.length, 3, 'after release only what the write did not answer is read again');
  assert.equal(calls[2]!.channel, 'finding.list');
});
