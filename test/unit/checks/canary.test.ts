// The canary: a recognisable secret stored in the real keychain credential store is used
// by every SaaS check against fake servers (some of which echo it back), and its bytes
// must appear in no result, observation, error message or thrown error.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { getCheck } from '../../../main/core/checks/registry';
import { runChecks, type CheckJob } from '../../../main/core/checks/runner';
import type { CheckDefinition } from '../../../main/core/checks/types';
import { createCredentialStore, type CredentialStore } from '../../../main/core/credentials/store';
import { AttestError } from '../../../main/core/errors';
import { keychainWorks, osKeychain } from '../../../main/core/keychain/keychain';
import { createNetClient } from '../../../main/core/net/client';
import { secretVariants } from '../../../main/core/net/redact';
import { requirePart } from '../../support/require';
import { loopbackLookup, onlinePolicy } from './support/env';
import { TestPki } from './support/pki';
import { startSaasFake, type SaasFake } from './support/saas-fakes';

const CANARY = `CANARY-${randomUUID()}-attest-zx9`;
const pki = new TestPki();
const service = `Attest.test.canary.${randomUUID()}`;
let fake: SaasFake;
let store: CredentialStore;
let keychainOk = false;
let credentialId = '';

before(async () => {
  keychainOk = await keychainWorks();
  fake = await startSaasFake(pki, CANARY);
  if (!keychainOk) return;
  store = createCredentialStore(osKeychain(service));
  credentialId = (await store.create({ label: 'Canary', kind: 'bearer', hosts: ['api.test'], secret: CANARY })).id;
});
after(async () => {
  await fake.close();
  if (keychainOk) {
    const chain = osKeychain(service);
    for (const a of await chain.accounts()) await chain.delete(a);
  }
});

const forms = () => [...secretVariants(CANARY), `Bearer ${CANARY}`, CANARY.slice(0, 24)];

function assertClean(label: string, text: string) {
  for (const f of forms()) assert.ok(!text.includes(f), `${label} contains the canary (${f.slice(0, 12)}…)`);
}

function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(String(e), (e as Error).message ?? '', (e as Error).stack ?? '', JSON.stringify(e));
  }
  return parts.join('\n');
}

/** A deliberately careless check that copies the raw response into its evidence. */
const leakyCheck: CheckDefinition = {
  id: 'test.leaky',
  title: 'Leaky test check',
  description: 'Copies headers and body into observations.',
  category: 'saas',
  controls: [],
  inputs: [],
  hosts: () => ['api.test'],
  credential: { kinds: ['bearer'], required: true },
  async run(ctx) {
    const res = await ctx.client.request({ url: ctx.input.target, credentialId: ctx.input.credentialId, caPem: ctx.input.caPem });
    return {
      status: 'warn',
      summary: `server said ${res.body.toString('utf8')}`,
      remediation: String(res.headers['x-echo-auth'] ?? ''),
      observations: { headers: res.headers, body: res.body.toString('utf8') },
      suggestedControlStatus: null,
    };
  },
};

test('the canary secret appears in no result, observation, message or thrown error', async (t) => {
  if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
  const base = `https://api.test:${fake.port}`;
  const input = (target: string, params: Record<string, string> = {}) => ({ target, caPem: pki.ca.certPem, credentialId, params });
  const jobs: CheckJob[] = [
    { checkId: 'saas.tines.tenant', input: input(`${base}/tines-good`) },
    { checkId: 'saas.tines.tenant', input: input(`${base}/denied`) },
    { checkId: 'saas.tines.tenant', input: input(`${base}/malformed`) },
    { checkId: 'saas.tines.tenant', input: input(`${base}/redirect-away`) },
    { checkId: 'saas.retool.sso', input: input(`${base}/retool/api/v2`, { ssoDomain: 'corp.test' }) },
    { checkId: 'saas.retool.sso', input: input(`${base}/denied/api/v2`, { ssoDomain: 'corp.test' }) },
    { checkId: 'saas.github.org-2fa', input: input(`${base}/gh/orgs/weak`) },
    { checkId: 'saas.github.org-settings', input: input(`${base}/gh/orgs/strong`) },
    { checkId: 'saas.github.org-2fa', input: input(`${base}/denied/orgs/x`) },
    { checkId: 'test.leaky', input: input(`${base}/denied/echo`) },
    { checkId: 'test.leaky', input: input(`${base}/malformed/echo`) },
  ];
  fake.authSeen.length = 0;
  const results = await runChecks(jobs, {
    policy: onlinePolicy,
    lookup: loopbackLookup,
    credentials: store,
    findCheck: (id) => (id === 'test.leaky' ? leakyCheck : getCheck(id)),
  });
  // The secret really travelled (so the test can fail): the servers saw it.
  assert.ok(fake.authSeen.filter((a) => a === `Bearer ${CANARY}`).length >= jobs.length);
  assert.equal(results.length, jobs.length);
  assert.ok(
    results.some((r) => r.status === 'pass' || r.status === 'fail'),
    'some checks produced verdicts',
  );
  const leaky = results.filter((r) => r.checkId === 'test.leaky');
  assert.ok(
    leaky.every((r) => JSON.stringify(r).includes('[redacted]')),
    'the echoed secret was replaced',
  );
  for (const r of results) assertClean(`result of ${r.checkId} on ${r.target}`, JSON.stringify(r));

  // Thrown errors, before any runner scrubbing: check.run and the client called directly.
  const ctx = (target: string, params: Record<string, string> = {}) => ({
    client: createNetClient({ policy: onlinePolicy, lookup: loopbackLookup, credentials: store }),
    input: input(target, params),
    resolver: { server: '127.0.0.1', port: 53 },
    signal: new AbortController().signal,
    now: () => new Date(),
  });
  const thrown: unknown[] = [];
  for (const [id, target] of [
    ['saas.tines.tenant', `${base}/denied`],
    ['saas.tines.tenant', `${base}/malformed`],
    ['saas.github.org-settings', `${base}/denied/orgs/x`],
    ['saas.retool.sso', `${base}/huge/api/v2`],
  ] as const) {
    try {
      await getCheck(id)!.run(ctx(target, { ssoDomain: 'corp.test' }));
      assert.fail(`${id} on ${target} should have thrown`);
    } catch (err) {
      assert.ok(err instanceof AttestError, String(err));
      thrown.push(err);
    }
  }
  const client = createNetClient({
    policy: { ...onlinePolicy, allowedHosts: [...onlinePolicy.allowedHosts, 'localhost'] },
    lookup: loopbackLookup,
    credentials: store,
  });
  try {
    await client.request({ url: `https://localhost:${fake.port}/tines-good`, credentialId, caPem: pki.ca.certPem });
    assert.fail('a host outside the binding must be refused');
  } catch (err) {
    assert.equal((err as AttestError).code, 'CREDENTIAL_HOST_NOT_BOUND');
    thrown.push(err);
  }
  for (const err of thrown) assertClean('thrown error', describeError(err));
  // And the metadata list never holds it.
  assertClean('credential list', JSON.stringify(await store.list()));
});
