// Assessments: a scope assessed against snapshotted catalogues, one result per control,
// moving draft → in review → final. A final assessment is read-only; reopening it is a
// recorded act with a reason.
import type { AssessmentRow, AssessmentState, AssessmentSummary, ControlStatus } from '../../contract/assessment';
import { findControl, getCatalogue, snapshot } from '../catalog/library';
import type { Catalogue } from '../catalog/schema';
import { AttestError } from '../errors';
import type { ReadOnlyView, SqlValue, Statement, Workspace } from '../workspace';
import { newId } from '../ids';

export interface AssessmentFields {
  name: string;
  client: string;
  scope: string;
  periodStart: string | null;
  periodEnd: string | null;
  assessor: string;
}

interface AssessmentDbRow {
  id: string;
  name: string;
  client: string;
  scope: string;
  period_start: string | null;
  period_end: string | null;
  assessor: string;
  state: AssessmentState;
  created_at: string;
  updated_at: string;
}

/** The audit entity of one control's result and evidence, so its history is one query. */
export const controlEntity = (assessmentId: string, catalogueId: string, controlId: string) =>
  `control:${assessmentId}/${catalogueId}/${controlId}`;

export function assessmentCatalogues(ws: Workspace, assessmentId: string): { catalogue: Catalogue; hash: string }[] {
  return ws
    .query<{ snapshot_hash: string }>('SELECT snapshot_hash FROM assessment_catalogues WHERE assessment_id = ? ORDER BY position', [
      assessmentId,
    ])
    .map((r) => ({ catalogue: snapshot(ws, r.snapshot_hash), hash: r.snapshot_hash }));
}

/** A withdrawn control has nothing to assess: it is left out unless a result was already recorded for it. */
const isWithdrawn = (c: Catalogue['controls'][number]) => c.tags.includes('withdrawn');

function dbRow(ws: ReadOnlyView, id: string): AssessmentDbRow {
  const row = ws.query<AssessmentDbRow>('SELECT * FROM assessments WHERE id = ?', [id])[0];
  if (!row) throw new AttestError('ASSESSMENT_NOT_FOUND', `There is no assessment "${id}" in this workspace.`);
  return row;
}

export function assessmentSummary(ws: Workspace, id: string): AssessmentSummary {
  const a = dbRow(ws, id);
  const cats = assessmentCatalogues(ws, id);
  const recorded = cats.some((c) => c.catalogue.controls.some(isWithdrawn))
    ? new Set(
        ws
          .query<{ k: string }>('SELECT catalogue_id || char(0) || control_id AS k FROM results WHERE assessment_id = ?', [id])
          .map((r) => r.k),
      )
    : new Set<string>();
  const total = cats.reduce(
    (n, c) => n + c.catalogue.controls.filter((k) => !isWithdrawn(k) || recorded.has(key(c.catalogue.id, k.id))).length,
    0,
  );
  const assessed = Number(ws.query<{ n: number }>('SELECT count(*) AS n FROM results WHERE assessment_id = ?', [id])[0]?.n ?? 0);
  const openFindings = Number(
    ws.query<{ n: number }>(
      `SELECT count(*) AS n FROM findings WHERE assessment_id = ? AND removed_at IS NULL AND status IN ('open', 'in-progress')`,
      [id],
    )[0]?.n ?? 0,
  );
  return {
    id: a.id,
    name: a.name,
    client: a.client,
    scope: a.scope,
    periodStart: a.period_start,
    periodEnd: a.period_end,
    assessor: a.assessor,
    state: a.state,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    catalogues: cats.map((c) => ({ id: c.catalogue.id, title: c.catalogue.title, version: c.catalogue.version, hash: c.hash })),
    total,
    assessed,
    openFindings,
  };
}

export function listAssessments(ws: Workspace): AssessmentSummary[] {
  return ws.query<{ id: string }>('SELECT id FROM assessments ORDER BY created_at DESC, id').map((r) => assessmentSummary(ws, r.id));
}

function checkPeriod(f: AssessmentFields): void {
  if (f.periodStart && f.periodEnd && f.periodEnd < f.periodStart) {
    throw new AttestError('INVALID_PERIOD', 'The period ends before it starts.');
  }
}

export async function createAssessment(
  ws: Workspace,
  f: AssessmentFields,
  catalogueIds: string[],
  actor: string,
  carryFrom?: string,
): Promise<AssessmentSummary> {
  checkPeriod(f);
  if (carryFrom) dbRow(ws, carryFrom); // a clear error for an unknown one
  const unique = [...new Set(catalogueIds)];
  const hashes = unique.map((cid) => {
    getCatalogue(ws, cid); // throws a clear error for an unknown id
    return ws.query<{ hash: string }>('SELECT hash FROM catalogues WHERE id = ?', [cid])[0]!.hash;
  });
  const id = newId('asm');
  const at = ws.now().toISOString();
  const statements: Statement[] = [
    {
      sql: `INSERT INTO assessments (id, name, client, scope, period_start, period_end, assessor, state, created_at, created_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
      params: [id, f.name, f.client, f.scope, f.periodStart, f.periodEnd, f.assessor, at, actor, at],
    },
    ...unique.map((cid, i) => ({
      sql: 'INSERT INTO assessment_catalogues (assessment_id, catalogue_id, snapshot_hash, position) VALUES (?, ?, ?, ?)',
      params: [id, cid, hashes[i]!, i],
    })),
  ];
  if (carryFrom) statements.push(...carryStatements(ws, carryFrom, id, unique, hashes, at, actor));
  await ws.commit({
    actor,
    action: 'assessment.create',
    entity: carryFrom ? `assessment:${id} carried forward from assessment:${carryFrom}` : `assessment:${id}`,
    statements,
  });
  return assessmentSummary(ws, id);
}

/**
 * The earlier assessment's results for the controls the new one covers (same catalogue,
 * a control still in its new snapshot), each marked carried forward until it is set again.
 */
function carryStatements(
  ws: Workspace,
  fromId: string,
  toId: string,
  catalogueIds: string[],
  hashes: string[],
  at: string,
  actor: string,
): Statement[] {
  const present = new Set(catalogueIds.flatMap((cid, i) => snapshot(ws, hashes[i]!).controls.map((c) => key(cid, c.id))));
  return ws
    .query<{ catalogue_id: string; control_id: string; status: string; rationale: string }>(
      'SELECT catalogue_id, control_id, status, rationale FROM results WHERE assessment_id = ? ORDER BY catalogue_id, control_id',
      [fromId],
    )
    .filter((r) => present.has(key(r.catalogue_id, r.control_id)))
    .map((r) => ({
      sql: `INSERT INTO results (assessment_id, catalogue_id, control_id, status, rationale, updated_at, updated_by, carried_from)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [toId, r.catalogue_id, r.control_id, r.status, r.rationale, at, actor, fromId],
    }));
}

/** Throws unless the assessment may be changed (it exists and is not final). */
export function assertEditable(read: ReadOnlyView, assessmentId: string): void {
  if (dbRow(read, assessmentId).state === 'final') {
    throw new AttestError('ASSESSMENT_FINAL', 'This assessment is final and read-only. Reopen it (with a reason) to change it.');
  }
}

/**
 * assertEditable as a commit precondition: checked inside the commit queue, so a change
 * queued behind the one that finalises the assessment is refused, not written.
 */
export const whileEditable =
  (assessmentId: string) =>
  (read: ReadOnlyView): void =>
    assertEditable(read, assessmentId);

export async function updateAssessment(ws: Workspace, id: string, f: AssessmentFields, actor: string): Promise<AssessmentSummary> {
  checkPeriod(f);
  await ws.commit({
    actor,
    action: 'assessment.update',
    entity: `assessment:${id}`,
    precondition: whileEditable(id),
    statements: [
      {
        sql: `UPDATE assessments SET name = ?, client = ?, scope = ?, period_start = ?, period_end = ?, assessor = ?, updated_at = ? WHERE id = ?`,
        params: [f.name, f.client, f.scope, f.periodStart, f.periodEnd, f.assessor, ws.now().toISOString(), id],
      },
    ],
  });
  return assessmentSummary(ws, id);
}

const NEXT_STATES: Record<AssessmentState, AssessmentState[]> = {
  draft: ['review'],
  review: ['draft', 'final'],
  final: ['review', 'draft'],
};

export async function setAssessmentState(
  ws: Workspace,
  id: string,
  state: AssessmentState,
  reason: string | undefined,
  actor: string,
  /** Run before a move to final: throws to refuse it, or returns the gaps the user acknowledged (readiness.ts). */
  finaliseCheck: () => string | null = () => null,
): Promise<AssessmentSummary> {
  const current = dbRow(ws, id).state;
  if (current === state) return assessmentSummary(ws, id);
  if (!NEXT_STATES[current].includes(state)) {
    throw new AttestError(
      'INVALID_STATE_CHANGE',
      `An assessment moves draft → in review → final; it cannot go from ${current} to ${state}.`,
    );
  }
  const reopening = current === 'final';
  if (reopening && !reason?.trim()) {
    throw new AttestError('REASON_REQUIRED', 'Reopening a final assessment needs a reason; it is recorded in the audit log.');
  }
  const accepted = state === 'final' ? finaliseCheck() : null;
  const action = reopening ? 'assessment.reopen' : `assessment.${state}`;
  await ws.commit({
    actor,
    action,
    // The reason (or the gaps acknowledged) becomes part of the audited entity, so the log itself says why.
    entity: reopening
      ? `assessment:${id} reason: ${reason!.trim().slice(0, 500)}`
      : accepted
        ? `assessment:${id} finalised incomplete: ${accepted}`
        : `assessment:${id}`,
    statements: [{ sql: 'UPDATE assessments SET state = ?, updated_at = ? WHERE id = ?', params: [state, ws.now().toISOString(), id] }],
  });
  return assessmentSummary(ws, id);
}

interface ResultDbRow {
  catalogue_id: string;
  control_id: string;
  status: ControlStatus;
  rationale: string;
  updated_at: string;
  updated_by: string;
  carried_from: string | null;
}

const key = (catalogueId: string, controlId: string) => `${catalogueId}\u0000${controlId}`;

function countsBy(ws: Workspace, sql: string, params: SqlValue[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of ws.query<{ catalogue_id: string; control_id: string; n: number }>(sql, params)) {
    m.set(key(r.catalogue_id, r.control_id), Number(r.n));
  }
  return m;
}

/** Every control of the assessment, in catalogue order, with its result and counts. */
export function assessmentRows(ws: Workspace, assessmentId: string, only?: { catalogueId: string; controlId: string }): AssessmentRow[] {
  dbRow(ws, assessmentId);
  // For one row (after every status key press) read only that control's data.
  const where = (alias: string) => (only ? ` AND ${alias}catalogue_id = ? AND ${alias}control_id = ?` : '');
  const params: SqlValue[] = only ? [assessmentId, only.catalogueId, only.controlId] : [assessmentId];
  const results = new Map<string, ResultDbRow>();
  for (const r of ws.query<ResultDbRow>(
    `SELECT catalogue_id, control_id, status, rationale, updated_at, updated_by, carried_from FROM results WHERE assessment_id = ?${where('')}`,
    params,
  )) {
    results.set(key(r.catalogue_id, r.control_id), r);
  }
  const evidence = countsBy(
    ws,
    `SELECT catalogue_id, control_id, count(*) AS n FROM evidence WHERE assessment_id = ? AND removed_at IS NULL${where('')} GROUP BY 1, 2`,
    params,
  );
  const findings = countsBy(
    ws,
    `SELECT fc.catalogue_id, fc.control_id, count(*) AS n FROM finding_controls fc JOIN findings f ON f.id = fc.finding_id
     WHERE f.assessment_id = ? AND f.removed_at IS NULL${where('fc.')} GROUP BY 1, 2`,
    params,
  );
  const rows: AssessmentRow[] = [];
  for (const { catalogue } of assessmentCatalogues(ws, assessmentId)) {
    if (only && only.catalogueId !== catalogue.id) continue;
    const categories = new Map(catalogue.categories.map((c) => [c.id, c.title]));
    for (const c of catalogue.controls) {
      if (only && only.controlId !== c.id) continue;
      const k = key(catalogue.id, c.id);
      const r = results.get(k);
      if (!r && isWithdrawn(c)) continue;
      rows.push({
        catalogueId: catalogue.id,
        controlId: c.id,
        label: c.label ?? c.id,
        title: c.title,
        category: c.category,
        categoryTitle: categories.get(c.category) ?? c.category,
        weight: c.weight ?? 1,
        status: r?.status ?? 'not-assessed',
        rationale: r?.rationale ?? '',
        evidenceCount: evidence.get(k) ?? 0,
        findingCount: findings.get(k) ?? 0,
        updatedAt: r?.updated_at ?? null,
        updatedBy: r?.updated_by ?? null,
        carriedForward: !!r?.carried_from,
      });
    }
  }
  return rows;
}

/** The control as the assessment's snapshot has it (not the catalogue's current version). */
export function assessedControl(ws: Workspace, assessmentId: string, catalogueId: string, controlId: string) {
  const entry = assessmentCatalogues(ws, assessmentId).find((c) => c.catalogue.id === catalogueId);
  if (!entry) throw new AttestError('CONTROL_NOT_FOUND', `Assessment "${assessmentId}" does not cover catalogue "${catalogueId}".`);
  return findControl(entry.catalogue, controlId);
}

export function assessmentRow(ws: Workspace, assessmentId: string, catalogueId: string, controlId: string): AssessmentRow {
  assessedControl(ws, assessmentId, catalogueId, controlId);
  return assessmentRows(ws, assessmentId, { catalogueId, controlId })[0]!;
}

export async function setResult(
  ws: Workspace,
  assessmentId: string,
  catalogueId: string,
  controlId: string,
  status: ControlStatus,
  rationale: string,
  actor: string,
): Promise<AssessmentRow> {
  // Checked here too so a missing or final assessment is named before the control or the
  // justification; the precondition below is what holds when commits race.
  assertEditable(ws, assessmentId);
  assessedControl(ws, assessmentId, catalogueId, controlId);
  if (status === 'not-applicable' && !rationale.trim()) {
    throw new AttestError('JUSTIFICATION_REQUIRED', 'Not applicable needs a justification: say why the control does not apply.');
  }
  const at = ws.now().toISOString();
  const statements: Statement[] =
    status === 'not-assessed'
      ? [
          {
            sql: 'DELETE FROM results WHERE assessment_id = ? AND catalogue_id = ? AND control_id = ?',
            params: [assessmentId, catalogueId, controlId],
          },
        ]
      : [
          {
            sql: `INSERT INTO results (assessment_id, catalogue_id, control_id, status, rationale, updated_at, updated_by)
                  VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (assessment_id, catalogue_id, control_id)
                  DO UPDATE SET status = excluded.status, rationale = excluded.rationale,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by, carried_from = NULL`,
            params: [assessmentId, catalogueId, controlId, status, rationale, at, actor],
          },
        ];
  statements.push({ sql: 'UPDATE assessments SET updated_at = ? WHERE id = ?', params: [at, assessmentId] });
  await ws.commit({
    actor,
    action: `result.${status}`,
    entity: controlEntity(assessmentId, catalogueId, controlId),
    statements,
    precondition: whileEditable(assessmentId),
  });
  return assessmentRow(ws, assessmentId, catalogueId, controlId);
}

export function controlHistory(ws: Workspace, assessmentId: string, catalogueId: string, controlId: string) {
  return ws.query<{ at: string; actor: string; action: string }>(
    'SELECT at, actor, action FROM audit_log WHERE entity = ? ORDER BY seq DESC LIMIT 100',
    [controlEntity(assessmentId, catalogueId, controlId)],
  );
}
