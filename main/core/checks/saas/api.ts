// JSON over the guarded client for the SaaS checks: a credential from the keychain, a
// size limit, and a clear "could not verify" for permission errors, outages and bad JSON.
import { AttestError } from '../../errors';
import type { HttpResponse } from '../../net/client';
import type { CheckContext } from '../types';

export interface JsonResponse {
  status: number;
  json: unknown;
  headers: Record<string, string[]>;
}

/** Base URL from the target (scheme optional, https assumed); no trailing slash. */
export function baseUrl(target: string, defaultPath = ''): URL {
  const raw = target.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new AttestError('INVALID_TARGET', `"${raw}" is not a URL; enter the service's base URL, e.g. https://tenant.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AttestError('INVALID_TARGET', 'The base URL must be http or https.');
  if ((url.pathname === '/' || url.pathname === '') && defaultPath) url.pathname = defaultPath;
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  return url;
}

export function requireCredential(ctx: CheckContext): string {
  const id = ctx.input.credentialId;
  if (!id)
    throw new AttestError(
      'CREDENTIAL_REQUIRED',
      'This check reads the service through its API and needs a saved credential; choose one and run it again.',
    );
  return id;
}

export async function getJson(ctx: CheckContext, url: string, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const res: HttpResponse = await ctx.client.request({
    url,
    headers: { accept: 'application/json', ...headers },
    credentialId: requireCredential(ctx),
    caPem: ctx.input.caPem,
    workspaceCa: ctx.input.workspaceCa, // the client never applies it with a credential
  });
  const host = new URL(url).host;
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    throw new AttestError(
      'API_PERMISSION_DENIED',
      `${host} answered ${res.status} to ${new URL(url).pathname}: the credential is not accepted or lacks the permission (scope) needed, so this could not be verified.`,
    );
  }
  if (res.status === 429) throw new AttestError('API_RATE_LIMITED', `${host} is rate-limiting requests (429); run the check again later.`);
  if (res.status < 200 || res.status >= 300)
    throw new AttestError('API_ERROR', `${host} answered HTTP ${res.status} to ${new URL(url).pathname}, so this could not be verified.`);
  try {
    return { status: res.status, json: JSON.parse(res.body.toString('utf8')) as unknown, headers: res.headers };
  } catch {
    throw new AttestError(
      'API_MALFORMED',
      `${host} answered ${new URL(url).pathname} with something that is not JSON, so this could not be verified.`,
    );
  }
}

export function malformed(host: string, what: string): AttestError {
  return new AttestError('API_MALFORMED', `${host} answered without ${what}, so this could not be verified.`);
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const DAY_MS = 86_400_000;

/** Days since an ISO time, or null when absent/unparseable. */
export function daysSince(iso: unknown, now: Date): number | null {
  if (typeof iso !== 'string') return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.floor((now.getTime() - t) / DAY_MS);
}

/** At most this many pages are read from a paged API before the check stops reading. */
export const MAX_PAGES = 50;
