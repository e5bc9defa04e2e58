// Live checks through the core's channels and the real encrypted store: offline by
// default (no socket at all), unapproved hosts refused before any connection, a run over
// loopback HTTPS with the workspace's custom CA stored as runs and as evidence on the
// controls it supports, accept and reject, cancel, and clear errors for bad input.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { call, failure } from '../../support/dispatch';
import { keychainWorks } from '../../../main/core/keychain/keychain';
import { requirePart } from '../../support/require';
import { spySockets, startSite, strongHeaders, waitForRun, workspaceWithAssessment } from './support/channels';
import { TestPki } from './support/pki';
import { startHttps, type RunningServer } from './support/servers';

const pki = new TestPki();
const servers: RunningServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

test('a new workspace is offline: check.run and credential.test fail with a clear code and no socket is opened', async (t) => {
  const site = await startSite(pki, strongHeaders);
  servers.push(site);
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    const policy = await call(core, 'policy.get', {});
    assert.equal(policy.liveChecksEnabled, false);
    assert.deepEqual(policy.allowedHosts, []);
    // Even an approved host is not contacted while live checks are off.
    await call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] });
    const target = await call(core, 'check.addTarget', {
      assessmentId,
      checkId: 'web.hsts',
      target: `https://127.0.0.1:${site.port}/`,
      inputs: {},
    });
    const spy = spySockets();
    try {
      const err = await failure(core, 'check.run', { assessmentId, targetIds: [target.id] });
      assert.equal(err.code, 'LIVE_CHECKS_DISABLED');
      assert.match(err.message, /turned off/);
      if (await keychainWorks()) {
        const cred = await call(core, 'credential.create', {
          label: 'Offline test',
          kind: 'bearer',
          hosts: ['127.0.0.1'],
          value: 'offline-secret-value',
        });
        const testErr = await failure(core, 'credential.test', { id: cred.id });
        assert.equal(testErr.code, 'LIVE_CHECKS_DISABLED');
        await call(core, 'credential.delete', { id: cred.id });
      } else requirePart(t, false, 'A Secret Service (gnome-keyring)');
      assert.deepEqual(spy.connects, [], 'no socket while offline');
    } finally {
      spy.restore();
    }
    assert.deepEqual((await call(core, 'check.results', { assessmentId })).runs, [], 'nothing stored');
  } finally {
    await core.close();
  }
});

test('with live checks on, an unapproved host is named for approval and refused before any connection', async () => {
  const site = await startSite(pki, strongHeaders);
  servers.push(site);
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    await call(core, 'policy.setEnabled', { enabled: true });
    await call(core, 'check.addTarget', { assessmentId, checkId: 'web.hsts', target: `https://127.0.0.1:${site.port}/`, inputs: {} });
    await call(core, 'check.addTarget', { assessmentId, checkId: 'tls.certificate', target: `localhost:${site.port}`, inputs: {} });
    const hosts = await call(core, 'check.hosts', { assessmentId });
    assert.deepEqual(hosts.unapproved, ['127.0.0.1', 'localhost']);
    const spy = spySockets();
    try {
      const err = await failure(core, 'check.run', { assessmentId });
      assert.equal(err.code, 'HOSTS_NOT_APPROVED');
      assert.match(err.message, /127\.0\.0\.1, localhost/);
      await call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] });
      assert.equal((await failure(core, 'check.run', { assessmentId })).code, 'HOSTS_NOT_APPROVED', 'one host still unapproved');
      assert.deepEqual(spy.connects, [], 'nothing contacted');
    } finally {
      spy.restore();
    }
  } finally {
    await core.close();
  }
});

test('a run over loopback HTTPS with the custom CA is stored as runs and as check evidence; accept sets the status, reject records it', async () => {
  const site = await startSite(pki, strongHeaders);
  const weak = await startSite(pki, { server: 'Apache/2.4.41 (Ubuntu)', 'x-powered-by': 'PHP/7.4.3' });
  servers.push(site, weak);
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    await call(core, 'policy.setEnabled', { enabled: true });
    await call(core, 'policy.approveHosts', { hosts: ['https://127.0.0.1:8443/'] });
    assert.deepEqual((await call(core, 'policy.get', {})).allowedHosts, ['127.0.0.1'], 'a pasted URL approves only its host');
    const noCa = await call(core, 'check.addTarget', {
      assessmentId,
      checkId: 'web.hsts',
      target: `https://127.0.0.1:${site.port}/`,
      inputs: {},
    });
    // Without the CA the chain does not verify: could not verify, never pass.
    const spy = spySockets();
    let first;
    try {
      const started = await call(core, 'check.run', { assessmentId, targetIds: [noCa.id] });
      assert.equal(started.total, 1);
      first = await waitForRun(core, started.runId);
      assert.ok(
        spy.connects.some((c) => c.includes('127.0.0.1')),
        `the spy sees real connects (${spy.connects.join(', ')})`,
      );
    } finally {
      spy.restore();
    }
    assert.equal(first.items[0]!.status, 'could-not-verify');

    const ca = await call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['127.0.0.1'] });
    assert.match(ca.customCaSubject ?? '', /Attest Test CA/);
    const leak = await call(core, 'check.addTarget', {
      assessmentId,
      checkId: 'web.stack-disclosure',
      target: `https://127.0.0.1:${weak.port}/`,
      inputs: {},
    });
    const started = await call(core, 'check.run', { assessmentId });
    assert.equal(started.total, 2);
    const done = await waitForRun(core, started.runId);
    assert.equal(done.state, 'finished');
    assert.equal(done.done, 2);
    assert.deepEqual(
      done.items.map((i) => i.status),
      ['pass', 'fail'],
      JSON.stringify((await call(core, 'check.results', { assessmentId })).runs.map((r) => r.summary)),
    );

    const { runs } = await call(core, 'check.results', { assessmentId });
    assert.equal(runs.length, 3, 'the first run is kept as history');
    const hsts = runs.filter((r) => r.targetId === noCa.id);
    assert.deepEqual(
      hsts.map((r) => r.status),
      ['pass', 'could-not-verify'],
      'newest first',
    );
    const pass = hsts[0]!;
    assert.equal(pass.suggestedStatus, 'met');
    assert.ok(pass.controls.some((c) => c.catalogueId === 'platform-baseline' && c.controlId === 'S.N.13'));
    assert.ok(
      pass.controls.some((c) => c.catalogueId === 'threat-model-review' && c.controlId === 'TM.T.3'),
      'catalogue checks: lists count',
    );
    const detail = await call(core, 'check.result', { id: pass.id });
    assert.match(detail.observations, /strict-transport-security/);
    assert.equal(detail.inputs.caPem, '(custom CA)', 'the CA is noted, not copied');

    const control = await call(core, 'assessment.control', { assessmentId, catalogueId: 'platform-baseline', controlId: 'S.N.13' });
    const evidence = control.evidence.filter((e) => e.kind === 'check');
    assert.equal(evidence.length, 2, 'could-not-verify and pass both evidence S.N.13');
    assert.ok(evidence.some((e) => e.checkRunId === pass.id && e.title.includes('127.0.0.1') && /^Pass: /.test(e.body)));
    assert.equal(control.row.status, 'not-assessed', 'a suggestion sets nothing by itself');

    const accepted = await call(core, 'check.decide', { id: pass.id, decision: 'accept', note: 'Seen on the production host.' });
    assert.equal(accepted.decision, 'accepted');
    const after1 = await call(core, 'assessment.control', { assessmentId, catalogueId: 'platform-baseline', controlId: 'S.N.13' });
    assert.equal(after1.row.status, 'met');
    assert.ok(after1.row.rationale.includes(pass.id) && after1.row.rationale.includes('Seen on the production host.'));
    assert.equal((await failure(core, 'check.decide', { id: pass.id, decision: 'reject' })).code, 'ALREADY_DECIDED');

    const failed = runs.find((r) => r.targetId === leak.id)!;
    assert.equal(failed.suggestedStatus, 'not-met');
    const rejected = await call(core, 'check.decide', {
      id: failed.id,
      decision: 'reject',
      note: 'The banner comes from a staging proxy.',
    });
    assert.equal(rejected.decision, 'rejected');
    assert.equal(rejected.decisionNote, 'The banner comes from a staging proxy.');
    const s14 = await call(core, 'assessment.control', { assessmentId, catalogueId: 'platform-baseline', controlId: 'S.N.14' });
    assert.equal(s14.row.status, 'not-assessed', 'rejecting changes no status');
    const unverified = hsts[1]!;
    assert.equal((await failure(core, 'check.decide', { id: unverified.id, decision: 'accept' })).code, 'NO_SUGGESTION');

    const actions = (await call(core, 'audit.list', { limit: 200 })).entries.map((e) => e.action);
    for (const a of [
      'policy.live-checks-on',
      'policy.approve-hosts',
      'policy.custom-ca',
      'check.target.add',
      'check.run',
      'check.decide.accept',
      'check.decide.reject',
      'result.met',
    ]) {
      assert.ok(actions.includes(a), `audited: ${a}`);
    }
  } finally {
    await core.close();
  }
});

test('cancel stops checks in flight; they are recorded as cancelled and the run says so', async () => {
  const leaf = pki.leaf({ commonName: '127.0.0.1', ips: ['127.0.0.1'] });
  const hanging = await startHttps(leaf, () => undefined); // accepts, never answers
  servers.push(hanging);
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    await call(core, 'policy.setEnabled', { enabled: true });
    await call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] });
    await call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['127.0.0.1'] });
    for (const checkId of ['web.hsts', 'web.csp']) {
      await call(core, 'check.addTarget', { assessmentId, checkId, target: `https://127.0.0.1:${hanging.port}/`, inputs: {} });
    }
    const started = await call(core, 'check.run', { assessmentId });
    await new Promise((r) => setTimeout(r, 150));
    const running = await call(core, 'check.progress', { runId: started.runId });
    assert.equal(running.state, 'running');
    assert.ok(running.items.some((i) => i.state === 'running'));
    const cancelled = await call(core, 'check.cancel', { runId: started.runId });
    assert.equal(cancelled.state, 'cancelled');
    const { runs } = await call(core, 'check.results', { assessmentId });
    assert.equal(runs.length, 2);
    for (const r of runs) {
      assert.equal(r.status, 'error');
      assert.equal(r.errorCode, 'CANCELLED');
    }
    const control = await call(core, 'assessment.control', { assessmentId, catalogueId: 'platform-baseline', controlId: 'S.N.13' });
    assert.equal(control.evidence.filter((e) => e.kind === 'check').length, 0, 'a cancelled check is history, not evidence');
  } finally {
    await core.close();
  }
});

test('bad input gets a clear code and changes nothing', async () => {
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    const before = (await call(core, 'audit.list', {})).total;
    const cases: [string, Promise<{ code: string; message: string }>, string, RegExp][] = [
      [
        'unknown check',
        failure(core, 'check.addTarget', { assessmentId, checkId: 'web.nope', target: 'example.com', inputs: {} }),
        'UNKNOWN_CHECK',
        /no live check/,
      ],
      [
        'missing credential',
        failure(core, 'check.addTarget', { assessmentId, checkId: 'saas.tines.tenant', target: 'https://t.example', inputs: {} }),
        'CREDENTIAL_REQUIRED',
        /needs a credential/,
      ],
      [
        'unknown input',
        failure(core, 'check.addTarget', { assessmentId, checkId: 'web.hsts', target: 'example.com', inputs: { colour: 'red' } }),
        'INVALID_INPUT',
        /no input called "colour"/,
      ],
      ['wildcard host', failure(core, 'policy.approveHosts', { hosts: ['*.example.com'] }), 'INVALID_HOST', /without wildcards/],
      ['not a CA', failure(core, 'policy.setCustomCa', { pem: 'hello', hosts: ['127.0.0.1'] }), 'INVALID_CA', /PEM certificate/],
      [
        'leaf as CA',
        failure(core, 'policy.setCustomCa', { pem: pki.leaf({ commonName: 'x' }).certPem, hosts: ['127.0.0.1'] }),
        'INVALID_CA',
        /not a CA/,
      ],
      ['resolver name', failure(core, 'policy.setResolver', { server: 'dns.example', port: 53 }), 'INVALID_RESOLVER', /IP address/],
      ['revoke unknown', failure(core, 'policy.revokeHost', { host: 'never.example' }), 'HOST_NOT_FOUND', /not on the approved list/],
      ['nothing to run', failure(core, 'check.run', { assessmentId }), 'LIVE_CHECKS_DISABLED', /turned off/],
      ['unknown run', failure(core, 'check.progress', { runId: 'chk_nope' }), 'RUN_NOT_FOUND', /not known/],
    ];
    for (const [what, pending, code, message] of cases) {
      const err = await pending;
      assert.equal(err.code, code, `${what}: ${err.message}`);
      assert.match(err.message, message, what);
    }
    assert.equal((await call(core, 'audit.list', {})).total, before, 'no change was recorded');
    assert.equal((await call(core, 'policy.get', {})).customCa, null);
    await call(core, 'policy.setEnabled', { enabled: true });
    assert.equal((await failure(core, 'check.run', { assessmentId })).code, 'NO_TARGETS');
  } finally {
    await core.close();
  }
});

// No built-in control states e-mail sender authentication (SPF, DMARC): those two checks
// run and are stored, but cite no control until a catalogue has one.
const UNCITED = ['dns.dmarc', 'dns.spf'];

test('check.list names the controls each check evidences; only the e-mail checks have none to cite', async () => {
  const { core } = await workspaceWithAssessment();
  try {
    const { checks } = await call(core, 'check.list', {});
    assert.ok(checks.length >= 20);
    for (const c of checks) if (!UNCITED.includes(c.id)) assert.ok(c.controls.length > 0, `${c.id} evidences a control`);
    assert.deepEqual(
      checks
        .filter((c) => c.controls.length === 0)
        .map((c) => c.id)
        .sort(),
      UNCITED,
    );
    const caa = checks.find((c) => c.id === 'dns.caa')!;
    assert.ok(caa.controls.includes('threat-model-review:TM.T.3') && caa.controls.includes('platform-baseline:S.N.1'));
  } finally {
    await core.close();
  }
});

test('the checks of one run share their page: five web checks on one site cost one https request', async () => {
  let requests = 0;
  const leaf = pki.leaf({ commonName: '127.0.0.1', ips: ['127.0.0.1'] });
  const site = await startHttps(leaf, (_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'text/html', ...strongHeaders }).end('<!doctype html><title>ok</title>');
  });
  servers.push(site);
  const { core, assessmentId } = await workspaceWithAssessment();
  try {
    await call(core, 'policy.setEnabled', { enabled: true });
    await call(core, 'policy.approveHosts', { hosts: ['127.0.0.1'] });
    await call(core, 'policy.setCustomCa', { pem: pki.ca.certPem, hosts: ['127.0.0.1'] });
    const url = `https://127.0.0.1:${site.port}/`;
    const checks = ['web.hsts', 'web.csp', 'web.content-type-options', 'web.frame-options', 'web.referrer-policy'];
    for (const checkId of checks) await call(core, 'check.addTarget', { assessmentId, checkId, target: url, inputs: {} });
    const done = await waitForRun(core, (await call(core, 'check.run', { assessmentId })).runId);
    assert.equal(done.state, 'finished');
    assert.deepEqual(
      done.items.map((i) => i.status),
      ['pass', 'pass', 'pass', 'pass', 'pass'],
    );
    assert.equal(requests, 1, 'one fetch of the page for the whole run');
  } finally {
    await core.close();
  }
});
