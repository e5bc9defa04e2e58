import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runOne } from '../../../main/core/checks/runner';
import { decodeMessage, encodeQuery, encodeResponse, RecordType } from '../../../main/core/net/dns-wire';
import { offlinePolicy } from '../../../main/core/net/policy';
import { nodeSockets, type SocketFactory } from '../../../main/core/net/sockets';
import { startDnsServer, type DnsServer, type ZoneEntry } from './support/dns-server';
import { onlinePolicy } from './support/env';

const zone: ZoneEntry[] = [
  { name: 'good.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['v=spf1 ip4:192.0.2.0/24 ', 'include:_spf.good.test -all'] } },
  { name: 'good.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['google-site-verification=abc'] } },
  { name: '_dmarc.good.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['v=DMARC1; p=reject; rua=mailto:dmarc@good.test'] } },
  { name: 'good.test', type: RecordType.CAA, data: { kind: 'caa', flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
  { name: 'good.test', type: RecordType.CAA, data: { kind: 'caa', flags: 0, tag: 'iodef', value: 'mailto:sec@good.test' } },
  { name: 'good.test', type: RecordType.DS, data: { kind: 'ds', keyTag: 12345, algorithm: 13, digestType: 2, digest: 'ab'.repeat(32) } },
  {
    name: 'good.test',
    type: RecordType.DNSKEY,
    data: { kind: 'dnskey', flags: 257, protocol: 3, algorithm: 13, publicKey: Buffer.alloc(64, 7).toString('base64') },
  },
  { name: 'www.good.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['hello'] } },
  { name: 'weak.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['v=spf1 +all'] } },
  { name: '_dmarc.weak.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['v=DMARC1; p=none'] } },
  {
    name: 'weak.test',
    type: RecordType.DNSKEY,
    data: { kind: 'dnskey', flags: 257, protocol: 3, algorithm: 8, publicKey: Buffer.alloc(32, 1).toString('base64') },
  },
  { name: 'two.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['v=spf1 -all'] } },
  { name: 'two.test', type: RecordType.TXT, data: { kind: 'txt', strings: ['v=spf1 ~all'] } },
];

let dns: DnsServer;
before(async () => {
  dns = await startDnsServer(zone, { servfail: ['broken.test'], silent: ['silent.test'], garbage: ['garbage.test'] });
});
after(async () => dns.close());

const check = (checkId: string, domain: string) =>
  runOne(
    { checkId, input: { target: domain, params: { resolver: `127.0.0.1:${dns.port}` } } },
    { policy: onlinePolicy, limits: { connectTimeoutMs: 300 } },
  );

describe('DNS wire codec', () => {
  test('round-trips every record type the checks read', () => {
    const query = decodeMessage(encodeQuery(4242, 'good.test', RecordType.CAA));
    assert.equal(query.id, 4242);
    assert.deepEqual(query.questions, [{ name: 'good.test', type: RecordType.CAA }]);
    const answers = zone.filter((z) => z.name === 'good.test').map((z) => ({ name: z.name, type: z.type, ttl: 60, data: z.data }));
    const back = decodeMessage(encodeResponse(query, answers, { authenticated: true }));
    assert.equal(back.response, true);
    assert.equal(back.authenticated, true);
    assert.deepEqual(
      back.answers.map((a) => a.data),
      answers.map((a) => a.data),
    );
  });

  test('a truncated or garbage message is refused, not misread', () => {
    assert.throws(() => decodeMessage(Buffer.from([1, 2, 3])));
    const valid = encodeResponse(decodeMessage(encodeQuery(1, 'a.test', 16)), [
      { name: 'a.test', type: 16, ttl: 1, data: { kind: 'txt', strings: ['x'] } },
    ]);
    assert.throws(() => decodeMessage(valid.subarray(0, valid.length - 3)));
  });
});

describe('DNS checks against a loopback resolver', () => {
  test('a well-configured domain passes SPF, DMARC, CAA and DNSSEC', async () => {
    for (const id of ['dns.spf', 'dns.dmarc', 'dns.caa', 'dns.dnssec']) {
      const r = await check(id, 'good.test');
      assert.equal(r.status, 'pass', `${id}: ${r.summary}`);
    }
    const spf = await check('dns.spf', 'good.test');
    assert.deepEqual(spf.observations.spf, ['v=spf1 ip4:192.0.2.0/24 include:_spf.good.test -all']);
    const caa = await check('dns.caa', 'good.test');
    assert.match(caa.summary, /letsencrypt\.org/);
  });

  test('CAA is found on the parent when the name itself has none', async () => {
    const r = await check('dns.caa', 'www.good.test');
    assert.equal(r.status, 'pass');
    assert.equal(r.observations.foundAt, 'good.test');
  });

  test('a weak domain fails: +all, p=none warns, no CAA, DNSKEY without DS', async () => {
    assert.equal((await check('dns.spf', 'weak.test')).status, 'fail');
    const dmarc = await check('dns.dmarc', 'weak.test');
    assert.equal(dmarc.status, 'warn');
    assert.match(dmarc.summary, /p=none/);
    assert.equal((await check('dns.caa', 'weak.test')).status, 'fail');
    const dnssec = await check('dns.dnssec', 'weak.test');
    assert.equal(dnssec.status, 'fail');
    assert.match(dnssec.summary, /no DS record/);
  });

  test('two SPF records and a missing domain fail', async () => {
    assert.match((await check('dns.spf', 'two.test')).summary, /2 SPF records/);
    const none = await check('dns.dmarc', 'nothing.test');
    assert.equal(none.status, 'fail');
    assert.match(none.summary, /no DMARC record/);
  });

  test('SERVFAIL, silence and garbage are could-not-verify, never pass', async () => {
    const broken = await check('dns.spf', 'broken.test');
    assert.equal(broken.status, 'could-not-verify');
    assert.equal(broken.errorCode, 'DNS_FAILURE');
    const silent = await check('dns.spf', 'silent.test');
    assert.equal(silent.status, 'could-not-verify');
    assert.equal(silent.errorCode, 'DNS_TIMEOUT');
    const garbage = await check('dns.spf', 'garbage.test');
    assert.equal(garbage.status, 'could-not-verify');
    assert.equal(garbage.errorCode, 'DNS_MALFORMED');
  });

  test('offline, no UDP socket is created; an unapproved resolver is refused by name', async () => {
    const attempts: string[] = [];
    const sockets: SocketFactory = {
      tcp: (a, p) => (attempts.push(`tcp ${a}`), nodeSockets.tcp(a, p)),
      udp: (f) => (attempts.push(`udp${f}`), nodeSockets.udp(f)),
    };
    const before = dns.queries.length;
    const offline = await runOne(
      { checkId: 'dns.dnssec', input: { target: 'good.test', params: { resolver: `127.0.0.1:${dns.port}` } } },
      { policy: offlinePolicy, sockets },
    );
    assert.equal(offline.errorCode, 'LIVE_CHECKS_DISABLED');
    const unapproved = await runOne(
      { checkId: 'dns.spf', input: { target: 'good.test', params: { resolver: '9.9.9.9' } } },
      { policy: onlinePolicy, sockets },
    );
    assert.equal(unapproved.errorCode, 'HOST_NOT_APPROVED');
    assert.equal(unapproved.hostToApprove, '9.9.9.9');
    assert.deepEqual(attempts, []);
    assert.equal(dns.queries.length, before);
  });
});
