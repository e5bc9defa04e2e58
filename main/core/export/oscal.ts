// OSCAL 1.0.6 assessment-plan, assessment-results and plan-of-action-and-milestones from an
// assessment. The assessment results carry everything Attest needs to rebuild the same
// assessment in another workspace (import-oscal-results.ts reads them back): exact ids and
// statuses as props in Attest's namespace, empty texts named in an `attest-empty` prop,
// evidence files as base64 back-matter resources.
// Reproducible: every UUID is a version-5 UUID of Attest ids, and every time comes from
// the workspace's records, so the same data always gives the same JSON.
import { createHash } from 'node:crypto';
import type { AssessmentRow, FindingView } from '../../contract/assessment';
import { assessmentRows, assessmentSummary } from '../assessment/assessments';
import { evidenceFile } from '../assessment/evidence';
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

export const ATTEST_NS = 'https://attest.invalid/ns/oscal';
const prop = (name: string, value: string) => ({ name, ns: ATTEST_NS, value: value.replace(/\s+/g, ' ').trim() });
/** Names the fields written with a stand-in text because they were empty, so a reader can blank them again. */
const emptyProp = (fields: Record<string, string | null | undefined>) => {
  const empty = Object.entries(fields)
    .filter(([, v]) => !(v ?? '').trim())
    .map(([k]) => k);
  return empty.length ? [prop('attest-empty', empty.join(' '))] : [];
};
/** The party of a finding owner, one per distinct owner name. */
const ownerUuid = (key: string, owner: string) => uuidV5(`${key}/party/owner/${owner.trim().toLowerCase()}`);

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

function metadata(
  title: string,
  lastModified: string,
  version: string,
  client: string,
  assessor: string,
  key: string,
  owners: string[] = [],
) {
  const distinct = [...new Map(owners.filter((o) => o.trim()).map((o) => [o.trim().toLowerCase(), o.trim()])).values()];
  return {
    title,
    'last-modified': lastModified,
    version,
    'oscal-version': OSCAL_VERSION,
    roles: [
      { id: 'assessor', title: 'Assessor' },
      { id: 'client', title: 'Client' },
      ...(distinct.length ? [{ id: 'finding-owner', title: 'Finding owner' }] : []),
    ],
    parties: [
      {
        uuid: uuidV5(`${key}/party/client`),
        type: 'organization',
        name: str(client, 'Client'),
        ...(client.trim() ? {} : { props: [prop('attest-empty', 'name')] }),
      },
      {
        uuid: uuidV5(`${key}/party/assessor`),
        type: 'person',
        name: str(assessor, 'Assessor'),
        ...(assessor.trim() ? {} : { props: [prop('attest-empty', 'name')] }),
      },
      ...distinct.map((o) => ({ uuid: ownerUuid(key, o), type: 'person', name: o })),
    ],
    'responsible-parties': [
      { 'role-id': 'assessor', 'party-uuids': [uuidV5(`${key}/party/assessor`)] },
      { 'role-id': 'client', 'party-uuids': [uuidV5(`${key}/party/client`)] },
      ...(distinct.length ? [{ 'role-id': 'finding-owner', 'party-uuids': distinct.map((o) => ownerUuid(key, o)) }] : []),
    ],
  };
}

/**
 * A finding as an OSCAL risk: severity, likelihood and impact as facets of a
 * characterization made by the assessor; the owner a party; the remediation a planned
 * (or completed) response whose milestone is the due date and whose responsible role is
 * the owner; an accepted risk a response of type "accept" until its expiry.
 */
function risk(f: FindingView, key: string) {
  const owner = f.owner.trim() ? ownerUuid(key, f.owner) : null;
  const ownerRole = owner ? { 'responsible-roles': [{ 'role-id': 'finding-owner', 'party-uuids': [owner] }] } : {};
  const done = f.status === 'remediated' || f.status === 'verified';
  const remediation = {
    uuid: uuidV5(`${key}/risk/${f.id}/remediation`),
    lifecycle: done ? 'completed' : 'planned',
    title: str(`Remediation of ${f.ref}`, f.ref),
    description: str(f.remediation, 'No remediation recorded.'),
    props: [{ name: 'type', value: 'mitigate' }],
    ...(owner ? { origins: [{ actors: [{ type: 'party', 'actor-uuid': owner, 'role-id': 'finding-owner' }] }] } : {}),
    ...(f.dueDate || owner
      ? {
          tasks: [
            {
              uuid: uuidV5(`${key}/risk/${f.id}/milestone`),
              type: 'milestone',
              title: f.dueDate ? `${f.ref} due ${f.dueDate}` : `${f.ref} remediation`,
              ...(f.dueDate ? { timing: { 'on-date': { date: isoTime(f.dueDate, '') } } } : {}),
              ...ownerRole,
            },
          ],
        }
      : {}),
  };
  const accepted =
    f.status === 'risk-accepted' && f.acceptanceJustification
      ? [
          {
            uuid: uuidV5(`${key}/risk/${f.id}/acceptance`),
            lifecycle: 'planned',
            title: str(`Acceptance of ${f.ref}`, f.ref),
            description: str(f.acceptanceJustification, 'Risk accepted.'),
            props: [{ name: 'type', value: 'accept' }],
            ...(f.acceptanceExpires
              ? {
                  tasks: [
                    {
                      uuid: uuidV5(`${key}/risk/${f.id}/acceptance-expiry`),
                      type: 'milestone',
                      title: `Acceptance expires ${f.acceptanceExpires}`,
                      timing: { 'on-date': { date: isoTime(f.acceptanceExpires, '') } },
                    },
                  ],
                }
              : {}),
          },
        ]
      : [];
  return {
    uuid: uuidV5(`${key}/risk/${f.id}`),
    title: str(f.title, f.ref),
    description: str(f.description, f.title),
    statement: str(f.remediation, 'No remediation recorded.'),
    props: [
      prop('attest-ref', f.ref),
      prop('attest-status', f.status),
      ...f.controls.map((c) => prop('attest-control', `${c.catalogueId} ${c.controlId}`)),
      ...emptyProp({ description: f.description, remediation: f.remediation }),
    ],
    status: RISK_STATUS[f.status],
    characterizations: [
      {
        origin: { actors: [{ type: 'party', 'actor-uuid': uuidV5(`${key}/party/assessor`), 'role-id': 'assessor' }] },
        facets: [
          { name: 'severity', system: ATTEST_NS, value: f.severity },
          { name: 'likelihood', system: ATTEST_NS, value: String(f.likelihood) },
          { name: 'impact', system: ATTEST_NS, value: String(f.impact) },
        ],
      },
    ],
    ...(f.dueDate ? { deadline: isoTime(f.dueDate, '') } : {}),
    remediations: [remediation, ...accepted],
    ...(f.severityOverrideReason ? { remarks: `Severity set by hand: ${f.severityOverrideReason}` } : {}),
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
      props: [
        prop('attest-kind', e.kind),
        prop('attest-control', `${e.catalogue_id} ${e.control_id}`),
        ...emptyProp({ title: e.title, ...(e.kind === 'link' ? {} : { body: e.body }) }),
      ],
      methods: ['EXAMINE'],
      ...(e.url ? { 'relevant-evidence': [{ href: e.url, description: str(e.title, 'Link') }] } : {}),
      ...(e.kind === 'file'
        ? { 'relevant-evidence': [{ href: `#${uuidV5(`${key}/file/${e.id}`)}`, description: str(e.title, 'Evidence file') }] }
        : {}),
      collected: isoTime(e.added_at, ''),
      _control: `${e.catalogue_id}\u0000${e.control_id}`,
      _file: e.kind === 'file' ? e.id : null,
    }));
}

/** Evidence files as back-matter resources, so the results carry the evidence itself. */
async function fileResources(ws: Workspace, obs: ReturnType<typeof observations>, key: string) {
  const out = [];
  for (const o of obs) {
    if (!o._file) continue;
    const f = await evidenceFile(ws, o._file);
    out.push({
      uuid: uuidV5(`${key}/file/${o._file}`),
      title: str(f.name, 'evidence'),
      base64: {
        filename: encodeURIComponent(str(f.name, 'evidence')),
        'media-type': str(f.mediaType, 'application/octet-stream'),
        value: f.dataBase64 || '',
      },
    });
  }
  return out;
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
        props: [prop('attest-status', r.status), prop('attest-control', `${r.catalogueId} ${r.controlId}`)],
        ...(r.rationale.trim() ? { remarks: r.rationale } : {}),
        target: {
          type: 'objective-id',
          'target-id': token(r.controlId),
          status: {
            state: satisfied ? 'satisfied' : 'not-satisfied',
            reason: r.status === 'met' ? 'pass' : r.status === 'not-applicable' ? 'other' : 'fail',
          },
        },
        ...(related.length ? { 'related-observations': related.map((o) => ({ 'observation-uuid': o.uuid })) } : {}),
        ...(risks.length ? { 'related-risks': risks.map((f) => ({ 'risk-uuid': uuidV5(`${key}/risk/${f.id}`) })) } : {}),
      };
    });
}

const stripInternal = <T extends { _control: string; _file: string | null }>(o: T): Omit<T, '_control' | '_file'> => {
  const { _control, _file, ...rest } = o;
  void _control;
  void _file;
  return rest;
};

export async function assessmentResults(ws: Workspace, assessmentId: string): Promise<Record<string, unknown>> {
  const a = assessmentSummary(ws, assessmentId);
  const rows = assessmentRows(ws, assessmentId);
  const key = `assessment/${a.id}`;
  const findings = listFindings(ws, a.id, a.updatedAt.slice(0, 10));
  const obs = observations(ws, a.id, key);
  const start = isoTime(a.periodStart, a.createdAt);
  const files = await fileResources(ws, obs, key);
  return {
    'assessment-results': {
      uuid: uuidV5(`${key}/assessment-results`),
      metadata: metadata(
        str(a.name, a.id),
        a.updatedAt,
        a.state,
        a.client,
        a.assessor,
        key,
        findings.map((f) => f.owner),
      ),
      'import-ap': {
        href: `#${uuidV5(`${key}/assessment-plan-resource`)}`,
        remarks: 'The plan is exported separately as an OSCAL assessment plan of the same assessment.',
      },
      results: [
        {
          uuid: uuidV5(`${key}/result`),
          title: str(a.name, a.id),
          description: str(`${a.client}: ${a.scope}`, a.client),
          start,
          ...(a.periodEnd ? { end: isoTime(a.periodEnd, start) } : {}),
          props: [
            ...a.catalogues.map((c) => prop('catalogue-snapshot', `${c.id} ${c.version} ${c.hash}`)),
            ...(a.periodStart ? [prop('period-start', a.periodStart)] : []),
            ...(a.periodEnd ? [prop('period-end', a.periodEnd)] : []),
            prop('attest-state', a.state),
          ],
          ...(a.scope.trim() ? { remarks: a.scope } : {}),
          'reviewed-controls': {
            'control-selections': [{ 'include-controls': rows.map((r) => ({ 'control-id': token(r.controlId) })) }],
          },
          ...(obs.length ? { observations: obs.map(stripInternal) } : {}),
          ...(findings.length ? { risks: findings.map((f) => risk(f, key)) } : {}),
          ...(rows.some((r) => r.status !== 'not-assessed') ? { findings: controlFindings(rows, findings, obs, key) } : {}),
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: uuidV5(`${key}/assessment-plan-resource`),
            title: 'Assessment plan',
            rlinks: [{ href: `urn:attest:assessment-plan:${a.id}` }],
          },
          ...files,
        ],
      },
    },
  };
}

/**
 * The assessment plan: what is assessed (the catalogues' controls, each snapshot named by
 * version and hash), for whom, by whom and when. Attest has no SSP of its own, so
 * `import-ssp` points at a back-matter resource naming the assessed scope.
 */
export function assessmentPlan(ws: Workspace, assessmentId: string): Record<string, unknown> {
  const a = assessmentSummary(ws, assessmentId);
  const rows = assessmentRows(ws, assessmentId);
  const key = `assessment/${a.id}`;
  const ssp = uuidV5(`${key}/ssp-resource`);
  return {
    'assessment-plan': {
      uuid: uuidV5(`${key}/assessment-plan`),
      metadata: metadata(str(`${a.name}: assessment plan`, a.id), a.updatedAt, a.state, a.client, a.assessor, key),
      'import-ssp': { href: `#${ssp}`, remarks: 'The system is described by the scope below; Attest keeps no system security plan.' },
      'terms-and-conditions': {
        parts: [
          { name: 'assessment-scope', title: 'Scope', prose: str(a.scope, 'No scope recorded.') },
          ...(a.periodStart || a.periodEnd
            ? [{ name: 'assessment-period', title: 'Period', prose: `${a.periodStart ?? 'open'} to ${a.periodEnd ?? 'open'}` }]
            : []),
        ],
      },
      'reviewed-controls': {
        props: a.catalogues.map((c) => prop('catalogue-snapshot', `${c.id} ${c.version} ${c.hash}`)),
        'control-selections': [{ 'include-controls': rows.map((r) => ({ 'control-id': token(r.controlId) })) }],
      },
      'assessment-subjects': [
        { type: 'component', description: str(`${a.client}: ${a.scope}`, a.client || 'Assessed system'), 'include-all': {} },
      ],
      tasks: [
        {
          uuid: uuidV5(`${key}/task/assessment`),
          type: 'action',
          title: str(a.name, a.id),
          ...(a.periodStart && a.periodEnd
            ? { timing: { 'within-date-range': { start: isoTime(a.periodStart, ''), end: isoTime(a.periodEnd, '') } } }
            : a.periodStart
              ? { timing: { 'on-date': { date: isoTime(a.periodStart, '') } } }
              : {}),
          'responsible-roles': [{ 'role-id': 'assessor', 'party-uuids': [uuidV5(`${key}/party/assessor`)] }],
        },
      ],
      'back-matter': {
        resources: [
          { uuid: ssp, title: str(`${a.client} (${a.scope})`, 'Assessed system'), rlinks: [{ href: `urn:attest:assessment:${a.id}` }] },
        ],
      },
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
      metadata: metadata(
        str(`${a.name}: plan of action and milestones`, a.id),
        a.updatedAt,
        a.state,
        a.client,
        a.assessor,
        key,
        findings.map((f) => f.owner),
      ),
      'system-id': { 'identifier-type': 'https://attest.invalid/ns/assessment-id', id: a.id },
      ...(findings.length ? { risks: findings.map((f) => risk(f, key)) } : {}),
      'poam-items': findings.map((f) => ({
        uuid: uuidV5(`${key}/poam-item/${f.id}`),
        title: str(`${f.ref} ${f.title}`, f.ref),
        description: str(f.remediation, str(f.description, f.title)),
        props: [prop('attest-ref', f.ref)],
        ...(f.owner.trim()
          ? { origins: [{ actors: [{ type: 'party', 'actor-uuid': ownerUuid(key, f.owner), 'role-id': 'finding-owner' }] }] }
          : {}),
        'related-risks': [{ 'risk-uuid': uuidV5(`${key}/risk/${f.id}`) }],
      })),
    },
  };
}
