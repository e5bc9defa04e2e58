// Reads OSCAL assessment results written by Attest (export/oscal.ts) back into a workspace
// as a new assessment: the same catalogue snapshots, control results, findings and
// evidence. The document must name catalogue snapshots this workspace holds (built-ins
// always; imported catalogues are imported first). Checked fully before anything is
// written; the writes go through the same functions the app uses.
import type { FindingFields } from '../../contract/assessment';
import {
  ASSESSMENT_STATES,
  CONTROL_STATUSES,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  type AssessmentState,
  type FindingSeverity,
} from '../../contract/vocabulary';
import { assessmentSummary, createAssessment, setAssessmentState, setResult } from '../assessment/assessments';
import { addEvidence } from '../assessment/evidence';
import { createFinding } from '../assessment/findings';
import { readOscal, type OscalJson } from '../catalog/oscal-read';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { ATTEST_NS } from './oscal';

type Json = OscalJson;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const props = (o: Json, name: string) =>
  arrayOf(o.props)
    .filter((p) => p.ns === ATTEST_NS && p.name === name)
    .map((p) => str(p.value));
const prop = (o: Json, name: string) => props(o, name)[0];
const emptied = (o: Json) => new Set((prop(o, 'attest-empty') ?? '').split(' ').filter(Boolean));
const text = (o: Json, field: string, value: unknown) => (emptied(o).has(field) ? '' : str(value));
const day = (iso: unknown) => (typeof iso === 'string' && iso ? iso.slice(0, 10) : null);
const controlRef = (v: string) => {
  const at = v.indexOf(' ');
  return { catalogueId: v.slice(0, at), controlId: v.slice(at + 1) };
};

const onDate = (task: Json | undefined): unknown => {
  const timing = isObject(task?.timing) ? task.timing : {};
  return isObject(timing['on-date']) ? timing['on-date'].date : undefined;
};

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function bad(message: string): never {
  throw new AttestError('OSCAL_RESULTS_INVALID', `These assessment results cannot be imported: ${message}. Nothing was saved.`);
}

export async function importAssessmentResults(ws: Workspace, bytes: Uint8Array, actor: string) {
  const doc = readOscal(bytes);
  if (doc.model !== 'assessment-results') bad(`the file is an OSCAL ${doc.model}, not assessment results`);
  const ar = doc.doc['assessment-results'] as Json;
  const result = arrayOf(ar.results)[0];
  if (!result) bad('the document has no result');
  const metadata = isObject(ar.metadata) ? ar.metadata : {};
  const party = (role: string) => {
    const uuid = arrayOf(metadata['responsible-parties']).find((r) => r['role-id'] === role)?.['party-uuids'];
    const p = arrayOf(metadata.parties).find((x) => Array.isArray(uuid) && x.uuid === uuid[0]);
    return p ? text(p, 'name', p.name) : '';
  };

  // Every catalogue snapshot must be the one this workspace holds now.
  const snapshots = props(result, 'catalogue-snapshot');
  if (!snapshots.length) bad('it names no catalogue snapshot (it was not written by Attest)');
  const catalogueIds = snapshots.map((s) => {
    const [id, version, hash] = s.split(' ');
    const row = ws.query<{ hash: string; version: string }>('SELECT hash, version FROM catalogues WHERE id = ?', [id ?? ''])[0];
    if (!row) bad(`this workspace has no catalogue "${id}"; import version ${version} of it first`);
    if (row.hash !== hash)
      bad(
        `catalogue "${id}" is at version ${row.version} here, the results were recorded against version ${version} (${hash?.slice(0, 19)}…)`,
      );
    return id!;
  });

  const results = arrayOf(result.findings).map((f) => {
    const ref = prop(f, 'attest-control');
    const status = prop(f, 'attest-status');
    if (!ref || !status || !(CONTROL_STATUSES as readonly string[]).includes(status))
      bad(`finding "${str(f.title)}" has no Attest control or status`);
    return { ...controlRef(ref), status: status as (typeof CONTROL_STATUSES)[number], rationale: str(f.remarks) };
  });
  const risks = arrayOf(result.risks)
    .map((r) => {
      const facets = new Map(arrayOf(arrayOf(r.characterizations)[0]?.facets).map((x) => [str(x.name), str(x.value)]));
      const likelihood = Number(facets.get('likelihood'));
      const impact = Number(facets.get('impact'));
      const severity = facets.get('severity');
      const status = prop(r, 'attest-status');
      if (!(likelihood >= 1 && likelihood <= 5 && impact >= 1 && impact <= 5))
        bad(`risk "${str(r.title)}" has no likelihood and impact facets`);
      if (!status || !(FINDING_STATUSES as readonly string[]).includes(status)) bad(`risk "${str(r.title)}" has no Attest status`);
      const remediations = arrayOf(r.remediations);
      const acceptance = remediations.find((x) => arrayOf(x.props).some((p) => p.name === 'type' && p.value === 'accept'));
      const mitigation = remediations.find((x) => x !== acceptance);
      const ownerUuid = arrayOf(arrayOf(mitigation?.origins)[0]?.actors)[0]?.['actor-uuid'];
      const owner = arrayOf(metadata.parties).find((p) => p.uuid === ownerUuid);
      const override = /^Severity set by hand: ([\s\S]*)$/.exec(str(r.remarks));
      const fields: FindingFields = {
        title: str(r.title),
        description: text(r, 'description', r.description),
        likelihood,
        impact,
        severityOverride:
          override && severity && (FINDING_SEVERITIES as readonly string[]).includes(severity) ? (severity as FindingSeverity) : null,
        severityOverrideReason: override ? override[1]! : null,
        owner: owner ? str(owner.name) : '',
        dueDate: day(r.deadline),
        remediation: text(r, 'remediation', r.statement),
        status: status as FindingFields['status'],
        acceptanceJustification: acceptance ? str(acceptance.description) : null,
        acceptanceExpires: acceptance ? day(onDate(arrayOf(acceptance.tasks)[0])) : null,
        controls: props(r, 'attest-control').map(controlRef),
      };
      return { ref: Number(prop(r, 'attest-ref') ?? 0), fields };
    })
    .sort((a, b) => a.ref - b.ref);
  const files = new Map(arrayOf(isObject(ar['back-matter']) ? ar['back-matter'].resources : undefined).map((r) => [str(r.uuid), r]));
  const evidence = arrayOf(result.observations).map((o) => {
    const kind = prop(o, 'attest-kind');
    const ref = prop(o, 'attest-control');
    if (!ref || !kind) bad(`observation "${str(o.title)}" has no Attest control or kind`);
    const href = str(arrayOf(o['relevant-evidence'])[0]?.href);
    const title = text(o, 'title', o.title);
    if (kind === 'file') {
      const res = files.get(href.replace(/^#/, ''));
      const b64 = isObject(res?.base64) ? res.base64 : undefined;
      if (!b64) bad(`the file of observation "${str(o.title)}" is not in the back-matter`);
      return {
        ...controlRef(ref),
        kind: 'file' as const,
        title,
        body: text(o, 'body', o.description),
        file: { name: safeDecode(str(b64.filename)), dataBase64: str(b64.value) },
      };
    }
    if (kind === 'link') return { ...controlRef(ref), kind: 'link' as const, title, body: '', url: href };
    return { ...controlRef(ref), kind: 'note' as const, title, body: text(o, 'body', o.description) };
  });

  const state = (prop(result, 'attest-state') ?? 'draft') as AssessmentState;
  if (!ASSESSMENT_STATES.includes(state)) bad(`its state "${state}" is not one Attest knows`);
  const name = str(result.title) || str(metadata.title);
  const created = await createAssessment(
    ws,
    {
      name,
      client: party('client'),
      scope: str(result.remarks),
      periodStart: prop(result, 'period-start') ?? null,
      periodEnd: prop(result, 'period-end') ?? null,
      assessor: party('assessor'),
    },
    catalogueIds,
    actor,
  );
  for (const r of results) await setResult(ws, created.id, r.catalogueId, r.controlId, r.status, r.rationale, actor);
  for (const r of risks) await createFinding(ws, created.id, r.fields, actor);
  for (const e of evidence) await addEvidence(ws, { assessmentId: created.id, ...e }, actor);
  // Last, as the app would: once the results are in, the assessment moves on to the
  // state it had (review, or final and read-only), each step in the audit log.
  // ASSESSMENT_STATES is the workflow's order.
  for (const step of ASSESSMENT_STATES.slice(1, ASSESSMENT_STATES.indexOf(state) + 1))
    await setAssessmentState(ws, created.id, step, undefined, actor);
  return assessmentSummary(ws, created.id);
}
