import assert from 'node:assert/strict';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { runOne } from '../../../main/core/checks/runner';
import { loopbackLookup, onlinePolicy } from './support/env';
import { TestPki } from './support/pki';
import { startTls, type RunningServer } from './support/servers';
import { requirePart } from '../../support/require';

const DAY = 86_400_000;
const pki = new TestPki();
const servers: Record<string, RunningServer> = {};

before(async () => {
  const good = pki.leaf({ commonName: 'app.test', dnsNames: ['app.test'] });
  servers.modern = await startTls(good, { minVersion: 'TLSv1.2' });
  servers.expired = await startTls(
    pki.leaf({
      commonName: 'app.test',
      dnsNames: ['app.test'],
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - 5 * DAY),
    }),
  );
  servers.soon = await startTls(pki.leaf({ commonName: 'app.test', dnsNames: ['app.test'], notAfter: new Date(Date.now() + 10 * DAY) }));
  servers.wrongName = await startTls(pki.leaf({ commonName: 'elsewhere.test', dnsNames: ['elsewhere.test'] }));
  servers.selfSigned = await startTls(pki.leaf({ commonName: 'app.test', dnsNames: ['app.test'], selfSigned: true }));
  // Old protocols need the lowest security level on both ends with OpenSSL 3.
  servers.legacy = await startTls(good, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' });
});
after(async () => {
  for (const s of Object.values(servers)) await s.close();
});

const check = (checkId: string, server: string, caPem: string | null = pki.ca.certPem) =>
  runOne(
    { checkId, input: { target: `app.test:${servers[server]!.port}`, caPem: caPem ?? undefined } },
    { policy: onlinePolicy, lookup: loopbackLookup },
  );

/** Whether this machine's OpenSSL can complete a TLS 1.0 handshake at all. */
function legacyHandshakeWorks(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tls.connect(
      { host: '127.0.0.1', port, rejectUnauthorized: false, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' },
      () => {
        s.destroy();
        resolve(true);
      },
    );
    s.on('error', () => resolve(false));
  });
}

describe('tls.protocols', () => {
  test('a TLS 1.2+ server passes and lists the versions it accepts', async () => {
    const r = await check('tls.protocols', 'modern');
    assert.equal(r.status, 'pass', r.summary);
    const versions = r.observations.versions as Record<string, { accepted: boolean | null }>;
    assert.equal(versions['TLSv1.2']?.accepted, true);
    assert.equal(versions['TLSv1']?.accepted, false);
    assert.equal(versions['TLSv1.1']?.accepted, false);
  });

  test('a server offering only TLS 1.0/1.1 fails the check', async (t) => {
    const works = await legacyHandshakeWorks(servers.legacy!.port);
    if (!requirePart(t, works, "TLS 1.0 in this platform's OpenSSL (even at SECLEVEL=0)")) return;
    const r = await check('tls.protocols', 'legacy');
    assert.equal(r.status, 'fail', r.summary);
    assert.match(r.summary, /TLSv1/);
    assert.equal(r.suggestedControlStatus, 'not-met');
  });
});

describe('tls.certificate', () => {
  test('a certificate from the custom CA, for the host, far from expiry, passes', async () => {
    const r = await check('tls.certificate', 'modern');
    assert.equal(r.status, 'pass', r.summary);
    assert.equal(r.observations.chainTrusted, true);
    assert.equal(r.observations.hostnameMatches, true);
    assert.ok((r.observations.daysToExpiry as number) >= 198);
  });

  test('the same certificate without the custom CA does not chain to the system roots', async () => {
    const r = await check('tls.certificate', 'modern', null);
    assert.equal(r.status, 'fail');
    assert.match(r.summary, /does not chain to a trusted CA/);
  });

  test('expired, wrong-name and self-signed certificates fail; near expiry warns', async () => {
    const expired = await check('tls.certificate', 'expired');
    assert.equal(expired.status, 'fail');
    assert.match(expired.summary, /expired/);
    assert.ok((expired.observations.daysToExpiry as number) < 0);
    const wrong = await check('tls.certificate', 'wrongName');
    assert.equal(wrong.status, 'fail');
    assert.match(wrong.summary, /not issued for app\.test/);
    const self = await check('tls.certificate', 'selfSigned');
    assert.equal(self.status, 'fail');
    assert.match(self.summary, /trusted CA/);
    const soon = await check('tls.certificate', 'soon');
    assert.equal(soon.status, 'warn', soon.summary);
    assert.match(soon.summary, /expires in (9|10) days/);
  });

  test('a port with nothing listening is could-not-verify, not a pass', async () => {
    const r = await runOne(
      { checkId: 'tls.certificate', input: { target: 'app.test:1' } },
      { policy: onlinePolicy, lookup: loopbackLookup },
    );
    assert.equal(r.status, 'could-not-verify');
    assert.equal(r.errorCode, 'HOST_UNREACHABLE');
  });
});
