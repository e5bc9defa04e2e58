// A small authoritative-style DNS server on 127.0.0.1 UDP for the DNS check tests,
// answering from a fixed table with the project's wire codec. Names can be told to
// answer SERVFAIL, to stay silent (timeouts) or to answer garbage.
import dgram from 'node:dgram';
import { decodeMessage, encodeResponse, Rcode, type DnsRecord, type RecordData } from '../../../../main/core/net/dns-wire';

export interface ZoneEntry {
  name: string;
  type: number;
  data: RecordData;
}

export interface DnsServer {
  port: number;
  queries: { name: string; type: number }[];
  close(): Promise<void>;
}

export async function startDnsServer(
  zone: ZoneEntry[],
  behaviour: { servfail?: string[]; silent?: string[]; garbage?: string[]; authenticated?: boolean } = {},
): Promise<DnsServer> {
  const socket = dgram.createSocket('udp4');
  const queries: { name: string; type: number }[] = [];
  socket.on('message', (msg, rinfo) => {
    let query;
    try {
      query = decodeMessage(msg);
    } catch {
      return;
    }
    const q = query.questions[0];
    if (!q) return;
    const name = q.name.toLowerCase();
    queries.push({ name, type: q.type });
    if (behaviour.silent?.includes(name)) return;
    if (behaviour.garbage?.includes(name)) {
      socket.send(Buffer.concat([msg.subarray(0, 2), Buffer.from([0x81, 0x80, 0, 1, 0, 9])]), rinfo.port, rinfo.address);
      return;
    }
    const answers: DnsRecord[] = zone
      .filter((e) => e.name.toLowerCase() === name && e.type === q.type)
      .map((e) => ({ name: e.name, type: e.type, ttl: 300, data: e.data }));
    const known = zone.some((e) => e.name.toLowerCase() === name);
    const rcode = behaviour.servfail?.includes(name) ? Rcode.SERVFAIL : known ? Rcode.NOERROR : Rcode.NXDOMAIN;
    socket.send(encodeResponse(query, answers, { rcode, authenticated: behaviour.authenticated }), rinfo.port, rinfo.address);
  });
  const port = await new Promise<number>((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket.address().port)));
  return { port, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}
