// Pure analysis of one HTTP response (and the http:// redirect probe), test by test, in
// the terms of the MDN HTTP Observatory: each test yields one named expectation and the
// score modifier the Observatory publishes for it. The web checks and the overall grade
// (observatory.ts) share these results.
//
// Modifiers follow the MDN HTTP Observatory scoring table (mdn/mdn-http-observatory,
// src/grader/charts.js SCORE_TABLE, and its scoring.md "Score Modifiers"; MPL-2.0 project,
// values only, restated here). Where Attest simplifies a test the comment says how.

export interface PageSnapshot {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string[]>;
  body: string;
  /** The Origin header sent with the request, to recognise a reflected CORS origin. */
  origin: string;
}

export type RedirectProbe =
  | { kind: 'no-http' }
  | { kind: 'invalid-cert' }
  | { kind: 'chain'; hops: { from: string; to: string; status: number }[]; finalUrl: string };

export interface TestResult {
  expectation: string;
  modifier: number;
  pass: boolean;
  data: Record<string, unknown>;
}

const r = (expectation: string, modifier: number, pass: boolean, data: Record<string, unknown> = {}): TestResult => ({
  expectation,
  modifier,
  pass,
  data,
});

export function header(headers: Record<string, string[]>, name: string): string | undefined {
  const values = headers[name.toLowerCase()];
  return values && values.length > 0 ? values.join(', ') : undefined;
}

// ---------------------------------------------------------------- CSP

export interface ParsedCsp {
  directives: Map<string, string[]>;
}

/** Parses the first enforced policy; null when it cannot be parsed (duplicate or bad names). */
export function parseCsp(value: string): ParsedCsp | null {
  const directives = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const tokens = part
      .trim()
      .split(/\s+/)
      .filter((t) => t.length > 0);
    const [name, ...sources] = tokens;
    if (!name) continue;
    const key = name.toLowerCase();
    if (!/^[a-z-]+$/.test(key) || directives.has(key)) return null;
    directives.set(
      key,
      sources.map((s) => (s.startsWith("'") ? s.toLowerCase() : s)),
    );
  }
  return directives.size > 0 ? { directives } : null;
}

const broad = new Set(['*', 'http:', 'https:', 'data:', 'blob:', 'filesystem:']);

function effective(csp: ParsedCsp, name: string): string[] | undefined {
  return csp.directives.get(name) ?? csp.directives.get('default-src');
}

export function analyzeCsp(page: PageSnapshot): TestResult {
  const value = page.headers['content-security-policy']?.[0];
  if (value === undefined) return r('csp-not-implemented', -25, false);
  const csp = parseCsp(value);
  if (!csp) return r('csp-header-invalid', -25, false, { header: value });
  const script = effective(csp, 'script-src');
  const object = effective(csp, 'object-src');
  const style = effective(csp, 'style-src');
  const hasNonceOrHash = (script ?? []).some((s) => /^'(nonce-|sha256-|sha384-|sha512-)/.test(s));
  const strictDynamic = (script ?? []).includes("'strict-dynamic'");
  const data = {
    directives: Object.fromEntries(csp.directives),
    frameAncestors: csp.directives.get('frame-ancestors') ?? null,
    policies: page.headers['content-security-policy']?.length ?? 0,
  };
  const scriptUnsafeInline =
    script === undefined ||
    (script.includes("'unsafe-inline'") && !hasNonceOrHash && !strictDynamic) ||
    (!strictDynamic && script.some((s) => broad.has(s)));
  const objectUnsafe = object === undefined || object.some((s) => broad.has(s));
  if (scriptUnsafeInline || objectUnsafe) return r('csp-implemented-with-unsafe-inline', -20, false, data);
  const insecure = (list: string[] | undefined) => (list ?? []).some((s) => s === 'http:' || s.startsWith('http://'));
  const activeNames = ['script-src', 'object-src', 'style-src', 'connect-src', 'frame-src', 'font-src', 'worker-src'];
  if (activeNames.some((n) => insecure(effective(csp, n)))) return r('csp-implemented-with-insecure-scheme', -20, false, data);
  if (script.includes("'unsafe-eval'")) return r('csp-implemented-with-unsafe-eval', -10, false, data);
  if (['img-src', 'media-src'].some((n) => insecure(effective(csp, n)))) {
    return r('csp-implemented-with-insecure-scheme-in-passive-content-only', -10, false, data);
  }
  if ((style ?? []).some((s) => s === "'unsafe-inline'" || broad.has(s))) {
    return r('csp-implemented-with-unsafe-inline-in-style-src-only', 0, true, data);
  }
  const formAction = csp.directives.get('form-action');
  const formRestricted = formAction !== undefined && formAction.every((s) => s === "'none'" || s === "'self'");
  if (csp.directives.get('default-src')?.join(' ') === "'none'" && formRestricted) {
    return r('csp-implemented-with-no-unsafe-default-src-none', 10, true, data);
  }
  return r('csp-implemented-with-no-unsafe', 5, true, data);
}

// ---------------------------------------------------------------- HSTS

export interface ParsedHsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

export function parseHsts(value: string): ParsedHsts | null {
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  for (const part of value.split(';')) {
    const [k = '', v] = part.trim().split('=');
    const key = k.trim().toLowerCase();
    if (key === 'max-age') {
      const n = Number((v ?? '').trim().replace(/^"|"$/g, ''));
      if (!Number.isInteger(n) || n < 0) return null;
      maxAge = n;
    } else if (key === 'includesubdomains') includeSubDomains = true;
    else if (key === 'preload') preload = true;
  }
  return maxAge === null ? null : { maxAge, includeSubDomains, preload };
}

export const SIX_MONTHS = 15_768_000;

export function analyzeHsts(page: PageSnapshot): TestResult {
  if (!page.url.startsWith('https:')) return r('hsts-not-implemented-no-https', -20, false);
  const value = page.headers['strict-transport-security']?.[0];
  if (value === undefined) return r('hsts-not-implemented', -20, false);
  const hsts = parseHsts(value);
  if (!hsts) return r('hsts-header-invalid', -20, false, { header: value });
  // The Observatory's +5 for the browsers' preload list needs that list; Attest works
  // offline and does not award it (it reports the preload directive instead).
  if (hsts.maxAge < SIX_MONTHS) return r('hsts-implemented-max-age-less-than-six-months', -10, false, { ...hsts });
  return r('hsts-implemented-max-age-at-least-six-months', 0, true, { ...hsts });
}

// ---------------------------------------------------------------- cookies

export interface ParsedCookie {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
  session: boolean;
  antiCsrf: boolean;
}

export function parseSetCookie(line: string): ParsedCookie {
  const [pair = '', ...attrs] = line.split(';');
  const name = pair.split('=')[0]?.trim() ?? '';
  let secure = false;
  let httpOnly = false;
  let sameSite: string | null = null;
  for (const a of attrs) {
    const [k = '', v = ''] = a.trim().split('=');
    const key = k.trim().toLowerCase();
    if (key === 'secure') secure = true;
    else if (key === 'httponly') httpOnly = true;
    else if (key === 'samesite') sameSite = v.trim().toLowerCase();
  }
  // The Observatory treats a cookie as a session cookie by its name ("login"/"sess").
  const lower = name.toLowerCase();
  return { name, secure, httpOnly, sameSite, session: lower.includes('login') || lower.includes('sess'), antiCsrf: lower.includes('csrf') };
}

export function analyzeCookies(page: PageSnapshot, hsts: TestResult): TestResult {
  const lines = page.headers['set-cookie'] ?? [];
  if (lines.length === 0) return r('cookies-not-found', 0, true);
  const cookies = lines.map(parseSetCookie);
  const overHttp = !page.url.startsWith('https:');
  const hstsOn = hsts.pass;
  const data = { cookies };
  const insecure = (c: ParsedCookie) => !c.secure || overHttp;
  if (cookies.some((c) => c.session && insecure(c))) {
    return hstsOn && !overHttp
      ? r('cookies-session-without-secure-flag-but-protected-by-hsts', -10, false, data)
      : r('cookies-session-without-secure-flag', -40, false, data);
  }
  if (cookies.some((c) => c.session && !c.httpOnly)) return r('cookies-session-without-httponly-flag', -30, false, data);
  if (cookies.some((c) => c.antiCsrf && c.sameSite === null)) return r('cookies-anticsrf-without-samesite-flag', -20, false, data);
  if (cookies.some((c) => c.sameSite !== null && !['strict', 'lax', 'none'].includes(c.sameSite))) {
    return r('cookies-samesite-flag-invalid', -20, false, data);
  }
  if (cookies.some(insecure)) {
    return hstsOn && !overHttp
      ? r('cookies-without-secure-flag-but-protected-by-hsts', -5, false, data)
      : r('cookies-without-secure-flag', -20, false, data);
  }
  if (cookies.every((c) => c.sameSite === 'strict' || c.sameSite === 'lax')) {
    return r('cookies-secure-with-httponly-sessions-and-samesite', 5, true, data);
  }
  return r('cookies-secure-with-httponly-sessions', 0, true, data);
}

// ---------------------------------------------------------------- CORS

export function analyzeCors(page: PageSnapshot): TestResult {
  // The Observatory also reads crossdomain.xml / clientaccesspolicy.xml; Attest judges the
  // response headers only.
  const acao = header(page.headers, 'access-control-allow-origin')?.trim();
  const acac = header(page.headers, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true';
  const data = { allowOrigin: acao ?? null, allowCredentials: acac };
  if (acao === undefined) return r('cross-origin-resource-sharing-not-implemented', 0, true, data);
  if (acao === '*') return r('cross-origin-resource-sharing-implemented-with-public-access', 0, true, data);
  if (acac && (acao === page.origin || acao === 'null')) {
    return r('cross-origin-resource-sharing-implemented-with-universal-access', -50, false, data);
  }
  return r('cross-origin-resource-sharing-implemented-with-restricted-access', 0, true, data);
}

// ---------------------------------------------------------------- redirection

export function analyzeRedirection(probe: RedirectProbe, httpsHost: string): TestResult {
  if (probe.kind === 'no-http') return r('redirection-not-needed-no-http', 0, true);
  if (probe.kind === 'invalid-cert') return r('redirection-invalid-cert', -20, false);
  const data = { hops: probe.hops, finalUrl: probe.finalUrl };
  const first = probe.hops[0];
  if (!first) return r('redirection-missing', -20, false, data);
  if (!probe.finalUrl.startsWith('https:')) return r('redirection-not-to-https', -20, false, data);
  const firstTo = new URL(first.to);
  if (firstTo.protocol !== 'https:') return r('redirection-not-to-https-on-initial-redirection', -10, false, data);
  if (firstTo.hostname !== httpsHost) return r('redirection-off-host-from-http', -5, false, data);
  return r('redirection-to-https', 0, true, data);
}

// ---------------------------------------------------------------- simple headers

const privateReferrer = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);
const unsafeReferrer = new Set(['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade']);

export function analyzeReferrerPolicy(page: PageSnapshot): TestResult {
  const value = header(page.headers, 'referrer-policy');
  if (value === undefined) return r('referrer-policy-not-implemented', 0, true);
  // Browsers apply the last token they understand.
  const tokens = value
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => privateReferrer.has(t) || unsafeReferrer.has(t));
  const last = tokens.at(-1);
  if (last === undefined) return r('referrer-policy-header-invalid', -5, false, { header: value });
  if (privateReferrer.has(last)) return r('referrer-policy-private', 5, true, { policy: last });
  return r('referrer-policy-unsafe', -5, false, { policy: last });
}

export function analyzeContentTypeOptions(page: PageSnapshot): TestResult {
  const value = header(page.headers, 'x-content-type-options');
  if (value === undefined) return r('x-content-type-options-not-implemented', -5, false);
  if (value.trim().toLowerCase() === 'nosniff') return r('x-content-type-options-nosniff', 0, true);
  return r('x-content-type-options-header-invalid', -5, false, { header: value });
}

export function analyzeFrameOptions(page: PageSnapshot, csp: TestResult): TestResult {
  const frameAncestors = (csp.data.frameAncestors as string[] | null | undefined) ?? null;
  if (frameAncestors && frameAncestors.length > 0) {
    return r('x-frame-options-implemented-via-csp', 5, true, { frameAncestors });
  }
  const value = header(page.headers, 'x-frame-options');
  if (value === undefined) return r('x-frame-options-not-implemented', -20, false);
  const v = value.trim().toLowerCase();
  if (v === 'deny' || v === 'sameorigin') return r('x-frame-options-sameorigin-or-deny', 0, true, { header: value });
  if (v.startsWith('allow-from')) return r('x-frame-options-allow-from-origin', 0, true, { header: value });
  return r('x-frame-options-header-invalid', -20, false, { header: value });
}

export function analyzeCorp(page: PageSnapshot): TestResult {
  const value = header(page.headers, 'cross-origin-resource-policy');
  if (value === undefined) return r('cross-origin-resource-policy-not-implemented', 0, true);
  const v = value.trim().toLowerCase();
  if (v === 'same-origin') return r('cross-origin-resource-policy-implemented-with-same-origin', 10, true);
  if (v === 'same-site') return r('cross-origin-resource-policy-implemented-with-same-site', 10, true);
  if (v === 'cross-origin') return r('cross-origin-resource-policy-implemented-with-cross-origin', 0, true);
  return r('cross-origin-resource-policy-header-invalid', -5, false, { header: value });
}

// ---------------------------------------------------------------- SRI

export function analyzeSri(page: PageSnapshot): TestResult {
  const type = header(page.headers, 'content-type') ?? '';
  if (!type.toLowerCase().includes('html')) return r('sri-not-implemented-response-not-html', 0, true);
  // A tag scan, not a full HTML parser: enough for <script src> and integrity attributes.
  const scripts = [...page.body.matchAll(/<script\b([^>]*)>/gi)]
    .map((m) => m[1] ?? '')
    .map((attrs) => ({
      src: /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1],
      integrity: /\bintegrity\s*=/i.test(attrs),
    }))
    .filter((s): s is { src: string; integrity: boolean } => s.src !== undefined);
  if (scripts.length === 0) return r('sri-not-implemented-but-no-scripts-loaded', 0, true);
  const page0 = new URL(page.url);
  const classified = scripts.map((s) => {
    const protocolRelative = s.src.startsWith('//');
    let u: URL | null;
    try {
      u = new URL(s.src, page0);
    } catch {
      u = null;
    }
    const external = u !== null && u.hostname !== page0.hostname;
    const secure = !protocolRelative && u !== null && u.protocol === 'https:';
    return { src: s.src, integrity: s.integrity, external, secure };
  });
  const data = { scripts: classified };
  const external = classified.filter((s) => s.external);
  if (external.some((s) => !s.secure)) {
    return external.every((s) => s.integrity)
      ? r('sri-implemented-but-external-scripts-not-loaded-securely', -20, false, data)
      : r('sri-not-implemented-and-external-scripts-not-loaded-securely', -50, false, data);
  }
  if (external.length > 0) {
    return external.every((s) => s.integrity)
      ? r('sri-implemented-and-external-scripts-loaded-securely', 5, true, data)
      : r('sri-not-implemented-but-external-scripts-loaded-securely', -5, false, data);
  }
  return classified.every((s) => s.integrity)
    ? r('sri-implemented-and-all-scripts-loaded-securely', 5, true, data)
    : r('sri-not-implemented-but-all-scripts-loaded-from-secure-origin', 0, true, data);
}
