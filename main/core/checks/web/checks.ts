// The web checks: one HTTPS fetch of the target (shared), judged header by header, plus
// the http:// redirect probe for the redirect check and the overall grade.
import { redactHeaders } from '../../net/redact';
import { couldNotVerify, verdict } from '../outcome';
import type { CheckDefinition, CheckInputSpec, CheckOutcome } from '../types';
import {
  analyzeContentTypeOptions,
  analyzeCookies,
  analyzeCors,
  analyzeCsp,
  analyzeFrameOptions,
  analyzeHsts,
  analyzeRedirection,
  analyzeReferrerPolicy,
  header,
  parseHsts,
  type PageSnapshot,
  type RedirectProbe,
} from './analyze';
import { gradePage, runObservatoryTests } from './observatory';
import { fetchPage, probeRedirect, webHosts, webTarget } from './page';

const baseline = (code: string) => `platform-baseline:${code}`;

const webInputs: CheckInputSpec[] = [
  { name: 'target', label: 'Site', required: true, description: 'Host name or https:// URL of the page to fetch.' },
  { name: 'caPem', label: 'Custom CA', required: false, description: 'PEM of a private CA to trust in addition to the system roots.' },
];

function observed(page: PageSnapshot, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { url: page.url, status: page.status, headers: redactHeaders(page.headers), ...extra };
}

interface WebCheckSpec {
  id: string;
  title: string;
  description: string;
  controls: string[];
  needsHttpProbe?: boolean;
  judge(page: PageSnapshot, probe: RedirectProbe | null): CheckOutcome;
}

function webCheck(spec: WebCheckSpec): CheckDefinition {
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    category: 'web',
    controls: spec.controls,
    inputs: spec.needsHttpProbe
      ? [
          ...webInputs,
          { name: 'httpUrl', label: 'HTTP URL', required: false, description: 'The plain-http URL to probe (default http://<host>/).' },
        ]
      : webInputs,
    hosts: (input) => webHosts(input, spec.needsHttpProbe === true),
    credential: null,
    async run(ctx) {
      webTarget(ctx.input); // validates the target before anything is sent
      // The http:// probe and the https fetch are independent: run them side by side.
      const [probe, { page }] = await Promise.all([
        spec.needsHttpProbe ? probeRedirect(ctx.client, ctx.input) : Promise.resolve(null),
        fetchPage(ctx.client, ctx.input),
      ]);
      return spec.judge(page, probe);
    },
  };
}

export const httpsRedirectCheck = webCheck({
  id: 'web.https-redirect',
  title: 'HTTP redirects to HTTPS',
  description: 'Requests the site over plain http and follows the redirects: the first hop should go to https on the same host.',
  controls: [baseline('S.N.1'), baseline('S.N.13')],
  needsHttpProbe: true,
  judge(page, probe) {
    const t = analyzeRedirection(probe ?? { kind: 'no-http' }, new URL(page.url).hostname);
    const obs = { expectation: t.expectation, ...t.data };
    switch (t.expectation) {
      case 'redirection-to-https':
        return verdict('pass', 'Plain http redirects straight to https on the same host.', 'None needed.', obs);
      case 'redirection-not-needed-no-http':
        return verdict('pass', 'The site does not answer on plain http, so there is nothing to redirect.', 'None needed.', obs);
      case 'redirection-off-host-from-http':
        return verdict(
          'warn',
          'Plain http redirects to https, but on a different host, so HSTS for this host is never set.',
          'Redirect http://host/ to https://host/ first, then to the final host.',
          obs,
        );
      case 'redirection-invalid-cert':
        return verdict(
          'fail',
          'The redirect leads to an https endpoint whose certificate does not verify.',
          'Install a valid certificate.',
          obs,
        );
      default:
        return verdict(
          'fail',
          t.expectation === 'redirection-missing'
            ? 'Plain http serves content without redirecting to https.'
            : 'The http redirect chain does not go straight to https on the same host.',
          'Make http://host/ answer with a 301 to https://host/ (same host), then apply HSTS.',
          obs,
        );
    }
  },
});

export const hstsCheck = webCheck({
  id: 'web.hsts',
  title: 'Strict-Transport-Security (HSTS)',
  description: 'Reads the HSTS header: max-age of at least six months, includeSubDomains, and whether preload is requested.',
  controls: [baseline('S.N.1'), baseline('S.N.13')],
  judge(page) {
    const t = analyzeHsts(page);
    const value = header(page.headers, 'strict-transport-security');
    const parsed = value ? parseHsts(value) : null;
    const obs = observed(page, { expectation: t.expectation, hsts: parsed });
    const fix = 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains (add preload once every subdomain is on https).';
    if (!t.pass || !parsed) {
      const why =
        t.expectation === 'hsts-implemented-max-age-less-than-six-months'
          ? `HSTS is set, but max-age (${parsed?.maxAge ?? 0} s) is shorter than six months.`
          : t.expectation === 'hsts-header-invalid'
            ? 'The HSTS header cannot be understood (no valid max-age).'
            : 'The site does not send an HSTS header over https.';
      return verdict(parsed && parsed.maxAge > 0 ? 'warn' : 'fail', why, fix, obs);
    }
    if (!parsed.includeSubDomains) {
      return verdict('warn', `HSTS max-age is ${parsed.maxAge} s, but subdomains are not covered (no includeSubDomains).`, fix, obs);
    }
    return verdict(
      'pass',
      `HSTS is set for ${parsed.maxAge} s with includeSubDomains${parsed.preload ? ' and preload' : ''}.`,
      parsed.preload ? 'None needed.' : 'Consider the preload directive and submitting the domain to the preload list.',
      obs,
    );
  },
});

export const cspCheck = webCheck({
  id: 'web.csp',
  title: 'Content-Security-Policy',
  description:
    "Reads the CSP header: present, free of 'unsafe-inline' and 'unsafe-eval' for scripts, and restricting framing with frame-ancestors.",
  controls: [baseline('S.N.13')],
  judge(page) {
    const t = analyzeCsp(page);
    const frameAncestors = (t.data.frameAncestors as string[] | null | undefined) ?? null;
    const obs = observed(page, { expectation: t.expectation, modifier: t.modifier, policy: t.data.directives ?? null, frameAncestors });
    const fix =
      "Send a Content-Security-Policy with script-src limited to your own origins (nonces or hashes instead of 'unsafe-inline'), no 'unsafe-eval', object-src 'none' and frame-ancestors.";
    if (t.modifier <= -20) {
      const why: Record<string, string> = {
        'csp-not-implemented': 'The site sends no Content-Security-Policy.',
        'csp-header-invalid': 'The Content-Security-Policy header cannot be parsed.',
        'csp-implemented-with-unsafe-inline':
          "The CSP allows inline or unrestricted scripts ('unsafe-inline', data:, wildcards, or no script-src/object-src).",
        'csp-implemented-with-insecure-scheme': 'The CSP allows active content over plain http.',
      };
      return verdict('fail', why[t.expectation] ?? 'The CSP is weak.', fix, obs);
    }
    if (t.expectation === 'csp-implemented-with-unsafe-eval') return verdict('warn', "The CSP allows 'unsafe-eval'.", fix, obs);
    if (t.modifier < 0) return verdict('warn', 'The CSP allows images or media over plain http.', fix, obs);
    if (!frameAncestors)
      return verdict('warn', 'The CSP restricts scripts but does not set frame-ancestors.', "Add frame-ancestors 'self' (or 'none').", obs);
    return verdict('pass', "A CSP without 'unsafe-inline' or 'unsafe-eval' for scripts is set, with frame-ancestors.", 'None needed.', obs);
  },
});

export const contentTypeOptionsCheck = webCheck({
  id: 'web.content-type-options',
  title: 'X-Content-Type-Options',
  description: 'X-Content-Type-Options should be nosniff so browsers do not guess content types.',
  controls: [baseline('S.N.13')],
  judge(page) {
    const t = analyzeContentTypeOptions(page);
    const obs = observed(page, { expectation: t.expectation });
    return t.pass
      ? verdict('pass', 'X-Content-Type-Options is nosniff.', 'None needed.', obs)
      : verdict(
          'fail',
          t.expectation.endsWith('invalid') ? 'X-Content-Type-Options has an unknown value.' : 'X-Content-Type-Options is not set.',
          'Send X-Content-Type-Options: nosniff.',
          obs,
        );
  },
});

export const frameOptionsCheck = webCheck({
  id: 'web.frame-options',
  title: 'Framing protection (X-Frame-Options / frame-ancestors)',
  description: 'The page should refuse to be framed by other sites, via CSP frame-ancestors or X-Frame-Options DENY/SAMEORIGIN.',
  controls: [baseline('S.N.13')],
  judge(page) {
    const t = analyzeFrameOptions(page, analyzeCsp(page));
    const obs = observed(page, { expectation: t.expectation, ...t.data });
    const fix = "Send Content-Security-Policy: frame-ancestors 'self' (and X-Frame-Options: SAMEORIGIN for old browsers).";
    if (t.expectation === 'x-frame-options-allow-from-origin') {
      return verdict('warn', 'X-Frame-Options uses ALLOW-FROM, which current browsers ignore.', fix, obs);
    }
    return t.pass
      ? verdict(
          'pass',
          t.expectation.endsWith('via-csp') ? 'Framing is restricted by CSP frame-ancestors.' : 'X-Frame-Options is DENY or SAMEORIGIN.',
          'None needed.',
          obs,
        )
      : verdict('fail', 'Nothing stops other sites from framing the page (clickjacking).', fix, obs);
  },
});

export const referrerPolicyCheck = webCheck({
  id: 'web.referrer-policy',
  title: 'Referrer-Policy',
  description: 'Referrer-Policy should keep full URLs from leaking to other sites.',
  controls: [baseline('S.N.13')],
  judge(page) {
    const t = analyzeReferrerPolicy(page);
    const obs = observed(page, { expectation: t.expectation, ...t.data });
    const fix = 'Send Referrer-Policy: strict-origin-when-cross-origin (or stricter).';
    if (t.expectation === 'referrer-policy-private')
      return verdict('pass', `Referrer-Policy is ${String(t.data.policy)}.`, 'None needed.', obs);
    if (t.expectation === 'referrer-policy-not-implemented') {
      return verdict('warn', "No Referrer-Policy is set; the browser's default applies.", fix, obs);
    }
    return verdict(
      'fail',
      t.expectation.endsWith('invalid')
        ? 'Referrer-Policy has no recognised value.'
        : `Referrer-Policy ${String(t.data.policy)} leaks URLs to other sites.`,
      fix,
      obs,
    );
  },
});

export const permissionsPolicyCheck = webCheck({
  id: 'web.permissions-policy',
  title: 'Permissions-Policy',
  description: 'Permissions-Policy should switch off browser features (camera, microphone, geolocation, …) the site does not use.',
  controls: [baseline('S.N.13')],
  judge(page) {
    const value = header(page.headers, 'permissions-policy');
    const legacy = header(page.headers, 'feature-policy');
    const fix = 'Send Permissions-Policy listing the features the site needs, e.g. camera=(), microphone=(), geolocation=().';
    if (value === undefined) {
      return verdict(
        'warn',
        legacy ? 'Only the obsolete Feature-Policy header is set.' : 'No Permissions-Policy is set.',
        fix,
        observed(page, { featurePolicy: legacy ?? null }),
      );
    }
    // Structured-field dictionary: feature=(allowlist), comma separated.
    const entries = value
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e.length > 0);
    const valid = entries.every((e) => /^[a-z0-9-]+=(\*|\(.*\)|self|"[^"]*")$/i.test(e));
    const features = Object.fromEntries(entries.map((e) => [e.split('=')[0] ?? e, e.slice(e.indexOf('=') + 1)]));
    const obs = observed(page, { features });
    if (!valid) return verdict('warn', 'Permissions-Policy is set but some entries cannot be parsed.', fix, obs);
    const open = Object.entries(features)
      .filter(([, v]) => v === '*')
      .map(([k]) => k);
    if (open.length > 0) return verdict('warn', `Permissions-Policy allows ${open.join(', ')} for every origin.`, fix, obs);
    return verdict('pass', `Permissions-Policy restricts ${entries.length} feature(s).`, 'None needed.', obs);
  },
});

export const stackDisclosureCheck = webCheck({
  id: 'web.stack-disclosure',
  title: 'Headers that reveal the software stack',
  description: 'Server with version numbers, X-Powered-By, X-AspNet-Version and similar headers tell attackers what to target.',
  controls: [baseline('S.N.14')],
  judge(page) {
    const leaks: { header: string; value: string }[] = [];
    const server = header(page.headers, 'server');
    if (server && /\d/.test(server)) leaks.push({ header: 'server', value: server });
    for (const name of ['x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version', 'x-generator', 'x-runtime', 'x-version']) {
      const v = header(page.headers, name);
      if (v !== undefined) leaks.push({ header: name, value: v });
    }
    const obs = observed(page, { leaks });
    return leaks.length === 0
      ? verdict(
          'pass',
          server ? `No version details are disclosed (Server: ${server}).` : 'No stack-revealing headers are sent.',
          'None needed.',
          obs,
        )
      : verdict(
          'fail',
          `The response reveals the stack: ${leaks.map((l) => `${l.header}: ${l.value}`).join('; ')}.`,
          'Remove X-Powered-By and similar headers, and strip version numbers from Server.',
          obs,
        );
  },
});

export const cookiesCheck = webCheck({
  id: 'web.cookies',
  title: 'Cookie flags (Secure, HttpOnly, SameSite)',
  description: 'Every cookie should be Secure; session cookies HttpOnly; all cookies SameSite=Lax or Strict.',
  controls: [baseline('S.N.15')],
  judge(page) {
    const t = analyzeCookies(page, analyzeHsts(page));
    const obs = observed(page, { expectation: t.expectation, cookies: t.data.cookies ?? [] });
    const fix = 'Set Secure on every cookie, HttpOnly on session cookies and SameSite=Lax (or Strict).';
    if (t.expectation === 'cookies-not-found') return verdict('pass', 'The page sets no cookies.', 'None needed.', obs);
    if (t.modifier > 0)
      return verdict('pass', 'All cookies are Secure, session cookies HttpOnly, and all use SameSite.', 'None needed.', obs);
    const why: Record<string, string> = {
      'cookies-secure-with-httponly-sessions': 'Cookies are Secure and session cookies HttpOnly, but not all use SameSite=Lax/Strict.',
      'cookies-without-secure-flag-but-protected-by-hsts': 'Some cookies lack Secure (HSTS limits the exposure).',
      'cookies-session-without-secure-flag-but-protected-by-hsts': 'A session cookie lacks Secure (HSTS limits the exposure).',
      'cookies-without-secure-flag': 'Some cookies lack the Secure flag.',
      'cookies-samesite-flag-invalid': 'A cookie has an invalid SameSite value.',
      'cookies-anticsrf-without-samesite-flag': 'An anti-CSRF cookie has no SameSite flag.',
      'cookies-session-without-httponly-flag': 'A session cookie lacks HttpOnly, so scripts can read it.',
      'cookies-session-without-secure-flag': 'A session cookie lacks Secure, so it can travel over plain http.',
    };
    return verdict(t.modifier <= -20 ? 'fail' : 'warn', why[t.expectation] ?? 'Cookie flags are incomplete.', fix, obs);
  },
});

export const corsCheck = webCheck({
  id: 'web.cors',
  title: 'CORS with credentials',
  description: 'Access-Control-Allow-Origin must not reflect any origin (or be a wildcard) while allowing credentials.',
  controls: [baseline('S.N.13')],
  judge(page) {
    const t = analyzeCors(page);
    const obs = observed(page, { expectation: t.expectation, ...t.data });
    const fix = 'Allow credentials only for a fixed list of trusted origins; use * only for public data without credentials.';
    if (!t.pass)
      return verdict(
        'fail',
        "The site reflects any Origin and allows credentials: any site can read responses with the user's session.",
        fix,
        obs,
      );
    if (t.data.allowOrigin === '*' && t.data.allowCredentials) {
      return verdict(
        'fail',
        'Access-Control-Allow-Origin is * together with Access-Control-Allow-Credentials: true (wildcard with credentials).',
        fix,
        obs,
      );
    }
    const why =
      t.expectation === 'cross-origin-resource-sharing-not-implemented'
        ? 'No CORS headers are sent; other origins cannot read responses.'
        : t.data.allowOrigin === '*'
          ? 'CORS allows any origin, without credentials (public content).'
          : 'CORS is restricted to specific origins.';
    return verdict('pass', why, 'None needed.', obs);
  },
});

export const observatoryGradeCheck = webCheck({
  id: 'web.observatory-grade',
  title: 'Header grade (MDN HTTP Observatory scoring)',
  description:
    "An overall A+ to F grade computed with the MDN HTTP Observatory's published scoring: start at 100, add each test's modifier.",
  controls: [baseline('S.N.13')],
  needsHttpProbe: true,
  judge(page, probe) {
    if (page.status < 200 || page.status >= 300) {
      return couldNotVerify(
        `The page answered with HTTP ${page.status}; the Observatory grades only pages that answer 2xx.`,
        'Point the check at a page that returns 200.',
        observed(page),
      );
    }
    const grade = gradePage(runObservatoryTests(page, probe ?? { kind: 'no-http' }));
    const obs = observed(page, {
      score: grade.score,
      grade: grade.grade,
      testsPassed: grade.testsPassed,
      testsQuantity: grade.testsQuantity,
      tests: grade.modifiers,
    });
    const summary = `Header grade ${grade.grade} (score ${grade.score}; ${grade.testsPassed} of ${grade.testsQuantity} tests passed).`;
    const failing = Object.entries(grade.modifiers)
      .filter(([, m]) => m.modifier < 0)
      .map(([k, m]) => `${k} (${m.modifier})`);
    const fix = failing.length ? `Fix, largest penalty first: ${failing.join(', ')}.` : 'None needed.';
    if (grade.score >= 85) return verdict('pass', summary, fix, obs);
    return verdict(grade.score >= 50 ? 'warn' : 'fail', summary, fix, obs);
  },
});

export const webChecks: CheckDefinition[] = [
  httpsRedirectCheck,
  hstsCheck,
  cspCheck,
  contentTypeOptionsCheck,
  frameOptionsCheck,
  referrerPolicyCheck,
  permissionsPolicyCheck,
  stackDisclosureCheck,
  cookiesCheck,
  corsCheck,
  observatoryGradeCheck,
];
