// Builds the engagement report model from an assessment in the workspace. Reads only;
// no clock: the issue time comes in, so the same data and time give the same model.
import { createHash } from 'node:crypto';
import { SEVERITY_LABELS, formatScore, type FindingSeverity } from '../../contract/vocabulary';
import { assessedControl, assessmentRows, assessmentSummary } from '../assessment/assessments';
import { scoreOf } from '../assessment/dashboard';
import { listFindings } from '../assessment/findings';
import { SEVERITY_ORDER } from '../assessment/severity';
import { groupBy } from '../collections';
import type { Workspace } from '../workspace';
import type { CatalogueResults, Classification, EngagementReportModel, EvidenceItem, Finding, LiveCheckResult, Person } from './model';
import { METHODOLOGY } from './methodology';

export interface EngagementInput {
  assessmentId: string;
  classification: Classification;
  issuedAt: Date;
  /** Who signs; the assessor when the report is not signed. */
  signer?: Person;
  reason?: string;
  location?: string;
  organisation?: string;
}

/** A stable report id from the subject and the issue time: same inputs, same id. */
export function reportIdFor(kind: string, subjectId: string, issuedAt: Date): string {
  const day = issuedAt.toISOString().slice(0, 10).replace(/-/g, '');
  const h = createHash('sha256').update(`${kind}\u0000${subjectId}\u0000${issuedAt.toISOString()}`).digest('hex').slice(0, 6).toUpperCase();
  return `RPT-${day}-${h}`;
}

interface EvidenceRow {
  id: string;
  catalogue_id: string;
  control_id: string;
  kind: 'note' | 'file' | 'link';
  title: string;
  body: string;
  url: string | null;
  blob_id: string | null;
  added_at: string;
  check_run_id: string | null;
}

interface CheckRunRow {
  id: string;
  check_id: string;
  target: string;
  status: LiveCheckResult['outcome'];
  summary: string;
  started_at: string;
}

const OUTCOMES = new Set(['pass', 'fail', 'warn', 'could-not-verify', 'error']);

/** First sentence (or the first 240 characters) of a text, for the summary of a top risk. */
function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = /^.{20,240}?[.!?](?=\s|$)/.exec(t);
  return m ? m[0] : t.length > 240 ? `${t.slice(0, 239)}…` : t;
}

async function evidenceItems(ws: Workspace, assessmentId: string): Promise<EvidenceItem[]> {
  const rows = ws.query<EvidenceRow>(
    `SELECT id, catalogue_id, control_id, kind, title, body, url, blob_id, added_at, check_run_id FROM evidence
     WHERE assessment_id = ? AND removed_at IS NULL ORDER BY catalogue_id, control_id, added_at, id`,
    [assessmentId],
  );
  const out: EvidenceItem[] = [];
  for (const [i, r] of rows.entries()) {
    // The hash of the attached bytes, so a reader can match the file they were given.
    const sha256 = r.blob_id
      ? createHash('sha256')
          .update(await ws.getBlob(r.blob_id))
          .digest('hex')
      : null;
    out.push({
      id: `E-${String(i + 1).padStart(3, '0')}`,
      title: r.title,
      kind: r.check_run_id ? 'live-check' : r.kind,
      control: `${r.catalogue_id} ${r.control_id}`,
      collectedAt: r.added_at,
      sha256,
      description: r.kind === 'link' ? (r.url ?? '') : r.body.length > 400 ? `${r.body.slice(0, 399)}…` : r.body,
    });
  }
  return out;
}

function liveChecks(ws: Workspace, assessmentId: string): LiveCheckResult[] {
  return ws
    .query<CheckRunRow>(
      'SELECT id, check_id, target, status, summary, started_at FROM check_runs WHERE assessment_id = ? ORDER BY started_at, id',
      [assessmentId],
    )
    .map((r) => ({
      checkId: r.check_id,
      title: r.check_id,
      host: r.target,
      ranAt: r.started_at,
      outcome: OUTCOMES.has(r.status) ? r.status : 'error',
      observation: r.summary,
    }));
}

export async function engagementModel(ws: Workspace, input: EngagementInput): Promise<EngagementReportModel> {
  const a = assessmentSummary(ws, input.assessmentId);
  const rows = assessmentRows(ws, input.assessmentId);
  const day = input.issuedAt.toISOString().slice(0, 10);
  const views = listFindings(ws, input.assessmentId, day);
  const evidence = await evidenceItems(ws, input.assessmentId);
  const evidenceByControl = groupBy(evidence, (e) => e.control);

  const findings: Finding[] = views.map((f) => ({
    id: f.ref,
    title: f.title,
    severity: f.severity,
    controls: f.controls.map((c) => c.controlId),
    description: f.description || 'No description was recorded.',
    impact:
      `Likelihood ${f.likelihood} of 5, impact ${f.impact} of 5: rated ${SEVERITY_LABELS[f.severity].toLowerCase()}.` +
      (f.severityOverrideReason ? ` The severity was set by hand: ${f.severityOverrideReason}` : '') +
      (f.owner ? ` Owner: ${f.owner}.` : '') +
      (f.dueDate ? ` Due ${f.dueDate}.` : '') +
      (f.status === 'risk-accepted' && f.acceptanceJustification ? ` Risk accepted: ${f.acceptanceJustification}` : ''),
    recommendation: f.remediation || 'No remediation was recorded.',
    status: f.status,
    evidenceIds: f.controls.flatMap((c) => (evidenceByControl.get(`${c.catalogueId} ${c.controlId}`) ?? []).map((e) => e.id)),
  }));

  const partsOf = (r: (typeof rows)[number]) => {
    if (r.status === 'not-assessed') return {};
    const parts = assessedControl(ws, input.assessmentId, r.catalogueId, r.controlId).parts;
    return parts?.length ? { parts: parts.map((p) => ({ title: p.title, text: p.text })) } : {};
  };
  const byCatalogue = groupBy(rows, (r) => r.catalogueId);
  const catalogues: CatalogueResults[] = a.catalogues.map((c) => {
    const cs = byCatalogue.get(c.id) ?? [];
    return {
      catalogueId: c.id,
      title: c.title,
      version: c.version,
      hash: c.hash,
      score: scoreOf(cs).score,
      categories: [...groupBy(cs, (r) => r.category).values()].map((list) => ({
        name: list[0]!.categoryTitle,
        score: scoreOf(list).score,
        controls: list.length,
      })),
      controls: cs.map((r) => ({
        controlId: r.label,
        title: r.title,
        category: r.categoryTitle,
        status: r.status,
        weight: r.weight,
        ...(r.rationale ? { note: r.rationale } : {}),
        ...partsOf(r),
      })),
    };
  });

  const overall = scoreOf(rows);
  const open = views.filter((f) => f.status === 'open' || f.status === 'in-progress');
  const topRisks = [...open]
    .sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] || x.ref.localeCompare(y.ref))
    .filter((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER.medium)
    .slice(0, 5)
    .map((f) => ({
      title: `${f.ref} ${f.title}`,
      severity: f.severity,
      summary: firstSentence(f.description || f.remediation || f.title),
    }));
  const count = (s: FindingSeverity) => open.filter((f) => f.severity === s).length;
  const assessed = rows.filter((r) => r.status !== 'not-assessed').length;
  const overview = [
    `${a.assessor} assessed ${a.client} against ${a.catalogues.map((c) => `${c.title} ${c.version}`).join(', ')}. ` +
      `${assessed} of ${rows.length} controls were assessed: ${overall.met} met, ${overall.partial} partially met, ${overall.notMet} not met and ${overall.notApplicable} not applicable.`,
    overall.score === null
      ? 'No applicable control has been assessed yet, so the report carries no score.'
      : `The weighted score is ${formatScore(overall.score)} out of 100, computed as on the dashboard: met controls count fully, partially met controls half, not met controls nothing, each by its weight; controls not applicable or not yet assessed are left out.`,
    open.length === 0
      ? 'No finding is open.'
      : `${open.length} finding${open.length === 1 ? ' is' : 's are'} open: ${count('critical')} critical, ${count('high')} high, ${count('medium')} medium, ${count('low')} low and ${count('info')} informational.`,
  ].join('\n\n');

  const assessor: Person = { name: a.assessor, organisation: input.organisation ?? a.assessor, role: 'Assessor' };
  const signer = input.signer ?? assessor;
  return {
    kind: 'engagement',
    reportId: reportIdFor('engagement', a.id, input.issuedAt),
    title: a.name,
    classification: input.classification,
    ...(a.state === 'final' ? {} : { draftState: a.state }),
    client: { name: a.client },
    scope: a.scope || '—',
    period: { from: a.periodStart ?? a.createdAt, to: a.periodEnd ?? day },
    assessor,
    executiveSummary: { overview, overallScore: overall.score, topRisks },
    methodology: METHODOLOGY,
    findings,
    catalogues,
    appendix: { evidence, liveChecks: liveChecks(ws, input.assessmentId) },
    signOff: {
      signer,
      reason: input.reason ?? 'Assessment report approved for issue',
      location: input.location ?? 'Attest',
      statement:
        `This report records the state of the assessment "${a.name}" (${a.state}) as it stood at the issue time below. ` +
        'The signer confirms that the results, findings and evidence listed here are those recorded in the workspace.',
    },
  };
}
