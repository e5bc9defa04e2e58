// Demo data of live checks on Northwind's Q4 review: saved targets and stored runs (web,
// TLS, DNS and a Tines tenant that could not be verified), written exactly as a real run
// stores them (run row + evidence on each control), one suggestion accepted and one
// rejected. No network is used: the observations are written out by hand. Live checks
// stay off, and no credential is created, because the demo must not write to the user's
// OS keychain.
import { AttestError } from '../errors';
import { assessmentControlsFor } from '../checks/controls';
import { getCheck } from '../checks/registry';
import { runStatements } from '../checks/runs';
import type { CheckResult, CheckStatus, SuggestedControlStatus } from '../checks/types';
import { demoCall } from './call';
import type { DemoSeeder } from './demo';

const PORTAL = 'https://portal.northwind.example/';

interface DemoRun {
  checkId: string;
  target: string;
  status: CheckStatus;
  suggested: SuggestedControlStatus | null;
  summary: string;
  remediation: string;
  observations: Record<string, unknown>;
  at: string;
  errorCode?: string;
  decide?: { decision: 'accept' | 'reject'; note: string };
}

const portalHeaders = {
  'strict-transport-security': ['max-age=31536000; includeSubDomains'],
  'content-security-policy': [
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://chat.example-widget.com; frame-ancestors 'none'",
  ],
  'x-content-type-options': ['nosniff'],
  'set-cookie': ['nw_session=[redacted]; Path=/; Secure; HttpOnly; SameSite=Lax'],
};

const RUNS: DemoRun[] = [
  {
    checkId: 'web.hsts',
    target: PORTAL,
    status: 'could-not-verify',
    suggested: null,
    summary: 'portal.northwind.example:443 did not answer completely within 15000 ms, so the request was stopped.',
    remediation: 'Check the target and the network path, then run the check again.',
    observations: {},
    errorCode: 'RESPONSE_TIMEOUT',
    at: '2026-10-20T09:12:04.000Z',
  },
  {
    checkId: 'web.hsts',
    target: PORTAL,
    status: 'warn',
    suggested: 'partially-met',
    summary: 'HSTS is set for a year with includeSubDomains, but without preload.',
    remediation: 'Add "preload" and submit the domain to the HSTS preload list once every subdomain serves HTTPS.',
    observations: { url: PORTAL, status: 200, headers: portalHeaders, hsts: { maxAge: 31536000, includeSubDomains: true, preload: false } },
    at: '2026-10-22T14:03:40.000Z',
  },
  {
    checkId: 'web.csp',
    target: PORTAL,
    status: 'fail',
    suggested: 'not-met',
    summary: "The content security policy allows 'unsafe-inline' scripts, which defeats its protection against injected script.",
    remediation: "Move inline scripts to files or allow them by hash or nonce, then remove 'unsafe-inline' from script-src.",
    observations: {
      url: PORTAL,
      status: 200,
      headers: portalHeaders,
      csp: { unsafeInline: true, unsafeEval: false, frameAncestors: "'none'" },
    },
    at: '2026-10-22T14:03:41.000Z',
    decide: {
      decision: 'reject',
      note: 'Only the chat widget needs the exception and every other header is in place: the control stays partially met, with a finding for the CSP.',
    },
  },
  {
    checkId: 'tls.protocols',
    target: 'portal.northwind.example:443',
    status: 'pass',
    suggested: 'met',
    summary: 'Only TLS 1.2 and TLS 1.3 are accepted; TLS 1.0 and 1.1 are refused.',
    remediation: 'None needed.',
    observations: {
      host: 'portal.northwind.example',
      port: 443,
      versions: { TLSv1: 'refused', 'TLSv1.1': 'refused', 'TLSv1.2': 'accepted', 'TLSv1.3': 'accepted' },
    },
    at: '2026-10-22T14:03:44.000Z',
  },
  {
    checkId: 'dns.dnssec',
    target: 'northwind.example',
    status: 'fail',
    suggested: 'not-met',
    summary: 'northwind.example publishes no DNSKEY record and its parent holds no DS record: the zone is not signed.',
    remediation: 'Sign the zone with DNSSEC at the DNS provider and publish the DS record at the registrar.',
    observations: { domain: 'northwind.example', resolver: '1.1.1.1:53', dnskey: [], ds: [], authenticatedData: false },
    at: '2026-10-22T14:03:45.000Z',
    decide: { decision: 'accept', note: 'The DNS provider confirmed it cannot sign the zone; see the finding on DNSSEC.' },
  },
  {
    checkId: 'saas.tines.tenant',
    target: 'https://northwind.tines.com',
    status: 'could-not-verify',
    suggested: null,
    summary: 'The Tines API refused the request (HTTP 403): the API key lacks the permission to list tenant users.',
    remediation: 'Use a Tenant-owner API key (read only is enough) and run the check again.',
    observations: { endpoint: 'https://northwind.tines.com/api/v1/admin/users', status: 403 },
    errorCode: 'API_PERMISSION_DENIED',
    at: '2026-10-22T14:05:10.000Z',
  },
];

export const checksDemo: DemoSeeder = {
  name: 'live-check results (stored; live checks off)',
  async seed({ ws, actor, core, dates }) {
    const call = demoCall(core, dates);
    // The current review: the one still in review (the earlier one is final).
    const q4 = ws.query<{ id: string }>("SELECT id FROM assessments WHERE state = 'review' ORDER BY created_at DESC")[0];
    if (!q4) throw new AttestError('ASSESSMENT_NOT_FOUND', 'The checks demo needs the Q4 assessment of the assessment demo.');
    const targets = new Map<string, string>();
    for (const run of dates.shift(RUNS)) {
      const check = getCheck(run.checkId)!;
      const key = `${run.checkId} ${run.target}`;
      // A SaaS target needs a credential, which the demo does not create: its run is a one-off.
      if (!check.credential && !targets.has(key)) {
        targets.set(key, (await call('check.addTarget', { assessmentId: q4.id, checkId: run.checkId, target: run.target, inputs: {} })).id);
      }
      const finished = new Date(Date.parse(run.at) + 900).toISOString();
      const result: CheckResult = {
        checkId: check.id,
        title: check.title,
        target: run.target,
        controls: [...check.controls],
        status: run.status,
        summary: run.summary,
        remediation: run.remediation,
        observations: run.observations,
        suggestedControlStatus: run.suggested,
        startedAt: run.at,
        finishedAt: finished,
        durationMs: 900,
        errorCode: run.errorCode ?? null,
        hostToApprove: null,
      };
      const { id, statements } = runStatements(
        {
          assessmentId: q4.id,
          targetId: targets.get(key) ?? null,
          inputs: { params: {}, credentialId: null, customCa: false },
          result,
          controls: assessmentControlsFor(ws, q4.id, check),
        },
        actor,
      );
      await ws.commit({ actor, action: 'check.run', entity: `check-run:${id}`, statements });
      if (run.decide) await call('check.decide', { id, decision: run.decide.decision, note: run.decide.note });
    }
  },
};
