// Through the core's channels, with real loopback TLS: a workspace's custom CA is trusted
// only for the hosts it was set for and never for a SaaS call that carries a credential;
// and no URL is stored with its userinfo (targets, runs, evidence, audit, errors).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { keychainWorks } from '../../../main/core/keychain/keychain';
import { call, failure } from '../../support/dispatch';
import { requirePart } from '../../support/require';
import { startSite, strongHeaders, waitForRun, workspaceWithAssessment } from './support/channels';
import { TestPki } from './support/pki';
import { startSaasFake } from './support/saas-fakes';
import type { RunningServer } from './support/servers';

const pki = new TestPki();
const servers: RunningServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

test('the custom CA is trusted only for the hosts it was set for', async () => {
  const site = await startSite(pki, strongHeaders);
  servers.push(site);
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    await call(core, 'policy.setEnabled', { enabled: true });
    await call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] });
    const missing = await failure(core, 'policy.setCustomCa', { pem: pki.ca.certPem });
    assert.equal(missing.code, 'INVALID_CA');
    assert.match(missing.message, /hosts/);
    const elsewhere = await call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['intranet.example'] });
    assert.deepEqual(elsewhere.customCaHosts, ['intranet.example']);
    await call(core, 'check.addTarget', { assessmentId, checkId: 'web.hsts', target: `https://127.0.0.1:${site.port}/`, inputs: {} });
    const first = await waitForRun(core, (await call(core, 'check.run', { assessmentId })).runId);
    assert.equal(first.items[0]!.status, 'could-not-verify', 'the CA set for another host does not vouch for 127.0.0.1');
    const here = await call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['127.0.0.1'] });
    assert.deepEqual(here.customCaHosts, ['127.0.0.1']);
    const second = await waitForRun(core, (await call(core, 'check.run', { assessmentId })).runId);
    assert.equal(second.items[0]!.status, 'pass');
    const cleared = await call(core, 'policy.setCustomCa', { pem: null });
    assert.equal(cleared.customCa, null);
    assert.deepEqual(cleared.customCaHosts, []);
  } finally {
    await core.close();
  }
});

test('the custom CA is never trusted for a SaaS call with a credential: nothing reaches the server', async (t) => {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const token = `tok-${randomUUID()}`;
  const fake = await startSaasFake(pki, token);
  servers.push(fake);
  const { core, assessmentId } = await workspaceWithAssessment();
  let credentialId = '';
  try {
    await call(core, 'policy.setEnabled', { enabled: true });
    await call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] });
    await call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['127.0.0.1'] });
    credentialId = (await call(core, 'credential.create', { label: 'Tenant', kind: 'bearer', hosts: ['127.0.0.1'], value: token })).id;
    await call(core, 'check.addTarget', {
      assessmentId,
      checkId: 'saas.tines.tenant',
      target: `https://127.0.0.1:${fake.port}/tines-good`,
      inputs: {},
      credentialId,
    });
    const done = await waitForRun(core, (await call(core, 'check.run', { assessmentId })).runId);
    assert.equal(done.items[0]!.status, 'could-not-verify');
    const { runs } = await call(core, 'check.results', { assessmentId });
    assert.equal(runs[0]!.errorCode, 'TLS_VERIFICATION_FAILED');
    const tested = await failure(core, 'credential.test', { id: credentialId, port: fake.port, path: '/tines-good' });
    assert.equal(tested.code, 'TLS_VERIFICATION_FAILED');
    assert.deepEqual(fake.authSeen, [], 'no request (so no credential) reached the server');
  } finally {
    if (credentialId) await call(core, 'credential.delete', { id: credentialId }).catch(() => undefined);
    await core.close();
  }
});

test('no stored URL keeps its userinfo: target, run, evidence, audit', async () => {
  const site = await startSite(pki, strongHeaders);
  servers.push(site);
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    await call(core, 'policy.setEnabled', { enabled: true });
    await call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] });
    await call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['127.0.0.1'] });
    const target = await call(core, 'check.addTarget', {
      assessmentId,
      checkId: 'web.hsts',
      target: `https://admin:Sw0rdfish@127.0.0.1:${site.port}/`,
      inputs: {},
    });
    assert.equal(target.target, `https://127.0.0.1:${site.port}/`);
    // A target that fails (nothing listens there) quotes its URL in the error.
    await call(core, 'check.addTarget', { assessmentId, checkId: 'web.csp', target: 'https://admin:Sw0rdfish@127.0.0.1:9/', inputs: {} });
    const done = await waitForRun(core, (await call(core, 'check.run', { assessmentId })).runId);
    assert.equal(done.items.length, 2);
    const { runs } = await call(core, 'check.results', { assessmentId });
    const details = await Promise.all(runs.map((r) => call(core, 'check.result', { id: r.id })));
    const evidence = await call(core, 'evidence.add', {
      assessmentId,
      catalogueId: 'platform-baseline',
      controlId: 'S.A.3',
      kind: 'link',
      url: 'https://admin:Sw0rdfish@wiki.example/page?x=1',
      body: 'see https://admin:Sw0rdfish@wiki.example/other',
    });
    assert.equal(evidence.url, 'https://wiki.example/page?x=1');
    const control = await call(core, 'assessment.control', { assessmentId, catalogueId: 'platform-baseline', controlId: 'S.A.3' });
    const audit = await call(core, 'audit.list', { limit: 500 });
    const stored = JSON.stringify({
      done,
      runs,
      details,
      evidence,
      control,
      audit,
      targets: await call(core, 'check.targets', { assessmentId }),
    });
    assert.ok(stored.includes('127.0.0.1'), 'the targets are there');
    assert.doesNotMatch(stored, /Sw0rdfish|admin:/);
  } finally {
    await core.close();
  }
});
