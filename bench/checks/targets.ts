// The benchmark's 50 loopback targets, run in their own process so the servers' TLS work
// does not share the event loop with the client being measured (as with real sites).
// Sends { caPem, ports, redirectorPort } to the parent, then serves until disconnected;
// 'meter-start' / 'meter-stop' messages measure this process's CPU and event-loop delay.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMeter, type Meter } from './measure';
import { TestPki, type KeyAndCert } from '../../test/unit/checks/support/pki';
import { startHttp, startHttps, type RunningServer } from '../../test/unit/checks/support/servers';

const targets = Number(process.argv[2] ?? 50);
const delayScale = Number(process.argv[3] ?? 1);
export const delayFor = (i: number) => Math.round((20 + ((i * 37) % 130)) * delayScale); // 20–149 ms

/**
 * An ECDSA P-256 leaf signed by the test CA (openssl): real sites mostly use ECDSA, and an
 * RSA-2048 signature per handshake would make this one server process the bottleneck.
 */
function ecdsaLeaf(pki: TestPki): KeyAndCert {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  try {
    const f = (n: string) => join(dir, n);
    writeFileSync(f('ca.pem'), pki.ca.certPem);
    writeFileSync(f('ca.key'), pki.ca.keyPem);
    writeFileSync(f('ext.cnf'), 'subjectAltName=DNS:app.test\nextendedKeyUsage=serverAuth\n');
    const run = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    run('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('leaf.key'));
    run('req', '-new', '-key', f('leaf.key'), '-subj', '/CN=app.test', '-out', f('leaf.csr'));
    run(
      'x509',
      '-req',
      '-in',
      f('leaf.csr'),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '30',
      '-extfile',
      f('ext.cnf'),
      '-out',
      f('leaf.pem'),
    );
    return { keyPem: readFileSync(f('leaf.key'), 'utf8'), certPem: readFileSync(f('leaf.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const pki = new TestPki();
  const cert = ecdsaLeaf(pki);
  const servers: RunningServer[] = [];
  // Requests served (each on its own connection: the client sends Connection: close).
  const served = { https: 0, http: 0 };
  for (let i = 0; i < targets; i++) {
    const delay = delayFor(i);
    servers.push(
      await startHttps(cert, (_req, res) => {
        served.https++;
        setTimeout(() => {
          res.writeHead(200, {
            'content-type': 'text/html',
            'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
            'strict-transport-security': 'max-age=31536000; includeSubDomains',
            'x-content-type-options': 'nosniff',
          });
          res.end('<html><script src="/a.js"></script></html>');
        }, delay);
      }),
    );
  }
  const redirector = await startHttp((req, res) => {
    served.http++;
    const i = Number((req.url ?? '/0').slice(1));
    res.writeHead(301, { location: `https://app.test:${servers[i]!.port}/` }).end();
  });
  process.send?.({ caPem: pki.ca.certPem, ports: servers.map((s) => s.port), redirectorPort: redirector.port });
  let stop: (() => Meter) | null = null;
  process.on('message', (m) => {
    if (m === 'meter-start') {
      stop = startMeter();
      served.https = served.http = 0;
    }
    if (m === 'meter-stop' && stop) process.send?.({ meter: stop(), served: { ...served } });
  });
  process.on('disconnect', () => process.exit(0));
}

void main();
