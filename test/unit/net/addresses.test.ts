import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isInternalAddress, v6Bytes } from '../../../main/core/net/addresses';
import { assertResolvedAddressAllowed } from '../../../main/core/net/policy';
import { AttestError } from '../../../main/core/errors';

// [address, internal?, why]
const table: [string, boolean, string][] = [
  // IPv4
  ['8.8.8.8', false, 'public'],
  ['93.184.216.34', false, 'public'],
  ['0.0.0.0', true, 'this network'],
  ['10.1.2.3', true, 'private 10/8'],
  ['100.64.0.1', true, 'CGNAT'],
  ['100.128.0.1', false, 'just past CGNAT'],
  ['127.0.0.1', true, 'loopback'],
  ['169.254.169.254', true, 'link-local (cloud metadata)'],
  ['172.16.0.1', true, 'private 172.16/12'],
  ['172.31.255.255', true, 'private 172.16/12 end'],
  ['172.32.0.1', false, 'past 172.16/12'],
  ['192.0.0.8', true, '192.0.0.0/24'],
  ['192.0.1.1', false, 'past 192.0.0.0/24'],
  ['192.168.1.1', true, 'private 192.168/16'],
  ['198.18.0.1', true, 'benchmarking 198.18/15'],
  ['198.19.255.254', true, 'benchmarking 198.18/15 end'],
  ['198.20.0.1', false, 'past 198.18/15'],
  ['198.17.255.255', false, 'before 198.18/15'],
  ['224.0.0.1', true, 'multicast'],
  ['255.255.255.255', true, 'broadcast'],
  // IPv6 plain
  ['2606:4700:4700::1111', false, 'public v6'],
  ['::', true, 'unspecified'],
  ['::1', true, 'loopback'],
  ['fc00::1', true, 'unique-local'],
  ['fd12:3456::1', true, 'unique-local'],
  ['fe80::1', true, 'link-local'],
  ['fe80::1%eth0', true, 'link-local with zone'],
  ['febf::1', true, 'link-local end'],
  ['fec0::1', true, 'site-local'],
  ['feff::1', true, 'site-local end'],
  ['ff02::1', true, 'multicast'],
  // IPv4-mapped, every spelling
  ['::ffff:127.0.0.1', true, 'mapped loopback (dotted)'],
  ['::ffff:7f00:1', true, 'mapped loopback (hex)'],
  ['::FFFF:7F00:0001', true, 'mapped loopback (hex, upper case, leading zeros)'],
  ['0:0:0:0:0:ffff:7f00:1', true, 'mapped loopback (no ::)'],
  ['0000:0000:0000:0000:0000:ffff:127.0.0.1', true, 'mapped loopback (full, dotted)'],
  ['::ffff:a9fe:a9fe', true, 'mapped link-local (hex)'],
  ['::ffff:10.0.0.1', true, 'mapped private'],
  ['::ffff:c612:1', true, 'mapped 198.18.0.1'],
  ['::ffff:8.8.8.8', false, 'mapped public'],
  ['::ffff:808:808', false, 'mapped public (hex)'],
  ['::ffff:0:7f00:1', true, 'IPv4-translated loopback'],
  // IPv4-compatible (deprecated): never routed, always internal
  ['::127.0.0.1', true, 'compatible loopback (dotted)'],
  ['::7f00:1', true, 'compatible loopback (hex)'],
  ['::a00:1', true, 'compatible private (hex)'],
  ['::8.8.8.8', true, 'compatible public: deprecated, refused as well'],
  // NAT64
  ['64:ff9b::7f00:1', true, 'NAT64 of loopback'],
  ['64:ff9b::127.0.0.1', true, 'NAT64 of loopback (dotted)'],
  ['64:ff9b::a00:1', true, 'NAT64 of 10.0.0.1'],
  ['64:ff9b::c000:8', true, 'NAT64 of 192.0.0.8'],
  ['64:ff9b::808:808', false, 'NAT64 of a public address'],
  ['64:ff9b:1::1', true, 'local-use NAT64'],
  ['64:ff9b:1:abcd::808:808', true, 'local-use NAT64 of a public address'],
  // 6to4
  ['2002:7f00:1::1', true, '6to4 of loopback'],
  ['2002:a00:1::', true, '6to4 of 10.0.0.1'],
  ['2002:c0a8:101::1', true, '6to4 of 192.168.1.1'],
  ['2002:808:808::1', false, '6to4 of a public address'],
  // Teredo: client address stored inverted
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', true, 'Teredo of 127.0.0.1'],
  ['2001:db8::1', true, 'documentation'],
  // Not an address at all
  ['localhost', true, 'a name, not an address'],
  ['', true, 'empty'],
];

describe('internal-address classifier', () => {
  for (const [address, internal, why] of table) {
    test(`${address || '(empty)'} → ${internal ? 'internal' : 'public'} (${why})`, () => {
      assert.equal(isInternalAddress(address), internal);
    });
  }

  test('every spelling of one IPv6 address has the same bytes', () => {
    const forms = ['::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:7f00:0001', '::FFFF:127.0.0.1'];
    const bytes = forms.map((f) => Buffer.from(v6Bytes(f)).toString('hex'));
    assert.deepEqual(new Set(bytes), new Set(['00000000000000000000ffff7f000001']));
  });

  test('a name resolving to a mapped/NAT64/6to4 form of an internal address is refused', () => {
    const policy = { liveChecksEnabled: true, allowedHosts: ['app.test'] };
    for (const address of ['::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '2002:a00:1::1', 'fec0::1', '198.18.0.1', '192.0.0.170']) {
      assert.throws(
        () => assertResolvedAddressAllowed(policy, 'app.test', address),
        (e: unknown) => e instanceof AttestError && e.code === 'DESTINATION_ADDRESS_BLOCKED',
        address,
      );
    }
    assert.doesNotThrow(() => assertResolvedAddressAllowed(policy, 'app.test', '64:ff9b::808:808'));
  });
});
