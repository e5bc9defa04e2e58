import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import { createNetClient, type CredentialProvider } from '../../../main/core/net/client';
import { RecordType } from '../../../main/core/net/dns-wire';
import { HostNotApprovedError, offlinePolicy, type EgressPolicy } from '../../../main/core/net/policy';
import { nodeSockets, type HostLookup, type SocketFactory } from '../../../main/core/net/sockets';
import { TestPki } from '../checks/support/pki';
import { startHttp, startHttps, type RunningServer } from '../checks/support/servers';

/** Wraps the real socket factory and records every attempted destination. */
function recordingSockets(): SocketFactory & { attempts: string[] } {
  const attempts: string[] = [];
  return {
    attempts,
    tcp(address, port) {
      attempts.push(`tcp ${address}:${port}`);
      return nodeSockets.tcp(address, port);
    },
    udp(family) {
      attempts.push(`udp${family}`);
      return nodeSockets.udp(family);
    },
  };
}

/** A fixed name table standing in for DNS (tests may not reach a real resolver). */
function fixedLookup(table: Record<string, string>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const fn = async (host: string) => {
    asked.push(host);
    const address = table[host];
    if (!address) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return [{ address, family: 4 as const }];
  };
  return Object.assign(fn, { asked });
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<AttestError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AttestError, `expected AttestError ${code}, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected ${code}, but it resolved`);
}

const online = (...hosts: string[]): EgressPolicy => ({ liveChecksEnabled: true, allowedHosts: hosts });

let plain: RunningServer;
let connections = 0;
const seen: { path: string; auth: string | null }[] = [];

before(async () => {
  plain = await startHttp((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization ?? null });
    const port = plain.port;
    if (req.url === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else if (req.url === '/to-other') {
      res.writeHead(302, { location: `http://other.test:${port}/ok` }).end();
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 80 && res.write(chunk)) sent++;
        if (sent < 80) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => undefined);
      pump();
    } else if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    } else {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-test': 'yes' }).end('hello');
    }
  });
});
after(async () => plain.close());

describe('offline (live checks off)', () => {
  test('refuses every destination before any lookup or socket, loopback included', async () => {
    const sockets = recordingSockets();
    const lookup = fixedLookup({ 'example.com': '93.184.216.34' });
    const client = createNetClient({ policy: offlinePolicy, sockets, lookup });
    for (const url of ['https://example.com/', 'http://93.184.216.34/', `http://127.0.0.1:${plain.port}/`]) {
      await rejectsWith(client.request({ url }), 'LIVE_CHECKS_DISABLED');
    }
    await rejectsWith(client.tlsProbe({ host: 'example.com', port: 443 }), 'LIVE_CHECKS_DISABLED');
    await rejectsWith(client.dnsQuery({ server: '1.1.1.1', name: 'example.com', type: RecordType.TXT }), 'LIVE_CHECKS_DISABLED');
    assert.deepEqual(sockets.attempts, [], 'no socket may be created while offline');
    assert.deepEqual(lookup.asked, [], 'no name may be resolved while offline');
  });

  test('a real loopback server receives no connection from an offline client', async () => {
    const server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const client = createNetClient({ policy: offlinePolicy });
    await rejectsWith(client.request({ url: `http://127.0.0.1:${port}/` }), 'LIVE_CHECKS_DISABLED');
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((r) => server.close(() => r()));
    assert.equal(connections, 0);
  });
});

describe('online with an allowlist', () => {
  test('an unapproved host is refused by name, with no lookup and no socket', async () => {
    const sockets = recordingSockets();
    const lookup = fixedLookup({ 'evil.test': '127.0.0.1' });
    const client = createNetClient({ policy: online('127.0.0.1'), sockets, lookup });
    const err = await rejectsWith(client.request({ url: 'https://evil.test/' }), 'HOST_NOT_APPROVED');
    assert.ok(err instanceof HostNotApprovedError);
    assert.equal(err.host, 'evil.test');
    assert.match(err.message, /evil\.test/);
    assert.deepEqual(sockets.attempts, []);
    assert.deepEqual(lookup.asked, []);
  });

  test('an approved name that resolves to an unapproved internal address is not connected to', async () => {
    const sockets = recordingSockets();
    const lookup = fixedLookup({ 'app.test': '10.20.30.40', 'loop.test': '127.0.0.1' });
    const client = createNetClient({ policy: online('app.test', 'loop.test'), sockets, lookup });
    await rejectsWith(client.request({ url: 'https://app.test/' }), 'DESTINATION_ADDRESS_BLOCKED');
    await rejectsWith(client.request({ url: `http://loop.test:${plain.port}/` }), 'DESTINATION_ADDRESS_BLOCKED');
    assert.deepEqual(sockets.attempts, []);
    assert.deepEqual(lookup.asked, ['app.test', 'loop.test']);
  });

  test('connects to the resolved address only, and reads status, headers and body', async () => {
    const sockets = recordingSockets();
    const lookup = fixedLookup({ 'loop.test': '127.0.0.1' });
    const client = createNetClient({ policy: online('loop.test', '127.0.0.1'), sockets, lookup });
    const res = await client.request({ url: `http://loop.test:${plain.port}/hello` });
    assert.equal(res.status, 200);
    assert.equal(res.body.toString(), 'hello');
    assert.deepEqual(res.headers['x-test'], ['yes']);
    assert.deepEqual(sockets.attempts, [`tcp 127.0.0.1:${plain.port}`]);
  });

  test('a redirect to an unapproved host stops before connecting there', async () => {
    const sockets = recordingSockets();
    const client = createNetClient({ policy: online('127.0.0.1'), sockets, lookup: fixedLookup({ 'other.test': '127.0.0.1' }) });
    const err = await rejectsWith(client.request({ url: `http://127.0.0.1:${plain.port}/to-other` }), 'HOST_NOT_APPROVED');
    assert.equal((err as HostNotApprovedError).host, 'other.test');
    assert.deepEqual(sockets.attempts, [`tcp 127.0.0.1:${plain.port}`]);
  });

  test('a redirect loop ends with TOO_MANY_REDIRECTS', async () => {
    const client = createNetClient({ policy: online('127.0.0.1'), limits: { maxRedirects: 3 } });
    await rejectsWith(client.request({ url: `http://127.0.0.1:${plain.port}/loop` }), 'TOO_MANY_REDIRECTS');
  });

  test('a response over the size limit is aborted with RESPONSE_TOO_LARGE', async () => {
    const client = createNetClient({ policy: online('127.0.0.1'), limits: { maxResponseBytes: 100_000 } });
    await rejectsWith(client.request({ url: `http://127.0.0.1:${plain.port}/huge` }), 'RESPONSE_TOO_LARGE');
  });

  test('a stalled response ends with RESPONSE_TIMEOUT', async () => {
    const client = createNetClient({ policy: online('127.0.0.1'), limits: { totalTimeoutMs: 300 } });
    const t0 = Date.now();
    await rejectsWith(client.request({ url: `http://127.0.0.1:${plain.port}/stall` }), 'RESPONSE_TIMEOUT');
    assert.ok(Date.now() - t0 < 5_000);
  });

  test('cancelling through the AbortSignal ends a stalled request with CANCELLED', async () => {
    const controller = new AbortController();
    const client = createNetClient({ policy: online('127.0.0.1'), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await rejectsWith(client.request({ url: `http://127.0.0.1:${plain.port}/stall` }), 'CANCELLED');
  });

  test('a server that accepts TCP but never completes TLS gives CONNECT_TIMEOUT', async () => {
    const silent = net.createServer(() => undefined);
    const open: net.Socket[] = [];
    silent.on('connection', (s) => open.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const client = createNetClient({ policy: online('127.0.0.1'), limits: { connectTimeoutMs: 300 } });
    await rejectsWith(client.request({ url: `https://127.0.0.1:${port}/` }), 'CONNECT_TIMEOUT');
    for (const s of open) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  test('an unreachable port gives HOST_UNREACHABLE', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = createNetClient({ policy: online('127.0.0.1') });
    await rejectsWith(client.request({ url: `http://127.0.0.1:${port}/` }), 'HOST_UNREACHABLE');
  });
});

describe('TLS verification', () => {
  const pki = new TestPki();
  let server: RunningServer;
  before(async () => {
    server = await startHttps(pki.leaf({ commonName: 'app.test', dnsNames: ['app.test'], ips: ['127.0.0.1'] }), (_req, res) =>
      res.end('secure'),
    );
  });
  after(async () => server.close());

  test('is on by default: a private CA is refused unless supplied', async () => {
    const client = createNetClient({ policy: online('app.test', '127.0.0.1'), lookup: fixedLookup({ 'app.test': '127.0.0.1' }) });
    await rejectsWith(client.request({ url: `https://app.test:${server.port}/` }), 'TLS_VERIFICATION_FAILED');
    const ok = await client.request({ url: `https://app.test:${server.port}/`, caPem: pki.ca.certPem });
    assert.equal(ok.body.toString(), 'secure');
    assert.ok(ok.tls?.protocol?.startsWith('TLSv1.'));
  });

  test('a certificate for another name is refused even with the right CA', async () => {
    const client = createNetClient({ policy: online('wrong.test', '127.0.0.1'), lookup: fixedLookup({ 'wrong.test': '127.0.0.1' }) });
    await rejectsWith(client.request({ url: `https://wrong.test:${server.port}/`, caPem: pki.ca.certPem }), 'TLS_VERIFICATION_FAILED');
  });
});

describe('credential host binding', () => {
  // The provider interface is what the client depends on; the keychain-backed store is
  // tested in test/unit/credentials and in the canary test. Redirects and transport:
  // test/unit/net/credential-transport.test.ts.
  const provider: CredentialProvider = {
    async headerFor(id, host) {
      if (host !== '127.0.0.1') throw new AttestError('CREDENTIAL_HOST_NOT_BOUND', `not bound to ${host}`);
      return { name: 'authorization', value: `Bearer tok-${id}`, secret: `tok-${id}` };
    },
  };
  const lookup = fixedLookup({ localhost: '127.0.0.1' });
  const pki = new TestPki();
  let secure: RunningServer;
  before(async () => {
    secure = await startHttps(pki.leaf({ commonName: '127.0.0.1', dnsNames: ['localhost'], ips: ['127.0.0.1'] }), (req, res) => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization ?? null });
      res.end('ok');
    });
  });
  after(async () => secure.close());

  test('is never fetched or sent for a host it is not bound to', async () => {
    seen.length = 0;
    const client = createNetClient({ policy: online('127.0.0.1', 'localhost'), credentials: provider, lookup });
    await rejectsWith(
      client.request({ url: `https://localhost:${secure.port}/ok`, credentialId: 'abc123', caPem: pki.ca.certPem }),
      'CREDENTIAL_HOST_NOT_BOUND',
    );
    assert.equal(seen.length, 0, 'nothing was sent');
  });

  test('error messages are scrubbed of the credential value', async () => {
    const echoing: CredentialProvider = {
      async headerFor() {
        return { name: 'authorization', value: 'Bearer SECRET-VALUE-123', secret: 'SECRET-VALUE-123' };
      },
    };
    const client = createNetClient({ policy: online('127.0.0.1'), credentials: echoing });
    const scrubbed = client.scrub({ note: 'token SECRET-VALUE-123 here', list: ['U0VDUkVULVZBTFVFLTEyMw=='] });
    assert.deepEqual(scrubbed, { note: 'token SECRET-VALUE-123 here', list: ['U0VDUkVULVZBTFVFLTEyMw=='] }, 'nothing to scrub before use');
    await client.request({ url: `https://127.0.0.1:${secure.port}/ok`, credentialId: 'x', caPem: pki.ca.certPem });
    assert.deepEqual(client.scrub({ note: 'token SECRET-VALUE-123 here', list: ['U0VDUkVULVZBTFVFLTEyMw=='] }), {
      note: 'token [redacted] here',
      list: ['[redacted]'],
    });
  });
});
