// Many rows in one step: the status (and optionally the rationale) of many controls, or
// the status, owner or due date of many findings, in one commit. Each answers with what
// the rows were before, so one call with those values takes the whole step back (Undo).
import type { AssessmentRow } from '../../contract/assessment';
import type { ControlStatus, FindingStatus } from '../../contract/vocabulary';
import { AttestError } from '../errors';
import type { Statement, Workspace } from '../workspace';
import { assertEditable, assessmentRows } from './assessments';
import { assertFindingEditable } from './findings';

const key = (c: { catalogueId: string; controlId: string }) => `${c.catalogueId}\u0000${c.controlId}`;

export interface ResultChange {
  catalogueId: string;
  controlId: string;
  status: ControlStatus;
  /** Absent: the control keeps its rationale. */
  rationale?: string | undefined;
}

export interface PreviousResult {
  catalogueId: string;
  controlId: string;
  status: ControlStatus;
  rationale: string;
}

export async function setResults(
  ws: Workspace,
  assessmentId: string,
  changes: ResultChange[],
  actor: string,
): Promise<{ rows: AssessmentRow[]; previous: PreviousResult[] }> {
  assertEditable(ws, assessmentId);
  const rows = new Map(assessmentRows(ws, assessmentId).map((r) => [key(r), r]));
  const unique = [...new Map(changes.map((c) => [key(c), c])).values()];
  const at = ws.now().toISOString();
  const previous: PreviousResult[] = [];
  const statements: Statement[] = [];
  for (const c of unique) {
    const row = rows.get(key(c));
    if (!row)
      throw new AttestError(
        'CONTROL_NOT_FOUND',
        `Assessment "${assessmentId}" has no control ${c.controlId} in catalogue "${c.catalogueId}"; nothing was changed.`,
      );
    const rationale = c.rationale ?? row.rationale;
    if (c.status === 'not-applicable' && !rationale.trim()) {
      throw new AttestError(
        'JUSTIFICATION_REQUIRED',
        `Not applicable needs a justification, and ${row.label} has none; nothing was changed.`,
      );
    }
    previous.push({ catalogueId: c.catalogueId, controlId: c.controlId, status: row.status, rationale: row.rationale });
    statements.push(
      c.status === 'not-assessed'
        ? {
            sql: 'DELETE FROM results WHERE assessment_id = ? AND catalogue_id = ? AND control_id = ?',
            params: [assessmentId, c.catalogueId, c.controlId],
          }
        : {
            sql: `INSERT INTO results (assessment_id, catalogue_id, control_id, status, rationale, updated_at, updated_by)
                  VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (assessment_id, catalogue_id, control_id)
                  DO UPDATE SET status = excluded.status, rationale = excluded.rationale,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by, carried_from = NULL`,
            params: [assessmentId, c.catalogueId, c.controlId, c.status, rationale, at, actor],
          },
    );
  }
  if (unique.length === 0) return { rows: [], previous: [] };
  statements.push({ sql: 'UPDATE assessments SET updated_at = ? WHERE id = ?', params: [at, assessmentId] });
  const statuses = [...new Set(unique.map((c) => c.status))].join(', ');
  const labels = unique
    .slice(0, 20)
    .map((c) => rows.get(key(c))!.label)
    .join(', ');
  await ws.commit({
    actor,
    action: 'result.bulk',
    entity: `assessment:${assessmentId} ${unique.length} control${unique.length === 1 ? '' : 's'} → ${statuses}: ${labels}${unique.length > 20 ? ', …' : ''}`,
    statements,
  });
  const after = new Map(assessmentRows(ws, assessmentId).map((r) => [key(r), r]));
  return { rows: unique.map((c) => after.get(key(c))!), previous };
}

export interface FindingChange {
  id: string;
  status?: FindingStatus | undefined;
  owner?: string | undefined;
  dueDate?: string | null | undefined;
}

export interface PreviousFinding {
  id: string;
  status: FindingStatus;
  owner: string;
  dueDate: string | null;
}

interface Row {
  id: string;
  assessment_id: string | null;
  vendor_id: string | null;
  ref: number;
  status: FindingStatus;
  owner: string;
  due_date: string | null;
  acceptance_justification: string | null;
  acceptance_expires: string | null;
  removed_at: string | null;
}

/** Sets status, owner or due date on many findings (of assessments or vendors) in one commit. */
export async function updateFindings(
  ws: Workspace,
  changes: FindingChange[],
  actor: string,
): Promise<{ ids: string[]; previous: PreviousFinding[] }> {
  const unique = [...new Map(changes.map((c) => [c.id, c])).values()];
  const previous: PreviousFinding[] = [];
  const statements: Statement[] = [];
  const at = ws.now().toISOString();
  for (const c of unique) {
    const r = ws.query<Row>(
      'SELECT id, assessment_id, vendor_id, ref, status, owner, due_date, acceptance_justification, acceptance_expires, removed_at FROM findings WHERE id = ?',
      [c.id],
    )[0];
    if (!r || r.removed_at) throw new AttestError('FINDING_NOT_FOUND', `There is no finding "${c.id}"; nothing was changed.`);
    assertFindingEditable(ws, r);
    if (c.status === 'risk-accepted' && r.status !== 'risk-accepted' && (!r.acceptance_justification || !r.acceptance_expires)) {
      throw new AttestError(
        'JUSTIFICATION_REQUIRED',
        'Accepting a risk needs a justification and an expiry for each finding: accept them one at a time; nothing was changed.',
      );
    }
    previous.push({ id: r.id, status: r.status, owner: r.owner, dueDate: r.due_date });
    statements.push({
      sql: 'UPDATE findings SET status = ?, owner = ?, due_date = ?, updated_at = ?, updated_by = ? WHERE id = ?',
      params: [c.status ?? r.status, c.owner ?? r.owner, c.dueDate === undefined ? r.due_date : c.dueDate, at, actor, r.id],
    });
  }
  if (unique.length === 0) return { ids: [], previous: [] };
  const what = [
    ...new Set(
      unique.flatMap((c) => [
        c.status !== undefined ? `status ${c.status}` : null,
        c.owner !== undefined ? 'owner' : null,
        c.dueDate !== undefined ? 'due date' : null,
      ]),
    ),
  ]
    .filter(Boolean)
    .join(', ');
  await ws.commit({
    actor,
    action: 'finding.bulk',
    entity: `findings: ${unique.length} changed (${what}): ${unique
      .slice(0, 20)
      .map((c) => `finding:${c.id}`)
      .join(' ')}${unique.length > 20 ? ' …' : ''}`,
    statements,
  });
  return { ids: unique.map((c) => c.id), previous };
}
