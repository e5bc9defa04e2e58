// The only way a check reaches the network. Every request passes, in order: the egress
// policy (offline / approved host) → name resolution → a check of each resolved address
// → a socket opened through the seam to that address → TLS verified against the system
// roots (plus a CA given for the run, or the workspace's CA for its own hosts when no
// credential rides along) → limits on time and size. A credential goes only over https,
// and only to the scheme, host and port it was first sent to. Built on node:net/tls/http
// directly (not fetch) so the client owns the socket and nothing connects behind its back.
import dns from 'node:dns';
import http from 'node:http';
import { isIP } from 'node:net';
import type net from 'node:net';
import tls from 'node:tls';
import { AttestError } from '../errors';
import { decodeMessage, encodeQuery, type DnsMessage } from './dns-wire';
import { assertHostAllowed, assertResolvedAddressAllowed, normalizeHost, type EgressPolicy } from './policy';
import { SecretScrubber } from './redact';
import { nodeSockets, type HostLookup, type ResolvedAddress, type SocketFactory } from './sockets';

export interface NetLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  maxRedirects: number;
}

export const defaultLimits: NetLimits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxResponseBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
};

/** Hands the client a credential's header for one host; the only path a value travels. */
export interface CredentialProvider {
  /** Throws CREDENTIAL_HOST_NOT_BOUND when `host` is not among the credential's hosts. */
  headerFor(credentialId: string, host: string): Promise<{ name: string; value: string; secret: string }>;
}

/**
 * A CA that came with the workspace (its settings or a saved target): trusted only for
 * the hosts it was set for, and never for a request that carries a credential, so a
 * workspace file cannot make the client trust a forger with a keychain secret.
 */
export interface WorkspaceCa {
  pem: string;
  hosts: readonly string[];
}

export interface NetClientOptions {
  policy: EgressPolicy;
  credentials?: CredentialProvider;
  /**
   * PEM of a CA this device trusts for every host, credentials included, in addition to
   * the system roots. It comes from the device (the app's options), never from a workspace.
   */
  deviceCaPem?: string;
  sockets?: SocketFactory;
  lookup?: HostLookup;
  limits?: Partial<NetLimits>;
  /** Cancels everything this client does (the runner's per-check signal). */
  signal?: AbortSignal;
}

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  credentialId?: string;
  /** PEM of an extra CA the user gave for this run (attest check --ca), for any host. */
  caPem?: string;
  /** The workspace's CA: only for its hosts, never with a credential. */
  workspaceCa?: WorkspaceCa;
  /** Follow redirects (default true). Off: a 3xx is returned as is. */
  followRedirects?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface TlsSessionInfo {
  protocol: string | null;
  cipher: string | null;
}

export interface HttpResponse {
  url: string;
  status: number;
  /** Lower-case header names; every value kept (Set-Cookie may repeat). */
  headers: Record<string, string[]>;
  body: Buffer;
  redirects: RedirectHop[];
  remoteAddress: string;
  tls: TlsSessionInfo | null;
}

export interface TlsProbeRequest {
  host: string;
  port: number;
  servername?: string;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  caPem?: string;
  workspaceCa?: WorkspaceCa;
  signal?: AbortSignal;
}

export interface PeerCertificateSummary {
  subject: string;
  issuer: string;
  subjectAltName: string | null;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  serialNumber: string;
}

export type TlsProbeResult =
  | {
      accepted: true;
      protocol: string | null;
      cipher: string | null;
      /** Chain verified to the system roots or the custom CA. */
      chainTrusted: boolean;
      chainError: string | null;
      hostnameMatches: boolean;
      hostnameError: string | null;
      chain: PeerCertificateSummary[];
    }
  | { accepted: false; reason: string };

export interface DnsQueryRequest {
  /** Resolver address (IP literal or approved name). */
  server: string;
  port?: number;
  name: string;
  type: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface NetClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  tlsProbe(req: TlsProbeRequest): Promise<TlsProbeResult>;
  dnsQuery(req: DnsQueryRequest): Promise<DnsMessage>;
  /** Removes every credential value this client attached from any value. */
  scrub<T>(value: T): T;
  readonly limits: NetLimits;
}

const defaultLookup: HostLookup = async (host) => {
  const found = await dns.promises.lookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const cancelled = () => new AttestError('CANCELLED', 'The check was cancelled before it finished.');

function networkError(err: unknown, where: string): AttestError {
  if (err instanceof AttestError) return err;
  const code = (err as { code?: string }).code ?? '';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    ENOTFOUND: 'the name does not resolve',
    EAI_AGAIN: 'the name could not be resolved right now',
    EPIPE: 'the connection closed early',
    HPE_INVALID_CONSTANT: 'the server did not answer in HTTP',
  };
  const tlsReasons = /CERT|SELF_SIGNED|UNABLE_TO|ALTNAME|SSL|TLS|ERR_SSL/i;
  if (tlsReasons.test(code)) {
    return new AttestError(
      'TLS_VERIFICATION_FAILED',
      `The TLS connection to ${where} failed verification (${code}). Check the server's certificate, or supply the CA that issued it.`,
      { cause: err },
    );
  }
  const reason = reasons[code] ?? (code ? `network error ${code}` : 'a network error occurred');
  return new AttestError('HOST_UNREACHABLE', `Could not reach ${where}: ${reason}. Check the address and that the service is running.`, {
    cause: err,
  });
}

function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  return AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
}

/** Rejects as soon as `signal` aborts; runs `cleanup` either way. */
function guardAbort<T>(
  signal: AbortSignal,
  work: (onAbort: (fn: () => void) => void) => Promise<T>,
  reason: () => AttestError,
): Promise<T> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const hooks: (() => void)[] = [];
    const abort = () => {
      for (const h of hooks) h();
      reject(reason());
    };
    signal.addEventListener('abort', abort, { once: true });
    work((fn) => hooks.push(fn)).then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}

function waitFor(socket: net.Socket, event: 'connect' | 'secureConnect', timeoutMs: number, where: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new AttestError('CONNECT_TIMEOUT', `Connecting to ${where} took longer than ${timeoutMs} ms, so the attempt was stopped.`));
    }, timeoutMs);
    socket.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(networkError(err, where));
    });
  });
}

function describeCert(cert: tls.PeerCertificate): PeerCertificateSummary {
  const dn = (o: object | undefined) =>
    o
      ? Object.entries(o)
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
          .join(', ')
      : '';
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    subjectAltName: cert.subjectaltname ?? null,
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
  };
}

function certChain(socket: tls.TLSSocket): PeerCertificateSummary[] {
  const chain: PeerCertificateSummary[] = [];
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && Object.keys(cert).length > 0 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(describeCert(cert));
    cert = cert.issuerCertificate;
  }
  return chain;
}

// Building a context with the system roots plus a custom CA parses ~150 certificates, so
// one context per distinct CA is built once and reused (a small bounded cache).
const contexts = new Map<string, tls.SecureContext>();

function secureContextFor(
  caPems: readonly string[],
  versions?: { min?: tls.SecureVersion; max?: tls.SecureVersion },
): tls.SecureContext | undefined {
  if (caPems.length === 0 && !versions?.min && !versions?.max) return undefined;
  const legacy = versions?.min === 'TLSv1' || versions?.min === 'TLSv1.1';
  const key = `${versions?.min ?? ''}-${versions?.max ?? ''}\n${caPems.join('\n')}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    // Version limits belong to the context: tls.connect ignores them when one is given.
    ctx = tls.createSecureContext({
      ca: caPems.length > 0 ? [...tls.rootCertificates, ...caPems] : undefined,
      minVersion: versions?.min,
      maxVersion: versions?.max,
      // Old protocol versions are only offered when probing whether a server accepts them.
      ciphers: legacy ? 'DEFAULT:@SECLEVEL=0' : undefined,
    });
    if (contexts.size >= 32) contexts.delete(contexts.keys().next().value!);
    contexts.set(key, ctx);
  }
  return ctx;
}

/** Scheme, host and port: where a credential was issued for and the only place it may go. */
function originOf(url: URL): string {
  return `${url.protocol}//${normalizeHost(url.hostname)}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** The URL without user:password@, which is never sent and never kept. */
function withoutUserinfo(url: URL): URL {
  const clean = new URL(url.toString());
  clean.username = '';
  clean.password = '';
  return clean;
}

export function createNetClient(options: NetClientOptions): NetClient {
  const limits: NetLimits = { ...defaultLimits, ...options.limits };

  /** The CAs trusted, beyond the system roots, for one connection to `host`. */
  function trustFor(host: string, req: { caPem?: string; workspaceCa?: WorkspaceCa }, carriesCredential: boolean): string[] {
    const pems: string[] = [];
    if (options.deviceCaPem) pems.push(options.deviceCaPem);
    if (req.caPem) pems.push(req.caPem);
    const ws = req.workspaceCa;
    if (ws && !carriesCredential && ws.hosts.some((h) => normalizeHost(h) === host)) pems.push(ws.pem);
    return pems;
  }
  const sockets = options.sockets ?? nodeSockets;
  const lookup = options.lookup ?? defaultLookup;
  const scrubber = new SecretScrubber();

  /** Policy, then resolution, then the address check: the only way to get an address. */
  async function destination(host: string, signal: AbortSignal): Promise<ResolvedAddress> {
    assertHostAllowed(options.policy, host);
    const bare = normalizeHost(host);
    const literal = isIP(bare);
    if (literal) return { address: bare, family: literal === 6 ? 6 : 4 };
    let found: ResolvedAddress[];
    try {
      found = await guardAbort(signal, () => lookup(bare), cancelled);
    } catch (err) {
      throw networkError(err, bare);
    }
    if (found.length === 0) throw networkError({ code: 'ENOTFOUND' }, bare);
    for (const a of found) assertResolvedAddressAllowed(options.policy, bare, a.address);
    return found[0]!;
  }

  async function openSocket(
    url: URL,
    caPems: readonly string[],
    signal: AbortSignal,
  ): Promise<{ socket: net.Socket; remoteAddress: string }> {
    const host = normalizeHost(url.hostname);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const where = `${host}:${port}`;
    const { address } = await destination(host, signal);
    if (signal.aborted) throw cancelled();
    const raw = sockets.tcp(address, port);
    const onAbort = () => raw.destroy();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await waitFor(raw, 'connect', limits.connectTimeoutMs, where);
      if (url.protocol !== 'https:') return { socket: raw, remoteAddress: address };
      const secure = tls.connect({
        socket: raw,
        // Over a given socket, tls checks the certificate against `host` (default
        // "localhost"), so an IP-literal target must be named here to be matched.
        host,
        servername: isIP(host) ? undefined : host,
        secureContext: secureContextFor(caPems),
        rejectUnauthorized: true,
        ALPNProtocols: ['http/1.1'],
      });
      signal.addEventListener('abort', () => secure.destroy(), { once: true });
      await waitFor(secure, 'secureConnect', limits.connectTimeoutMs, where);
      return { socket: secure, remoteAddress: address };
    } catch (err) {
      raw.destroy();
      throw signal.aborted ? cancelled() : err;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async function exchangeOnce(
    url: URL,
    req: HttpRequest,
    credentialHeader: { name: string; value: string } | null,
    signal: AbortSignal,
    maxBytes: number,
  ): Promise<Omit<HttpResponse, 'redirects' | 'url'>> {
    const trust = trustFor(normalizeHost(url.hostname), req, credentialHeader !== null);
    const { socket, remoteAddress } = await openSocket(url, trust, signal);
    const headers: Record<string, string> = {
      host: url.host,
      'user-agent': 'Attest-live-check/1',
      accept: '*/*',
      connection: 'close',
      ...req.headers,
    };
    if (credentialHeader) headers[credentialHeader.name] = credentialHeader.value;
    const tlsInfo = socket instanceof tls.TLSSocket ? { protocol: socket.getProtocol(), cipher: socket.getCipher()?.name ?? null } : null;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (err: AttestError) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        request.destroy();
        socket.destroy();
        reject(err);
      };
      const onAbort = () => fail(signal.reason instanceof AttestError ? signal.reason : cancelled());
      const request = http.request({
        createConnection: () => socket,
        method: req.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        headers,
      });
      signal.addEventListener('abort', onAbort, { once: true });
      request.on('error', (err) => fail(signal.aborted ? cancelled() : networkError(err, url.host)));
      request.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(
              new AttestError(
                'RESPONSE_TOO_LARGE',
                `The response from ${url.host} was larger than the ${maxBytes}-byte limit, so it was not read further.`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (err) => fail(networkError(err, url.host)));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          socket.destroy();
          const out: Record<string, string[]> = {};
          const raw = res.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) {
            const name = raw[i]!.toLowerCase();
            (out[name] ??= []).push(raw[i + 1]!);
          }
          resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks), remoteAddress, tls: tlsInfo });
        });
      });
      request.end();
    });
  }

  async function request(req: HttpRequest): Promise<HttpResponse> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new AttestError('INVALID_URL', 'The target is not a valid URL; enter it as https://host/path.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AttestError('INVALID_URL', `Only http and https URLs can be checked, not "${url.protocol}".`);
    }
    url = withoutUserinfo(url);
    const totalMs = req.timeoutMs ?? limits.totalTimeoutMs;
    const timeout = AbortSignal.timeout(totalMs);
    const signal = anySignal([options.signal, req.signal, timeout]);
    const maxBytes = req.maxBytes ?? limits.maxResponseBytes;
    const firstHost = normalizeHost(url.hostname);
    const firstOrigin = originOf(url);
    let credential: { name: string; value: string } | null = null;
    if (req.credentialId) {
      if (!options.credentials) {
        throw new AttestError('CREDENTIAL_UNAVAILABLE', 'This check needs a credential, but no credential store is available.');
      }
      assertHostAllowed(options.policy, firstHost); // never fetch a secret for a refused host
      if (url.protocol !== 'https:') {
        throw new AttestError(
          'CREDENTIAL_INSECURE_TRANSPORT',
          `A credential is never sent over plain http, so nothing was sent to ${url.host}. Use the https:// address of the service.`,
        );
      }
      const h = await options.credentials.headerFor(req.credentialId, firstHost);
      scrubber.add(h.secret);
      scrubber.add(h.value);
      credential = { name: h.name, value: h.value };
    }
    const redirects: RedirectHop[] = [];
    try {
      for (;;) {
        // The credential travels only to the scheme, host and port it was sent to first
        // (always https); a redirect anywhere else goes on without it.
        const attach = credential && originOf(url) === firstOrigin ? credential : null;
        const res = await exchangeOnce(url, req, attach, signal, maxBytes).catch((err: unknown) => {
          if (timeout.aborted) {
            throw new AttestError(
              'RESPONSE_TIMEOUT',
              `${url.host} did not answer completely within ${totalMs} ms, so the request was stopped.`,
            );
          }
          throw err;
        });
        const location = res.headers.location?.[0];
        const isRedirect = res.status >= 300 && res.status < 400 && location !== undefined;
        if (!isRedirect || req.followRedirects === false) return { ...res, url: url.toString(), redirects };
        if (redirects.length >= limits.maxRedirects) {
          throw new AttestError(
            'TOO_MANY_REDIRECTS',
            `${firstHost} redirected more than ${limits.maxRedirects} times (a redirect loop?), so the check stopped following it.`,
          );
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new AttestError('INVALID_REDIRECT', `${url.host} redirected to an address that is not a valid URL.`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new AttestError('INVALID_REDIRECT', `${url.host} redirected to a non-web address (${next.protocol}).`);
        }
        next = withoutUserinfo(next);
        redirects.push({ url: url.toString(), status: res.status, location: next.toString() });
        url = next;
      }
    } catch (err) {
      if (err instanceof AttestError) {
        const clean = scrubber.scrubText(err.message);
        throw clean === err.message ? err : new AttestError(err.code, clean);
      }
      throw networkError(err, url.host);
    }
  }

  async function tlsProbe(req: TlsProbeRequest): Promise<TlsProbeResult> {
    const signal = anySignal([options.signal, req.signal, AbortSignal.timeout(limits.totalTimeoutMs)]);
    const host = normalizeHost(req.host);
    const where = `${host}:${req.port}`;
    const { address } = await destination(host, signal);
    if (signal.aborted) throw cancelled();
    const raw = sockets.tcp(address, req.port);
    const kill = () => raw.destroy();
    signal.addEventListener('abort', kill, { once: true });
    try {
      await waitFor(raw, 'connect', limits.connectTimeoutMs, where);
      const servername = req.servername ?? (isIP(host) ? undefined : host);
      const secure = tls.connect({
        socket: raw,
        servername,
        secureContext: secureContextFor(trustFor(host, req, false), { min: req.minVersion, max: req.maxVersion }),
        // The probe records trust instead of refusing, so an untrusted chain is reported.
        rejectUnauthorized: false,
      });
      try {
        await waitFor(secure, 'secureConnect', limits.connectTimeoutMs, where);
      } catch (err) {
        if (signal.aborted) throw cancelled();
        if (err instanceof AttestError && err.code === 'CONNECT_TIMEOUT') throw err;
        const cause = err instanceof AttestError ? err.cause : err;
        const code = (cause as { code?: string } | undefined)?.code ?? 'unknown';
        return { accepted: false, reason: `the server refused the handshake (${code})` };
      }
      const protocol = secure.getProtocol();
      if (req.minVersion && req.minVersion === req.maxVersion && protocol !== req.minVersion) {
        // Defence in depth: a probe for one version counts only if that version was used.
        secure.destroy();
        return { accepted: false, reason: `the server negotiated ${protocol ?? 'nothing'} instead of ${req.minVersion}` };
      }
      const leaf = secure.getPeerCertificate();
      const hostError = tls.checkServerIdentity(servername ?? host, leaf);
      const result: TlsProbeResult = {
        accepted: true,
        protocol,
        cipher: secure.getCipher()?.name ?? null,
        chainTrusted: secure.authorized,
        chainError: secure.authorizationError ? String(secure.authorizationError) : null,
        hostnameMatches: hostError === undefined,
        hostnameError: hostError ? hostError.message : null,
        chain: certChain(secure),
      };
      secure.destroy();
      return result;
    } catch (err) {
      if (signal.aborted && !(err instanceof AttestError)) throw cancelled();
      throw networkError(err, where);
    } finally {
      signal.removeEventListener('abort', kill);
      raw.destroy();
    }
  }

  async function dnsQuery(req: DnsQueryRequest): Promise<DnsMessage> {
    const timeoutMs = req.timeoutMs ?? limits.connectTimeoutMs;
    const signal = anySignal([options.signal, req.signal]);
    const port = req.port ?? 53;
    const where = `resolver ${normalizeHost(req.server)}:${port}`;
    const { address, family } = await destination(req.server, signal);
    if (signal.aborted) throw cancelled();
    const id = Math.floor(Math.random() * 0x10000);
    const query = encodeQuery(id, req.name, req.type);
    const socket = sockets.udp(family);
    return guardAbort(
      signal,
      (onAbort) =>
        new Promise<DnsMessage>((resolve, reject) => {
          const done = (fn: () => void) => {
            clearTimeout(timer);
            socket.close();
            fn();
          };
          onAbort(() => done(() => undefined));
          const timer = setTimeout(
            () =>
              done(() =>
                reject(new AttestError('DNS_TIMEOUT', `The ${where} did not answer within ${timeoutMs} ms. Check the resolver address.`)),
              ),
            timeoutMs,
          );
          socket.on('error', (err) => done(() => reject(networkError(err, where))));
          socket.on('message', (msg, rinfo) => {
            if (rinfo.address !== address || rinfo.port !== port) return; // not our resolver
            let decoded: DnsMessage;
            try {
              decoded = decodeMessage(msg);
            } catch {
              done(() => reject(new AttestError('DNS_MALFORMED', `The ${where} sent an answer that is not valid DNS.`)));
              return;
            }
            if (decoded.id !== id || !decoded.response) return; // stray or spoofed packet
            done(() => resolve(decoded));
          });
          socket.send(query, port, address);
        }),
      cancelled,
    );
  }

  return {
    request,
    tlsProbe,
    dnsQuery,
    scrub: (value) => scrubber.scrub(value),
    limits,
  };
}
