// A minimal DNS message codec (RFC 1035, with EDNS0 from RFC 6891) for the record types
// the DNS checks need. Node's dns.Resolver cannot ask for DS or DNSKEY and does not show
// the AD bit, so the checks speak the wire format themselves over the guarded socket.

export const RecordType = { A: 1, NS: 2, CNAME: 5, SOA: 6, TXT: 16, AAAA: 28, OPT: 41, DS: 43, RRSIG: 46, DNSKEY: 48, CAA: 257 } as const;
export type RecordTypeName = keyof typeof RecordType;

export const Rcode = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export interface DnsQuestion {
  name: string;
  type: number;
}

export type RecordData =
  | { kind: 'txt'; strings: string[] }
  | { kind: 'caa'; flags: number; tag: string; value: string }
  | { kind: 'ds'; keyTag: number; algorithm: number; digestType: number; digest: string }
  | { kind: 'dnskey'; flags: number; protocol: number; algorithm: number; publicKey: string }
  | { kind: 'a'; address: string }
  | { kind: 'raw'; hex: string };

export interface DnsRecord {
  name: string;
  type: number;
  ttl: number;
  data: RecordData;
}

export interface DnsMessage {
  id: number;
  response: boolean;
  rcode: number;
  truncated: boolean;
  authenticated: boolean;
  recursionDesired: boolean;
  questions: DnsQuestion[];
  answers: DnsRecord[];
}

export class DnsFormatError extends Error {}

function encodeName(name: string): Buffer {
  const parts = name
    .replace(/\.$/, '')
    .split('.')
    .filter((p) => p.length > 0);
  const chunks: Buffer[] = [];
  for (const label of parts) {
    const bytes = Buffer.from(label, 'ascii');
    if (bytes.length > 63) throw new DnsFormatError('label too long');
    chunks.push(Buffer.from([bytes.length]), bytes);
  }
  chunks.push(Buffer.from([0]));
  return Buffer.concat(chunks);
}

/** A recursive query with EDNS0 (1232-byte UDP payload) and the DNSSEC OK bit set. */
export function encodeQuery(id: number, name: string, type: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD
  header.writeUInt16BE(1, 4); // QDCOUNT
  header.writeUInt16BE(1, 10); // ARCOUNT (OPT)
  const q = Buffer.alloc(4);
  q.writeUInt16BE(type, 0);
  q.writeUInt16BE(1, 2); // IN
  const opt = Buffer.from([0, 0, 41, 0x04, 0xd0, 0, 0, 0x80, 0, 0, 0]); // root, OPT, 1232, DO
  return Buffer.concat([header, encodeName(name), q, opt]);
}

function readName(buf: Buffer, start: number): { name: string; next: number } {
  const labels: string[] = [];
  let offset = start;
  let next = -1;
  for (let jumps = 0; jumps < 64;) {
    const len = buf[offset];
    if (len === undefined) throw new DnsFormatError('name runs past the message');
    if (len === 0) {
      if (next < 0) next = offset + 1;
      return { name: labels.join('.'), next };
    }
    if ((len & 0xc0) === 0xc0) {
      const low = buf[offset + 1];
      if (low === undefined) throw new DnsFormatError('bad pointer');
      if (next < 0) next = offset + 2;
      offset = ((len & 0x3f) << 8) | low;
      jumps++;
      continue;
    }
    if (offset + 1 + len > buf.length) throw new DnsFormatError('label runs past the message');
    labels.push(buf.toString('ascii', offset + 1, offset + 1 + len));
    offset += 1 + len;
  }
  throw new DnsFormatError('too many compression pointers');
}

function decodeData(type: number, rdata: Buffer): RecordData {
  switch (type) {
    case RecordType.TXT: {
      const strings: string[] = [];
      for (let i = 0; i < rdata.length;) {
        const len = rdata[i] ?? 0;
        strings.push(rdata.toString('utf8', i + 1, i + 1 + len));
        i += 1 + len;
      }
      return { kind: 'txt', strings };
    }
    case RecordType.CAA: {
      const tagLen = rdata[1] ?? 0;
      return {
        kind: 'caa',
        flags: rdata[0] ?? 0,
        tag: rdata.toString('ascii', 2, 2 + tagLen),
        value: rdata.toString('utf8', 2 + tagLen),
      };
    }
    case RecordType.DS:
      if (rdata.length < 4) throw new DnsFormatError('short DS');
      return {
        kind: 'ds',
        keyTag: rdata.readUInt16BE(0),
        algorithm: rdata[2] ?? 0,
        digestType: rdata[3] ?? 0,
        digest: rdata.subarray(4).toString('hex'),
      };
    case RecordType.DNSKEY:
      if (rdata.length < 4) throw new DnsFormatError('short DNSKEY');
      return {
        kind: 'dnskey',
        flags: rdata.readUInt16BE(0),
        protocol: rdata[2] ?? 0,
        algorithm: rdata[3] ?? 0,
        publicKey: rdata.subarray(4).toString('base64'),
      };
    case RecordType.A:
      return { kind: 'a', address: [...rdata].join('.') };
    default:
      return { kind: 'raw', hex: rdata.toString('hex') };
  }
}

export function decodeMessage(buf: Buffer): DnsMessage {
  if (buf.length < 12) throw new DnsFormatError('message shorter than a header');
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  let offset = 12;
  const questions: DnsQuestion[] = [];
  for (let i = 0; i < qd; i++) {
    const { name, next } = readName(buf, offset);
    if (next + 4 > buf.length) throw new DnsFormatError('question runs past the message');
    questions.push({ name, type: buf.readUInt16BE(next) });
    offset = next + 4;
  }
  const answers: DnsRecord[] = [];
  for (let i = 0; i < an; i++) {
    const { name, next } = readName(buf, offset);
    if (next + 10 > buf.length) throw new DnsFormatError('record runs past the message');
    const type = buf.readUInt16BE(next);
    const ttl = buf.readUInt32BE(next + 4);
    const len = buf.readUInt16BE(next + 8);
    const start = next + 10;
    if (start + len > buf.length) throw new DnsFormatError('record data runs past the message');
    answers.push({ name, type, ttl, data: decodeData(type, buf.subarray(start, start + len)) });
    offset = start + len;
  }
  return {
    id: buf.readUInt16BE(0),
    response: (flags & 0x8000) !== 0,
    truncated: (flags & 0x0200) !== 0,
    recursionDesired: (flags & 0x0100) !== 0,
    authenticated: (flags & 0x0020) !== 0,
    rcode: flags & 0x000f,
    questions,
    answers,
  };
}

// Encoding of answers, used by the loopback DNS server in tests and kept here so the
// codec is exercised in both directions.
export function encodeRecordData(data: RecordData): Buffer {
  switch (data.kind) {
    case 'txt':
      return Buffer.concat(
        data.strings.map((s) => {
          const b = Buffer.from(s, 'utf8');
          return Buffer.concat([Buffer.from([b.length]), b]);
        }),
      );
    case 'caa': {
      const tag = Buffer.from(data.tag, 'ascii');
      return Buffer.concat([Buffer.from([data.flags, tag.length]), tag, Buffer.from(data.value, 'utf8')]);
    }
    case 'ds': {
      const head = Buffer.alloc(4);
      head.writeUInt16BE(data.keyTag, 0);
      head[2] = data.algorithm;
      head[3] = data.digestType;
      return Buffer.concat([head, Buffer.from(data.digest, 'hex')]);
    }
    case 'dnskey': {
      const head = Buffer.alloc(4);
      head.writeUInt16BE(data.flags, 0);
      head[2] = data.protocol;
      head[3] = data.algorithm;
      return Buffer.concat([head, Buffer.from(data.publicKey, 'base64')]);
    }
    case 'a':
      return Buffer.from(data.address.split('.').map(Number));
    case 'raw':
      return Buffer.from(data.hex, 'hex');
  }
}

export function encodeResponse(
  query: DnsMessage,
  answers: DnsRecord[],
  options: { rcode?: number; authenticated?: boolean; truncated?: boolean } = {},
): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.id, 0);
  let flags = 0x8000 | 0x0080 | (query.recursionDesired ? 0x0100 : 0) | (options.rcode ?? 0);
  if (options.authenticated) flags |= 0x0020;
  if (options.truncated) flags |= 0x0200;
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(query.questions.length, 4);
  header.writeUInt16BE(answers.length, 6);
  const parts: Buffer[] = [header];
  for (const q of query.questions) {
    const tail = Buffer.alloc(4);
    tail.writeUInt16BE(q.type, 0);
    tail.writeUInt16BE(1, 2);
    parts.push(encodeName(q.name), tail);
  }
  for (const a of answers) {
    const rdata = encodeRecordData(a.data);
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(a.type, 0);
    fixed.writeUInt16BE(1, 2);
    fixed.writeUInt32BE(a.ttl, 4);
    fixed.writeUInt16BE(rdata.length, 8);
    parts.push(encodeName(a.name), fixed, rdata);
  }
  return Buffer.concat(parts);
}
