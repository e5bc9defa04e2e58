// HTTP and HTTPS servers on 127.0.0.1 for the live-check tests; each returns its port and
// a close() that also drops open connections so tests never hang on keep-alive.
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import tls from 'node:tls';
import type { KeyAndCert } from './pki';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function track(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

export async function startHttp(handler: Handler): Promise<RunningServer> {
  const server = http.createServer(handler);
  const close = track(server);
  return { port: await listen(server), close };
}

export async function startHttps(
  cert: KeyAndCert,
  handler: Handler,
  options: { minVersion?: tls.SecureVersion; maxVersion?: tls.SecureVersion; ciphers?: string } = {},
): Promise<RunningServer> {
  const server = https.createServer({ key: cert.keyPem, cert: cert.certPem, ...options }, handler);
  server.on('tlsClientError', () => undefined); // refused handshakes are what some tests provoke
  const close = track(server);
  return { port: await listen(server), close };
}

/** A plain TLS server (no HTTP) that completes handshakes and closes. */
export async function startTls(cert: KeyAndCert, options: tls.TlsOptions = {}): Promise<RunningServer> {
  const server = tls.createServer({ key: cert.keyPem, cert: cert.certPem, ...options }, (s) => s.end());
  server.on('tlsClientError', () => undefined);
  const close = track(server);
  return { port: await listen(server), close };
}
