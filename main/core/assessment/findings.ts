// Findings of an assessment: severity from likelihood × impact (or overridden with a
// reason), owner, due date, remediation and a status workflow in which accepting a risk
// needs a justification and an expiry. Removal is soft, so it can be undone.
// The findings table also holds vendor findings (vendor_id set, assessment_id null; raised
// from questionnaires in main/core/questionnaire/followups.ts). They are read, changed,
// removed and restored here under the same rules; a vendor removed from the registry
// holds its findings read-only, as a final assessment does.
import { todayOf } from '../time/clock';
import type { FindingFields, FindingSeverity, FindingView } from '../../contract/assessment';
import { AttestError } from '../errors';
import type { SqlValue, Statement, Workspace } from '../workspace';
import { assertEditable, assessedControl, assessmentCatalogues, assessmentRow } from './assessments';
import { newId } from '../ids';
import { activeVendor } from '../vendor/vendor-record';
import type { FindingSubjects } from '../../contract/vocabulary';
import { RATINGS_FOR_SEVERITY, SEVERITY_ORDER, severityFor } from './severity';

interface FindingDbRow {
  id: string;
  assessment_id: string | null;
  vendor_id: string | null;
  questionnaire_id: string | null;
  /** joined from vendors for a vendor finding */
  vendor_name?: string | null;
  ref: number;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  severity: FindingSeverity;
  severity_override_reason: string | null;
  owner: string;
  due_date: string | null;
  remediation: string;
  status: FindingView['status'];
  acceptance_justification: string | null;
  acceptance_expires: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  removed_at: string | null;
}

/** Open work past its due date, or a risk acceptance that has lapsed. */
export function isOverdue(f: Pick<FindingDbRow, 'status' | 'due_date' | 'acceptance_expires'>, day: string): boolean {
  if ((f.status === 'open' || f.status === 'in-progress') && f.due_date) return f.due_date < day;
  if (f.status === 'risk-accepted' && f.acceptance_expires) return f.acceptance_expires < day;
  return false;
}

type TitleOf = (assessmentId: string | null, catalogueId: string, controlId: string) => string;

/** A control's title in the workspace's catalogues (a vendor finding's controls are not in a snapshot). */
function catalogueTitle(ws: Workspace, catalogueId: string, controlId: string): string | undefined {
  return ws.query<{ title: string }>(
    'SELECT t.title FROM controls c JOIN controls_fts t ON t.docid = c.docid WHERE c.catalogue_id = ? AND c.control_id = ?',
    [catalogueId, controlId],
  )[0]?.title;
}

/** Control titles from the assessments' snapshots, read once per listing, not once per linked control. */
function titleLookup(ws: Workspace): TitleOf {
  const byAssessment = new Map<string, Map<string, string>>();
  return (assessmentId, catalogueId, controlId) => {
    if (assessmentId === null) return catalogueTitle(ws, catalogueId, controlId) ?? controlId;
    let titles = byAssessment.get(assessmentId);
    if (!titles) {
      titles = new Map(
        assessmentCatalogues(ws, assessmentId).flatMap(({ catalogue }) =>
          catalogue.controls.map((c) => [`${catalogue.id}\u0000${c.id}`, c.title] as const),
        ),
      );
      byAssessment.set(assessmentId, titles);
    }
    // A control no longer in the assessment's snapshots shows its id.
    return titles.get(`${catalogueId}\u0000${controlId}`) ?? controlId;
  };
}

function toView(ws: Workspace, r: FindingDbRow, day: string, titleOf: TitleOf = titleLookup(ws)): FindingView {
  const controls = ws
    .query<{ catalogue_id: string; control_id: string }>(
      'SELECT catalogue_id, control_id FROM finding_controls WHERE finding_id = ? ORDER BY catalogue_id, control_id',
      [r.id],
    )
    .map((c) => ({ catalogueId: c.catalogue_id, controlId: c.control_id, title: titleOf(r.assessment_id, c.catalogue_id, c.control_id) }));
  return {
    id: r.id,
    ref: `${r.vendor_id ? 'V' : 'F'}-${String(r.ref).padStart(3, '0')}`,
    assessmentId: r.assessment_id,
    vendorId: r.vendor_id,
    vendorName: r.vendor_id ? (r.vendor_name ?? null) : null,
    questionnaireId: r.questionnaire_id,
    title: r.title,
    description: r.description,
    likelihood: Number(r.likelihood),
    impact: Number(r.impact),
    computedSeverity: severityFor(Number(r.likelihood), Number(r.impact)),
    severity: r.severity,
    severityOverrideReason: r.severity_override_reason,
    owner: r.owner,
    dueDate: r.due_date,
    remediation: r.remediation,
    status: r.status,
    acceptanceJustification: r.acceptance_justification,
    acceptanceExpires: r.acceptance_expires,
    controls,
    overdue: isOverdue(r, day),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

const SELECT_FINDINGS = 'SELECT f.*, v.name AS vendor_name FROM findings f LEFT JOIN vendors v ON v.id = f.vendor_id';

function dbRow(ws: Workspace, id: string): FindingDbRow {
  const r = ws.query<FindingDbRow>(`${SELECT_FINDINGS} WHERE f.id = ?`, [id])[0];
  if (!r) throw new AttestError('FINDING_NOT_FOUND', `There is no finding "${id}".`);
  return r;
}

/** A finding may change while its assessment is not final, or its vendor is in the registry. */
export function assertFindingEditable(ws: Workspace, r: Pick<FindingDbRow, 'assessment_id' | 'vendor_id'>): void {
  if (r.assessment_id) assertEditable(ws, r.assessment_id);
  else if (r.vendor_id) activeVendor(ws, r.vendor_id);
}

export function getFinding(ws: Workspace, id: string, day = todayOf(ws)): FindingView {
  return toView(ws, dbRow(ws, id), day);
}

/** Whose findings a list holds: one assessment, one vendor, or every assessment and/or vendor. */
export interface FindingScope {
  assessmentId?: string | undefined;
  vendorId?: string | undefined;
  subjects?: FindingSubjects | undefined;
}

function scopeWhere(scope: FindingScope): { where: string; params: string[] } {
  if (scope.assessmentId) return { where: 'f.assessment_id = ?', params: [scope.assessmentId] };
  if (scope.vendorId) return { where: 'f.vendor_id = ?', params: [scope.vendorId] };
  // Across vendors: those removed from the registry are left out, as in the registry's list.
  const vendors = 'f.vendor_id IS NOT NULL AND v.removed_at IS NULL';
  const subjects = scope.subjects ?? 'assessments';
  if (subjects === 'vendors') return { where: vendors, params: [] };
  if (subjects === 'all') return { where: `(f.assessment_id IS NOT NULL OR (${vendors}))`, params: [] };
  return { where: 'f.assessment_id IS NOT NULL', params: [] };
}

export function findingsInScope(ws: Workspace, scope: FindingScope, day = todayOf(ws)): FindingView[] {
  const { where, params } = scopeWhere(scope);
  const rows = ws.query<FindingDbRow>(`${SELECT_FINDINGS} WHERE f.removed_at IS NULL AND ${where} ORDER BY f.created_at, f.ref`, params);
  const titleOf = titleLookup(ws);
  return rows
    .map((r) => toView(ws, r, day, titleOf))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.vendorName ?? '').localeCompare(b.vendorName ?? '') ||
        a.ref.localeCompare(b.ref),
    );
}

/** An assessment's findings (or, without one, every assessment's). */
export function listFindings(ws: Workspace, assessmentId: string | undefined, day = todayOf(ws)): FindingView[] {
  return findingsInScope(ws, { assessmentId, subjects: 'assessments' }, day);
}

export function findingsForControl(ws: Workspace, assessmentId: string, catalogueId: string, controlId: string): FindingView[] {
  const titleOf = titleLookup(ws);
  return ws
    .query<FindingDbRow>(
      `SELECT f.* FROM findings f JOIN finding_controls fc ON fc.finding_id = f.id
       WHERE f.assessment_id = ? AND fc.catalogue_id = ? AND fc.control_id = ? AND f.removed_at IS NULL ORDER BY f.ref`,
      [assessmentId, catalogueId, controlId],
    )
    .map((r) => toView(ws, r, todayOf(ws), titleOf));
}

/** Applies the rules a finding must satisfy and returns the severity to store. */
function checked(f: FindingFields): { severity: FindingSeverity; overrideReason: string | null } {
  const computed = severityFor(f.likelihood, f.impact);
  let overrideReason: string | null = null;
  if (f.severityOverride && f.severityOverride !== computed) {
    overrideReason = f.severityOverrideReason?.trim() || null;
    if (!overrideReason) {
      throw new AttestError('REASON_REQUIRED', `Overriding the severity (${computed} from likelihood × impact) needs a reason.`);
    }
  }
  if (f.status === 'risk-accepted') {
    if (!f.acceptanceJustification?.trim()) throw new AttestError('JUSTIFICATION_REQUIRED', 'Accepting a risk needs a justification.');
    if (!f.acceptanceExpires)
      throw new AttestError('EXPIRY_REQUIRED', 'Accepting a risk needs an expiry date, after which it is reviewed again.');
  }
  return { severity: f.severityOverride ?? computed, overrideReason };
}

/** The finding's controls: of the assessment's snapshots, or (a vendor finding) of the workspace's catalogues. */
function controlStatements(ws: Workspace, assessmentId: string | null, findingId: string, f: FindingFields): Statement[] {
  const unique = new Map(f.controls.map((c) => [`${c.catalogueId}\u0000${c.controlId}`, c]));
  for (const c of unique.values()) {
    if (assessmentId) assessedControl(ws, assessmentId, c.catalogueId, c.controlId);
    else if (catalogueTitle(ws, c.catalogueId, c.controlId) === undefined)
      throw new AttestError('CONTROL_NOT_FOUND', `No catalogue in this workspace has control ${c.catalogueId} ${c.controlId}.`);
  }
  return [
    { sql: 'DELETE FROM finding_controls WHERE finding_id = ?', params: [findingId] },
    ...[...unique.values()].map((c) => ({
      sql: 'INSERT INTO finding_controls (finding_id, catalogue_id, control_id) VALUES (?, ?, ?)',
      params: [findingId, c.catalogueId, c.controlId],
    })),
  ];
}

/** The columns the finding form sets, with their values: one list serves create and update. */
function formColumns(f: FindingFields): [string, SqlValue][] {
  const { severity, overrideReason } = checked(f);
  const accepted = f.status === 'risk-accepted';
  return [
    ['title', f.title],
    ['description', f.description],
    ['likelihood', f.likelihood],
    ['impact', f.impact],
    ['severity', severity],
    ['severity_override_reason', overrideReason],
    ['owner', f.owner],
    ['due_date', f.dueDate],
    ['remediation', f.remediation],
    ['status', f.status],
    ['acceptance_justification', accepted ? f.acceptanceJustification!.trim() : null],
    ['acceptance_expires', accepted ? f.acceptanceExpires : null],
  ];
}

export async function createFinding(ws: Workspace, assessmentId: string, f: FindingFields, actor: string): Promise<FindingView> {
  assertEditable(ws, assessmentId);
  const form = formColumns(f);
  const id = newId('fnd');
  const ref =
    Number(ws.query<{ n: number | null }>('SELECT max(ref) AS n FROM findings WHERE assessment_id = ?', [assessmentId])[0]?.n ?? 0) + 1;
  const at = ws.now().toISOString();
  await ws.commit({
    actor,
    action: 'finding.create',
    entity: `finding:${id}`,
    statements: [
      {
        sql: `INSERT INTO findings (id, assessment_id, ref, ${form.map(([c]) => c).join(', ')}, created_at, created_by, updated_at, updated_by)
              VALUES (?, ?, ?, ${form.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
        params: [id, assessmentId, ref, ...form.map(([, v]) => v), at, actor, at, actor],
      },
      ...controlStatements(ws, assessmentId, id, f),
    ],
  });
  return getFinding(ws, id);
}

export async function updateFinding(ws: Workspace, id: string, f: FindingFields, actor: string): Promise<FindingView> {
  const current = dbRow(ws, id);
  if (current.removed_at) throw new AttestError('FINDING_NOT_FOUND', 'This finding was removed; restore it first.');
  assertFindingEditable(ws, current);
  const form = formColumns(f);
  await ws.commit({
    actor,
    action: current.status === f.status ? 'finding.update' : `finding.status.${f.status}`,
    entity: findingEntity(current),
    statements: [
      {
        sql: `UPDATE findings SET ${form.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`,
        params: [...form.map(([, v]) => v), ws.now().toISOString(), actor, id],
      },
      ...controlStatements(ws, current.assessment_id, id, f),
    ],
  });
  return getFinding(ws, id);
}

/** One action from a not-met (or partially met) control to a finding, prefilled from it (never the remediation). */
export async function findingFromControl(ws: Workspace, assessmentId: string, catalogueId: string, controlId: string, actor: string) {
  const row = assessmentRow(ws, assessmentId, catalogueId, controlId);
  if (row.status !== 'not-met' && row.status !== 'partial') {
    throw new AttestError(
      'CONTROL_NOT_FAILED',
      `Only a control assessed not met or partially met becomes a finding; ${row.label} is ${row.status.replace('-', ' ')}.`,
    );
  }
  const control = assessedControl(ws, assessmentId, catalogueId, controlId);
  const ratings = RATINGS_FOR_SEVERITY[control.severity ?? 'medium'];
  const adjust = row.status === 'partial' ? Math.max(1, ratings.likelihood - 1) : ratings.likelihood;
  return createFinding(
    ws,
    assessmentId,
    {
      title: `${row.status === 'partial' ? 'Partially met' : 'Not met'}: ${control.title}`,
      description: [control.statement, row.rationale ? `Assessor: ${row.rationale}` : ''].filter(Boolean).join('\n\n'),
      likelihood: adjust,
      impact: ratings.impact,
      severityOverride: null,
      severityOverrideReason: null,
      owner: '',
      dueDate: null,
      // Empty: the control's guidance is written for the assessor, not advice to the client.
      // The editor shows it beside the field as a reference.
      remediation: '',
      status: 'open',
      acceptanceJustification: null,
      acceptanceExpires: null,
      controls: [{ catalogueId, controlId }],
    },
    actor,
  );
}

/** The audit entry's entity: the finding, and for a vendor finding its vendor. */
const findingEntity = (r: Pick<FindingDbRow, 'id' | 'vendor_id'>) => `finding:${r.id}${r.vendor_id ? ` vendor:${r.vendor_id}` : ''}`;

async function setRemoved(ws: Workspace, id: string, removed: boolean, actor: string): Promise<void> {
  const r = dbRow(ws, id);
  assertFindingEditable(ws, r);
  await ws.commit({
    actor,
    action: removed ? 'finding.remove' : 'finding.restore',
    entity: findingEntity(r),
    statements: [{ sql: 'UPDATE findings SET removed_at = ? WHERE id = ?', params: [removed ? ws.now().toISOString() : null, id] }],
  });
}

export const removeFinding = (ws: Workspace, id: string, actor: string) => setRemoved(ws, id, true, actor);
export async function restoreFinding(ws: Workspace, id: string, actor: string): Promise<FindingView> {
  await setRemoved(ws, id, false, actor);
  return getFinding(ws, id);
}
