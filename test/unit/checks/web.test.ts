import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runChecks, runOne } from '../../../main/core/checks/runner';
import type { CheckResult } from '../../../main/core/checks/types';
import { webChecks } from '../../../main/core/checks/web/checks';
import { offlinePolicy } from '../../../main/core/net/policy';
import { loopbackLookup, onlinePolicy } from './support/env';
import { TestPki } from './support/pki';
import { startHttp, startHttps, type RunningServer } from './support/servers';

const pki = new TestPki();
let https: RunningServer;
let http: RunningServer;

const profiles: Record<string, Record<string, string | string[]>> = {
  '/good': {
    'content-type': 'text/html',
    'content-security-policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
    'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
    'set-cookie': ['sessionid=s3cr3t-session; Path=/; Secure; HttpOnly; SameSite=Lax', 'pref=1; Secure; SameSite=Strict'],
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(self)',
    'cross-origin-resource-policy': 'same-origin',
    server: 'nginx',
  },
  '/bad': {
    'content-type': 'text/html',
    server: 'Apache/2.4.1 (Unix)',
    'x-powered-by': 'PHP/8.1.2',
    'set-cookie': 'sessionid=plain-session-value; Path=/',
    'referrer-policy': 'unsafe-url',
    'access-control-allow-credentials': 'true',
  },
  '/wildcard-cors': {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'access-control-allow-credentials': 'true',
  },
};

before(async () => {
  https = await startHttps(pki.leaf({ commonName: 'app.test', dnsNames: ['app.test', 'other.test'] }), (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const headers = { ...(profiles[path] ?? { 'content-type': 'text/plain' }) };
    if (path === '/bad' && req.headers.origin) headers['access-control-allow-origin'] = req.headers.origin; // reflects any origin
    res.writeHead(200, headers);
    res.end(path === '/bad' ? '<script src="http://cdn.other.test/x.js"></script>' : '<script src="/app.js"></script>');
  });
  http = await startHttp((req, res) => {
    const path = req.url ?? '/';
    if (path === '/redirect-good') res.writeHead(301, { location: `https://app.test:${https.port}/good` }).end();
    else if (path === '/redirect-off-host') res.writeHead(301, { location: `https://other.test:${https.port}/good` }).end();
    else if (path === '/redirect-via-http') res.writeHead(301, { location: `http://app.test:${http.port}/redirect-good` }).end();
    else res.writeHead(200, { 'content-type': 'text/html' }).end('insecure');
  });
});
after(async () => {
  await https.close();
  await http.close();
});

const run = async (profile: string, httpPath: string, checkIds = webChecks.map((c) => c.id)) => {
  const results = await runChecks(
    checkIds.map((checkId) => ({
      checkId,
      input: {
        target: `https://app.test:${https.port}${profile}`,
        caPem: pki.ca.certPem,
        params: { httpUrl: `http://app.test:${http.port}${httpPath}` },
      },
    })),
    { policy: onlinePolicy, lookup: loopbackLookup, concurrency: 4 },
  );
  return Object.fromEntries(results.map((r) => [r.checkId, r])) as Record<string, CheckResult>;
};

describe('web checks against loopback HTTPS with a test CA', () => {
  test('a hardened site passes every web check and grades A+', async () => {
    const r = await run('/good', '/redirect-good');
    for (const [id, result] of Object.entries(r)) assert.equal(result.status, 'pass', `${id}: ${result.summary}`);
    assert.equal(r['web.observatory-grade']!.observations.grade, 'A+');
    assert.equal(r['web.observatory-grade']!.observations.score, 135);
    assert.equal(r['web.hsts']!.suggestedControlStatus, 'met');
    assert.deepEqual(r['web.https-redirect']!.observations.hops, [
      { from: `http://app.test:${http.port}/redirect-good`, to: `https://app.test:${https.port}/good`, status: 301 },
    ]);
  });

  test('a careless site fails, with each failure explained', async () => {
    const r = await run('/bad', '/plain');
    const expectFail = [
      'web.https-redirect',
      'web.hsts',
      'web.csp',
      'web.content-type-options',
      'web.frame-options',
      'web.referrer-policy',
      'web.stack-disclosure',
      'web.cookies',
      'web.cors',
      'web.observatory-grade',
    ];
    for (const id of expectFail) assert.equal(r[id]!.status, 'fail', `${id}: ${r[id]!.summary}`);
    assert.equal(r['web.permissions-policy']!.status, 'warn');
    assert.match(r['web.stack-disclosure']!.summary, /PHP\/8\.1\.2/);
    assert.match(r['web.cookies']!.summary, /session cookie lacks Secure/i);
    assert.match(r['web.cors']!.summary, /reflects any Origin/);
    assert.equal(r['web.observatory-grade']!.observations.grade, 'F');
    assert.equal(r['web.cookies']!.suggestedControlStatus, 'not-met');
    for (const result of Object.values(r)) assert.ok(result.remediation.length > 0);
  });

  test('cookie values and other secret headers are redacted from observations', async () => {
    const r = await run('/bad', '/plain', ['web.cookies', 'web.hsts']);
    const text = JSON.stringify(r);
    assert.ok(!text.includes('plain-session-value'), 'the cookie value must not be stored');
    assert.match(text, /sessionid=\[redacted\]/);
  });

  test('wildcard CORS with credentials fails', async () => {
    const r = await run('/wildcard-cors', '/plain', ['web.cors']);
    assert.equal(r['web.cors']!.status, 'fail');
    assert.match(r['web.cors']!.summary, /wildcard with credentials/);
  });

  test('redirect variants: off-host warns, http-first fails', async () => {
    assert.equal((await run('/good', '/redirect-off-host', ['web.https-redirect']))['web.https-redirect']!.status, 'warn');
    const viaHttp = (await run('/good', '/redirect-via-http', ['web.https-redirect']))['web.https-redirect']!;
    assert.equal(viaHttp.status, 'fail');
    assert.equal(viaHttp.observations.expectation, 'redirection-not-to-https-on-initial-redirection');
  });

  test('without the custom CA the chain does not verify and nothing passes', async () => {
    const result = await runOne(
      { checkId: 'web.hsts', input: { target: `https://app.test:${https.port}/good` } },
      { policy: onlinePolicy, lookup: loopbackLookup },
    );
    assert.equal(result.status, 'could-not-verify');
    assert.equal(result.errorCode, 'TLS_VERIFICATION_FAILED');
    assert.equal(result.suggestedControlStatus, null);
  });

  test('offline, a web check reports that live checks are off and sends nothing', async () => {
    const result = await runOne(
      { checkId: 'web.csp', input: { target: `https://app.test:${https.port}/good` } },
      { policy: offlinePolicy, lookup: loopbackLookup },
    );
    assert.equal(result.status, 'error');
    assert.equal(result.errorCode, 'LIVE_CHECKS_DISABLED');
  });

  test('an unapproved host comes back with the host to approve', async () => {
    const result = await runOne(
      { checkId: 'web.csp', input: { target: 'https://unlisted.example/' } },
      { policy: onlinePolicy, lookup: loopbackLookup },
    );
    assert.equal(result.errorCode, 'HOST_NOT_APPROVED');
    assert.equal(result.hostToApprove, 'unlisted.example');
  });
});
