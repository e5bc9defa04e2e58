// Which IP addresses are internal (not on the public internet). An address is read as
// its 16 (or 4) bytes, never by its spelling, so every way of writing one IPv6 address
// (::ffff:127.0.0.1, ::ffff:7f00:1, ::127.0.0.1, 64:ff9b::7f00:1, 2002:7f00:1::) is
// judged by the IPv4 address it carries.
import { isIP } from 'node:net';

/** IPv4 ranges that are not public: [first octets as a number, prefix length]. */
const internalV4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 3], // multicast, reserved and broadcast (224/4 and 240/4)
];

function v4Number(a: Uint8Array, at = 0): number {
  return ((a[at]! << 24) | (a[at + 1]! << 16) | (a[at + 2]! << 8) | a[at + 3]!) >>> 0;
}

const v4Ranges = internalV4.map(([base, bits]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (v4Number(Uint8Array.from(base.split('.').map(Number))) & mask) >>> 0, mask };
});

function isInternalV4Number(n: number): boolean {
  return v4Ranges.some((r) => (n & r.mask) >>> 0 === r.base);
}

/** The 4 bytes of a dotted IPv4 address (already validated by isIP). */
function v4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

/** The 16 bytes of an IPv6 address (already validated by isIP; a zone id is dropped). */
export function v6Bytes(text: string): Uint8Array {
  let s = text.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const out = new Uint8Array(16);
  // A trailing dotted IPv4 part stands for the last two groups.
  let tail: Uint8Array | null = null;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    tail = v4Bytes(s.slice(lastColon + 1));
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = s.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = groups(head);
  const back = rest === undefined ? [] : groups(rest);
  const all = rest === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  if (tail) out.set(tail, 12);
  return out;
}

const zeros = (b: Uint8Array, from: number, to: number) => b.subarray(from, to).every((x) => x === 0);
const startsWith = (b: Uint8Array, prefix: readonly number[]) => prefix.every((x, i) => b[i] === x);

function isInternalV6(b: Uint8Array): boolean {
  // ::/96 — unspecified, loopback and the (deprecated, never routed) IPv4-compatible form.
  if (zeros(b, 0, 12)) return true;
  // ::ffff:0:0/96 IPv4-mapped and ::ffff:0:0:0/96 IPv4-translated: judged by the IPv4 part.
  if (zeros(b, 0, 10) && b[10] === 0xff && b[11] === 0xff) return isInternalV4Number(v4Number(b, 12));
  if (zeros(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(b, 10, 12)) return isInternalV4Number(v4Number(b, 12));
  // 64:ff9b::/96 well-known NAT64 prefix: the IPv4 address it reaches.
  if (startsWith(b, [0x00, 0x64, 0xff, 0x9b]) && zeros(b, 4, 12)) return isInternalV4Number(v4Number(b, 12));
  // 64:ff9b:1::/48 local-use NAT64: translates into a private network by definition.
  if (startsWith(b, [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01])) return true;
  // The rest of 64:ff9b::/32 is not assigned.
  if (startsWith(b, [0x00, 0x64, 0xff, 0x9b])) return true;
  // 2002::/16 6to4: the IPv4 address of the relay it reaches.
  if (startsWith(b, [0x20, 0x02])) return isInternalV4Number(v4Number(b, 2));
  // 2001::/32 Teredo: the client's IPv4 address is stored inverted in the last 4 bytes.
  if (startsWith(b, [0x20, 0x01, 0x00, 0x00])) {
    return isInternalV4Number(~v4Number(b, 12) >>> 0) || isInternalV4Number(v4Number(b, 4));
  }
  // 2001:db8::/32 documentation, 100::/64 discard-only.
  if (startsWith(b, [0x20, 0x01, 0x0d, 0xb8])) return true;
  if (startsWith(b, [0x01, 0x00]) && zeros(b, 2, 8)) return true;
  const first = b[0]!;
  const second = b[1]!;
  if ((first & 0xfe) === 0xfc) return true; // fc00::/7 unique-local
  if (first === 0xfe && (second & 0xc0) === 0x80) return true; // fe80::/10 link-local
  if (first === 0xfe && (second & 0xc0) === 0xc0) return true; // fec0::/10 site-local (deprecated)
  if (first === 0xff) return true; // ff00::/8 multicast
  return false;
}

/**
 * True for any address that is not on the public internet: loopback, private,
 * link-local, carrier-grade NAT, benchmarking, documentation, multicast, reserved, and
 * every IPv6 form that carries such an IPv4 address. Anything that is not an IP
 * address at all counts as internal, so it is refused unless approved as itself.
 */
export function isInternalAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return isInternalV4Number(v4Number(v4Bytes(address)));
  if (kind === 6) return isInternalV6(v6Bytes(address));
  return true;
}
