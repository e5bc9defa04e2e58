// OSCAL 1.0.6 assessment-results and plan-of-action-and-milestones from an assessment.
// Reproducible: every UUID is a version-5 UUID of Attest ids, and every time comes from
// the workspace's records, so the same data always gives the same JSON.
import { createHash } from 'node:crypto';
import type { AssessmentRow, FindingView } from '../../contract/assessment';
import { assessmentRows, assessmentSummary } from '../assessment/assessments';
import { listFindings } from '../assessment/findings';
import type { Workspace } from '../workspace';

export const OSCAL_VERSION = '1.0.6';
/** Attest's namespace for OSCAL UUIDs (a fixed, random v4 UUID). */
const NAMESPACE = '3c1e6f0a-8d2b-4b57-9a1e-5f7c2d9b4e61';

/** RFC 4122 version-5 UUID (SHA-1, name-based) of `name` in Attest's namespace. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** An OSCAL token (NCName): control ids such as "S.A.1" pass through, others are made safe. */
export function token(s: string): string {
  const t = s.replace(/[^\p{L}\p{N}._-]/gu, '_');
  return /^[\p{L}_]/u.test(t) ? t : `_${t}`;
}

/** OSCAL strings may not be empty or start/end with whitespace. */
function str(s: string | null | undefined, fallback: string): string {
  const t = (s ?? '').trim();
  return t.length ? t : fallback;
}

function isoTime(s: string | null | undefined, fallback: string): string {
  if (!s) return fallback;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : new Date(s).toISOString();
}

const RISK_STATUS: Record<FindingView['status'], string> = {
  open: 'open',
  'in-progress': 'remediating',
  'risk-accepted': 'deviation-approved',
  remediated: 'closed',
  verified: 'closed',
};

function metadata(title: string, lastModified: string, version: string, client: string, assessor: string, key: string) {
  return {
    title,
    'last-modified': lastModified,
    version,
    'oscal-version': OSCAL_VERSION,
    roles: [
      { id: 'assessor', title: 'Assessor' },
      { id: 'client', title: 'Client' },
    ],
    parties: [
      { uuid: uuidV5(`${key}/party/client`), type: 'organization', name: str(client, 'Client') },
      { uuid: uuidV5(`${key}/party/assessor`), type: 'person', name: str(assessor, 'Assessor') },
    ],
    'responsible-parties': [
      { 'role-id': 'assessor', 'party-uuids': [uuidV5(`${key}/party/assessor`)] },
      { 'role-id': 'client', 'party-uuids': [uuidV5(`${key}/party/client`)] },
    ],
  };
}

function risk(f: FindingView, key: string) {
  return {
    uuid: uuidV5(`${key}/risk/${f.id}`),
    title: str(`${f.ref} ${f.title}`, f.ref),
    description: str(f.description, f.title),
    statement: str(f.remediation, 'No remediation recorded.'),
    props: [
      { name: 'severity', ns: 'https://attest.invalid/ns/oscal', value: f.severity },
      { name: 'likelihood', ns: 'https://attest.invalid/ns/oscal', value: String(f.likelihood) },
      { name: 'impact', ns: 'https://attest.invalid/ns/oscal', value: String(f.impact) },
    ],
    status: RISK_STATUS[f.status],
    ...(f.dueDate ? { deadline: isoTime(f.dueDate, '') } : {}),
  };
}

interface EvidenceRow {
  id: string;
  catalogue_id: string;
  control_id: string;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  added_at: string;
}

function observations(ws: Workspace, assessmentId: string, key: string) {
  return ws
    .query<EvidenceRow>(
      'SELECT id, catalogue_id, control_id, kind, title, body, url, added_at FROM evidence WHERE assessment_id = ? AND removed_at IS NULL ORDER BY added_at, id',
      [assessmentId],
    )
    .map((e) => ({
      uuid: uuidV5(`${key}/observation/${e.id}`),
      title: str(e.title, e.kind),
      description: str(e.kind === 'link' ? e.url : e.body, `${e.kind} evidence for ${e.catalogue_id} ${e.control_id}`),
      methods: ['EXAMINE'],
      ...(e.url ? { 'relevant-evidence': [{ href: e.url, description: str(e.title, 'Link') }] } : {}),
      collected: isoTime(e.added_at, ''),
      _control: `${e.catalogue_id}\u0000${e.control_id}`,
    }));
}

function controlFindings(rows: AssessmentRow[], findings: FindingView[], obs: ReturnType<typeof observations>, key: string) {
  return rows
    .filter((r) => r.status !== 'not-assessed')
    .map((r) => {
      const k = `${r.catalogueId}\u0000${r.controlId}`;
      const risks = findings.filter((f) => f.controls.some((c) => c.catalogueId === r.catalogueId && c.controlId === r.controlId));
      const related = obs.filter((o) => o._control === k);
      const satisfied = r.status === 'met' || r.status === 'not-applicable';
      return {
        uuid: uuidV5(`${key}/finding/${r.catalogueId}/${r.controlId}`),
        title: str(`${r.label} ${r.title}`, r.controlId),
        description: str(r.rationale, `Recorded as ${r.status}.`),
        props: [{ name: 'attest-status', ns: 'https://attest.invalid/ns/oscal', value: r.status }],
        target: {
          type: 'objective-id',
          'target-id': token(r.controlId),
          status: { state: satisfied ? 'satisfied' : 'not-satisfied', reason: r.status === 'met' ? 'pass' : r.status === 'not-applicable' ? 'other' : 'fail' },
        },
        ...(related.length ? { 'related-observations': related.map((o) => ({ 'observation-uuid': o.uuid })) } : {}),
        ...(risks.length ? { 'related-risks': risks.map((f) => ({ 'risk-uuid': uuidV5(`${key}/risk/${f.id}`) })) } : {}),
      };
    });
}

const stripInternal = <T extends { _control: string }>(o: T): Omit<T, '_control'> => {
  const { _control, ...rest } = o;
  void _control;
  return rest;
};

export function assessmentResults(ws: Workspace, assessmentId: string): Record<string, unknown> {
  const a = assessmentSummary(ws, assessmentId);
  const rows = assessmentRows(ws, assessmentId);
  const key = `assessment/${a.id}`;
  const findings = listFindings(ws, a.id, a.updatedAt.slice(0, 10));
  const obs = observations(ws, a.id, key);
  const start = isoTime(a.periodStart, a.createdAt);
  return {
    'assessment-results': {
      uuid: uuidV5(`${key}/assessment-results`),
      metadata: metadata(str(a.name, a.id), a.updatedAt, a.state, a.client, a.assessor, key),
      'import-ap': { href: `urn:attest:assessment-plan:${a.id}`, remarks: 'The plan is the assessment\'s scope and catalogue snapshots in the Attest workspace.' },
      results: [
        {
          uuid: uuidV5(`${key}/result`),
          title: str(a.name, a.id),
          description: str(`${a.client}: ${a.scope}`, a.client),
          start,
          ...(a.periodEnd ? { end: isoTime(a.periodEnd, start) } : {}),
          props: a.catalogues.map((c) => ({ name: 'catalogue-snapshot', ns: 'https://attest.invalid/ns/oscal', value: `${c.id} ${c.version} ${c.hash}` })),
          'reviewed-controls': {
            'control-selections': [{ 'include-controls': rows.map((r) => ({ 'control-id': token(r.controlId) })) }],
          },
          ...(obs.length ? { observations: obs.map(stripInternal) } : {}),
          ...(findings.length ? { risks: findings.map((f) => risk(f, key)) } : {}),
          ...(rows.some((r) => r.status !== 'not-assessed') ? { findings: controlFindings(rows, findings, obs, key) } : {}),
        },
      ],
    },
  };
}

export function planOfActionAndMilestones(ws: Workspace, assessmentId: string): Record<string, unknown> {
  const a = assessmentSummary(ws, assessmentId);
  const key = `assessment/${a.id}`;
  const findings = listFindings(ws, a.id, a.updatedAt.slice(0, 10));
  return {
    'plan-of-action-and-milestones': {
      uuid: uuidV5(`${key}/poam`),
      metadata: metadata(str(`${a.name}: plan of action and milestones`, a.id), a.updatedAt, a.state, a.client, a.assessor, key),
      'system-id': { 'identifier-type': 'https://attest.invalid/ns/assessment-id', id: a.id },
      ...(findings.length ? { risks: findings.map((f) => risk(f, key)) } : {}),
      'poam-items': findings.map((f) => ({
        uuid: uuidV5(`${key}/poam-item/${f.id}`),
        title: str(`${f.ref} ${f.title}`, f.ref),
        description: str(f.remediation, str(f.description, f.title)),
        props: [
          { name: 'severity', ns: 'https://attest.invalid/ns/oscal', value: f.severity },
          { name: 'status', ns: 'https://attest.invalid/ns/oscal', value: f.status },
          ...(f.owner.trim() ? [{ name: 'owner', ns: 'https://attest.invalid/ns/oscal', value: f.owner.trim() }] : []),
        ],
        'related-risks': [{ 'risk-uuid': uuidV5(`${key}/risk/${f.id}`) }],
        ...(f.dueDate ? { remarks: `Due ${f.dueDate}.` } : {}),
      })),
    },
  };
}
