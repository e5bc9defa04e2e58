// Fetching what the web checks judge: the HTTPS page and the http:// redirect chain, each
// once per run and target, shared by all web checks through a cache keyed on the run's client.
import { hostsOrNone } from '../hosts';
import { AttestError } from '../../errors';
import type { HttpResponse, NetClient } from '../../net/client';
import { normalizeHost } from '../../net/policy';
import type { CheckInput } from '../types';
import type { PageSnapshot, RedirectProbe } from './analyze';

/** Sent so a server that reflects any Origin with credentials can be recognised. */
export const PROBE_ORIGIN = 'https://attest-cors-probe.invalid';

export interface WebTarget {
  httpsUrl: string;
  httpUrl: string;
  host: string;
}

/** target: a host name or an https/http URL; params.httpUrl overrides the http:// probe URL. */
export function webTarget(input: CheckInput): WebTarget {
  const raw = input.target.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}/`);
  } catch {
    throw new AttestError('INVALID_TARGET', `"${raw}" is not a host name or URL; enter it as example.com or https://example.com/.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AttestError('INVALID_TARGET', 'A web check needs an http or https URL.');
  }
  const https = new URL(url);
  if (https.protocol === 'http:') {
    https.protocol = 'https:';
    https.port = '';
  }
  const http = input.params?.httpUrl ? new URL(input.params.httpUrl) : new URL(`http://${url.hostname}/`);
  if (url.protocol === 'http:' && !input.params?.httpUrl) http.port = url.port;
  return { httpsUrl: https.toString(), httpUrl: http.toString(), host: url.hostname };
}

const pageCache = new WeakMap<NetClient, Map<string, Promise<{ page: PageSnapshot; response: HttpResponse }>>>();
const probeCache = new WeakMap<NetClient, Map<string, Promise<RedirectProbe>>>();

/** A check's client → the client of its run, whose fetches every check of the run shares. */
const runClients = new WeakMap<NetClient, NetClient>();

/**
 * Makes the page fetches and redirect probes of `checkClient` those of `runClient`, so the
 * checks of one run fetch each target once and judge the same response. The shared fetch
 * lives on the run's signal: a check cut off at its own timeout leaves it to the others.
 */
export function shareFetchesWith(checkClient: NetClient, runClient: NetClient): void {
  runClients.set(checkClient, runClient);
}

function memo<T>(
  cache: WeakMap<NetClient, Map<string, Promise<T>>>,
  client: NetClient,
  key: string,
  make: (owner: NetClient) => Promise<T>,
): Promise<T> {
  const owner = runClients.get(client) ?? client;
  let map = cache.get(owner);
  if (!map) cache.set(owner, (map = new Map()));
  let p = map.get(key);
  if (!p) map.set(key, (p = make(owner)));
  return p;
}

/** Two fetches share an answer only when they trusted the same CAs. */
const caKey = (input: CheckInput) =>
  `${input.caPem ?? ''}|${input.workspaceCa ? `${input.workspaceCa.hosts.join(',')}|${input.workspaceCa.pem}` : ''}`;

export function fetchPage(client: NetClient, input: CheckInput): Promise<{ page: PageSnapshot; response: HttpResponse }> {
  const target = webTarget(input);
  return memo(pageCache, client, `${target.httpsUrl}|${caKey(input)}`, async (owner) => {
    const response = await owner.request({
      url: target.httpsUrl,
      caPem: input.caPem,
      workspaceCa: input.workspaceCa,
      headers: { origin: PROBE_ORIGIN },
    });
    const page: PageSnapshot = {
      url: response.url,
      status: response.status,
      headers: response.headers,
      body: response.body.toString('utf8'),
      origin: PROBE_ORIGIN,
    };
    return { page, response };
  });
}

/**
 * Follows http:// → … recording each hop; unreachable http means no redirect is needed.
 * When a hop lands on the page itself, the page's own fetch (shared) finishes the chain
 * instead of a second handshake and download of the same URL.
 */
export function probeRedirect(client: NetClient, input: CheckInput): Promise<RedirectProbe> {
  const target = webTarget(input);
  return memo(probeCache, client, `${target.httpUrl}|${caKey(input)}`, async (owner) => {
    const hops: RedirectHop[] = [];
    try {
      let url = target.httpUrl;
      for (;;) {
        if (url === target.httpsUrl) {
          const { response } = await fetchPage(owner, input);
          hops.push(...response.redirects.map(toHop));
          if (hops.length > owner.limits.maxRedirects) throw tooManyRedirects(target.httpUrl, owner.limits.maxRedirects);
          return { kind: 'chain', hops, finalUrl: response.url } satisfies RedirectProbe;
        }
        const res = await owner.request({ url, caPem: input.caPem, workspaceCa: input.workspaceCa, method: 'GET', followRedirects: false });
        const location = res.headers.location?.[0];
        if (res.status < 300 || res.status >= 400 || location === undefined) {
          return { kind: 'chain', hops, finalUrl: res.url } satisfies RedirectProbe;
        }
        if (hops.length >= owner.limits.maxRedirects) throw tooManyRedirects(target.httpUrl, owner.limits.maxRedirects);
        const next = redirectTarget(url, location);
        hops.push({ from: url, to: next, status: res.status });
        url = next;
      }
    } catch (err) {
      if (err instanceof AttestError && (err.code === 'HOST_UNREACHABLE' || err.code === 'CONNECT_TIMEOUT')) return { kind: 'no-http' };
      if (err instanceof AttestError && err.code === 'TLS_VERIFICATION_FAILED') return { kind: 'invalid-cert' };
      throw err;
    }
  });
}

type RedirectHop = Extract<RedirectProbe, { kind: 'chain' }>['hops'][number];

const toHop = (h: { url: string; location: string; status: number }): RedirectHop => ({ from: h.url, to: h.location, status: h.status });

// The same words as the client's own redirect handling, which this loop stands in for.
function tooManyRedirects(from: string, max: number): AttestError {
  return new AttestError(
    'TOO_MANY_REDIRECTS',
    `${normalizeHost(new URL(from).hostname)} redirected more than ${max} times (a redirect loop?), so the check stopped following it.`,
  );
}

function redirectTarget(from: string, location: string): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new AttestError('INVALID_REDIRECT', `${new URL(from).host} redirected to an address that is not a valid URL.`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new AttestError('INVALID_REDIRECT', `${new URL(from).host} redirected to a non-web address (${next.protocol}).`);
  }
  return next.toString();
}

/** Hosts a web check contacts for this input. */
export const webHosts = hostsOrNone((input: CheckInput, withHttp: boolean) => {
  const t = webTarget(input);
  return withHttp ? [t.host, new URL(t.httpUrl).hostname] : [t.host];
});
