// The client-side cost of one TLS handshake to a benchmark target, made the way the net
// client makes it (system roots plus the test CA in one cached context, ALPN http/1.1).
import net from 'node:net';
import tls from 'node:tls';

export async function measureHandshakes(caPem: string, port: number, count: number): Promise<{ wallMs: number; cpuMs: number }> {
  const context = tls.createSecureContext({ ca: [...tls.rootCertificates, caPem] });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    await new Promise<void>((resolve, reject) => {
      const raw = net.connect(port, '127.0.0.1');
      const s = tls.connect({ socket: raw, host: 'app.test', servername: 'app.test', secureContext: context, ALPNProtocols: ['http/1.1'] });
      s.once('secureConnect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', reject);
    });
  }
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: (performance.now() - t0) / count, cpuMs: (cpu.user + cpu.system) / 1000 / count };
}
