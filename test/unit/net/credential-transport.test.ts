// Where a credential may travel, on real loopback servers (https with a test CA, and
// plain http): only over https, and only to the scheme, host and port it was first sent
// to; userinfo is never sent or kept; a workspace's CA covers only its hosts and never
// a request that carries a credential.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import { createNetClient, type CredentialProvider, type NetClientOptions } from '../../../main/core/net/client';
import { loopbackLookup, onlinePolicy } from '../checks/support/env';
import { TestPki } from '../checks/support/pki';
import { startHttp, startHttps, type RunningServer } from '../checks/support/servers';

const pki = new TestPki();
const cert = pki.leaf({ commonName: 'app.test', dnsNames: ['app.test', 'other.test'], ips: ['127.0.0.1'] });
const TOKEN = 'tok-7f3a9c1e55';
let a: RunningServer; // https, the credential's own origin
let b: RunningServer; // https, same host, another port
let h: RunningServer; // plain http
const seen: { server: string; path: string; auth: string | null }[] = [];
let fetched = 0;

const provider: CredentialProvider = {
  async headerFor(_id, host) {
    fetched++;
    if (host !== 'app.test') throw new AttestError('CREDENTIAL_HOST_NOT_BOUND', `not bound to ${host}`);
    return { name: 'authorization', value: `Bearer ${TOKEN}`, secret: TOKEN };
  },
};

function handler(server: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ server, path: req.url ?? '', auth: req.headers.authorization ?? null });
    const to: Record<string, string> = {
      '/same': '/ok',
      '/same-absolute': `https://APP.test:${a.port}/ok`,
      '/to-port': `https://app.test:${b.port}/ok`,
      '/to-http': `http://app.test:${h.port}/ok`,
      '/to-host': `https://other.test:${a.port}/ok`,
      '/to-userinfo': `https://user:hunter2@app.test:${a.port}/ok`,
    };
    const location = to[req.url ?? ''];
    if (location) res.writeHead(302, { location }).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  };
}

before(async () => {
  a = await startHttps(cert, handler('a'));
  b = await startHttps(cert, handler('b'));
  h = await startHttp(handler('h'));
});
after(async () => {
  await Promise.all([a.close(), b.close(), h.close()]);
});
beforeEach(() => {
  seen.length = 0;
  fetched = 0;
});

const client = (extra: Partial<NetClientOptions> = {}) =>
  createNetClient({ policy: onlinePolicy, lookup: loopbackLookup, credentials: provider, deviceCaPem: pki.ca.certPem, ...extra });

async function rejectsWith(p: Promise<unknown>, code: string): Promise<AttestError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AttestError, `expected ${code}, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected ${code}, but it resolved`);
}

describe('a credential follows a redirect only to the same scheme, host and port', () => {
  test('same origin (relative, and absolute with another case): kept', async () => {
    await client().request({ url: `https://app.test:${a.port}/same`, credentialId: 'c' });
    await client().request({ url: `https://app.test:${a.port}/same-absolute`, credentialId: 'c' });
    assert.deepEqual(
      seen.map((s) => s.auth),
      Array(4).fill(`Bearer ${TOKEN}`),
    );
  });

  test('another port on the same host: dropped', async () => {
    const res = await client().request({ url: `https://app.test:${a.port}/to-port`, credentialId: 'c' });
    assert.equal(res.status, 200);
    assert.deepEqual(
      seen.map((s) => [s.server, s.auth]),
      [
        ['a', `Bearer ${TOKEN}`],
        ['b', null],
      ],
    );
  });

  test('plain http on the same host: dropped', async () => {
    await client().request({ url: `https://app.test:${a.port}/to-http`, credentialId: 'c' });
    assert.deepEqual(
      seen.map((s) => [s.server, s.auth]),
      [
        ['a', `Bearer ${TOKEN}`],
        ['h', null],
      ],
    );
  });

  test('another host, even one the same server answers for: dropped', async () => {
    await client().request({ url: `https://app.test:${a.port}/to-host`, credentialId: 'c' });
    assert.deepEqual(
      seen.map((s) => [s.path, s.auth]),
      [
        ['/to-host', `Bearer ${TOKEN}`],
        ['/ok', null],
      ],
    );
  });
});

describe('a credential is never sent over plain http', () => {
  test('refused before the secret is fetched or a byte is sent', async () => {
    const err = await rejectsWith(
      client().request({ url: `http://app.test:${h.port}/ok`, credentialId: 'c' }),
      'CREDENTIAL_INSECURE_TRANSPORT',
    );
    assert.match(err.message, /https/);
    assert.equal(fetched, 0, 'the secret was not even read');
    assert.equal(seen.length, 0, 'the http server received nothing');
  });

  test('without a credential, plain http still works (the web checks need it)', async () => {
    const res = await client().request({ url: `http://app.test:${h.port}/ok` });
    assert.equal(res.status, 200);
  });
});

describe('userinfo', () => {
  test('is not sent as a header and is not in the response URL or the redirect chain', async () => {
    const res = await client().request({ url: `https://admin:s3cret-pw@app.test:${a.port}/to-userinfo` });
    assert.deepEqual(
      seen.map((s) => s.auth),
      [null, null],
      'no Authorization made from userinfo',
    );
    const kept = JSON.stringify({ url: res.url, redirects: res.redirects });
    assert.doesNotMatch(kept, /admin|s3cret-pw|hunter2|@/);
    assert.equal(res.url, `https://app.test:${a.port}/ok`);
  });

  test('is stripped from every error message', async () => {
    const err = await rejectsWith(
      client({ policy: { liveChecksEnabled: true, allowedHosts: [] } }).request({ url: 'https://admin:s3cret-pw@evil.test/' }),
      'HOST_NOT_APPROVED',
    );
    assert.doesNotMatch(err.message, /s3cret|admin/);
    const direct = new AttestError('INVALID_URL', 'see https://bob:pa@ss@example.com/x and ftp://u@h and mail bob@example.com');
    assert.equal(direct.message, 'see https://example.com/x and ftp://h and mail bob@example.com');
  });
});

describe("a workspace's custom CA", () => {
  const wsCa = (hosts: string[]) => ({ pem: pki.ca.certPem, hosts });
  // No device CA here: the test CA is trusted only as the workspace's.
  const noDevice = () => createNetClient({ policy: onlinePolicy, lookup: loopbackLookup, credentials: provider });

  test('is trusted for the hosts it was set for', async () => {
    const res = await noDevice().request({ url: `https://app.test:${a.port}/ok`, workspaceCa: wsCa(['app.test']) });
    assert.equal(res.status, 200);
  });

  test('is not trusted for another host, nor after a redirect to one', async () => {
    await rejectsWith(
      noDevice().request({ url: `https://other.test:${a.port}/ok`, workspaceCa: wsCa(['app.test']) }),
      'TLS_VERIFICATION_FAILED',
    );
    await rejectsWith(
      noDevice().request({ url: `https://app.test:${a.port}/to-host`, workspaceCa: wsCa(['app.test']) }),
      'TLS_VERIFICATION_FAILED',
    );
    assert.deepEqual(
      seen.map((s) => s.path),
      ['/to-host'],
      'other.test was never sent a request',
    );
  });

  test('is never trusted for a request that carries a credential: the handshake fails and nothing is sent', async () => {
    await rejectsWith(
      noDevice().request({ url: `https://app.test:${a.port}/ok`, credentialId: 'c', workspaceCa: wsCa(['app.test']) }),
      'TLS_VERIFICATION_FAILED',
    );
    assert.equal(seen.length, 0, 'no request, so no credential, reached the server');
    // The same request with the device's CA (the device's own trust) goes through.
    await client().request({ url: `https://app.test:${a.port}/ok`, credentialId: 'c', workspaceCa: wsCa(['app.test']) });
    assert.deepEqual(
      seen.map((s) => s.auth),
      [`Bearer ${TOKEN}`],
    );
  });

  test('a TLS probe trusts it only for its hosts', async () => {
    const own = await noDevice().tlsProbe({ host: 'app.test', port: a.port, workspaceCa: wsCa(['app.test']) });
    const other = await noDevice().tlsProbe({ host: 'other.test', port: a.port, workspaceCa: wsCa(['app.test']) });
    assert.ok(own.accepted && own.chainTrusted);
    assert.ok(other.accepted && !other.chainTrusted);
  });
});
