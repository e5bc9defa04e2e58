// Follow-up items of a vendor review become findings of the vendor (the findings table
// holds assessment and vendor findings; exactly one owner each). Refs count per vendor.
import type { VendorFindingView } from '../../contract/questionnaire';
import { newId } from '../ids';
import { SEVERITY_ORDER, severityFor } from '../assessment/severity';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { activeVendor } from '../vendor/vendor-record';
import { expectedText, answerText } from './answers';
import { questionsOf } from '../../contract/visibility';
import { answerMap, listAnswers, questionnaireBody, questionnaireSummary } from './questionnaires';

interface Row {
  id: string;
  vendor_id: string;
  questionnaire_id: string | null;
  ref: number;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  severity: VendorFindingView['severity'];
  owner: string;
  due_date: string | null;
  remediation: string;
  status: VendorFindingView['status'];
  created_at: string;
  created_by: string;
}

function toView(ws: Workspace, r: Row): VendorFindingView {
  const controls = ws
    .query<{ catalogue_id: string; control_id: string }>(
      'SELECT catalogue_id, control_id FROM finding_controls WHERE finding_id = ? ORDER BY catalogue_id, control_id',
      [r.id],
    )
    .map((c) => ({ catalogueId: c.catalogue_id, controlId: c.control_id }));
  return {
    id: r.id,
    ref: `V-${String(r.ref).padStart(3, '0')}`,
    vendorId: r.vendor_id,
    questionnaireId: r.questionnaire_id,
    title: r.title,
    description: r.description,
    likelihood: Number(r.likelihood),
    impact: Number(r.impact),
    severity: r.severity,
    owner: r.owner,
    dueDate: r.due_date,
    remediation: r.remediation,
    status: r.status,
    controls,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function listVendorFindings(ws: Workspace, vendorId: string): VendorFindingView[] {
  return ws
    .query<Row>('SELECT * FROM findings WHERE vendor_id = ? AND removed_at IS NULL ORDER BY ref', [vendorId])
    .map((r) => toView(ws, r))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ref.localeCompare(b.ref));
}

export interface FollowUp {
  questionId?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  likelihood: number;
  impact: number;
  owner: string;
  dueDate: string | null;
}

/** A finding of the questionnaire's vendor; from a question it is prefilled with the answer, the expectation and the mapped controls. */
export async function followUp(ws: Workspace, questionnaireId: string, f: FollowUp, actor: string): Promise<VendorFindingView> {
  const summary = questionnaireSummary(ws, questionnaireId);
  // As an assessment's findings once it is final: a vendor removed from the registry gets none.
  activeVendor(ws, summary.vendorId);
  let title = f.title?.trim() ?? '';
  let description = f.description ?? '';
  let controls: { catalogueId: string; controlId: string }[] = [];
  if (f.questionId) {
    const q = questionsOf(questionnaireBody(ws, questionnaireId)).get(f.questionId);
    if (!q) throw new AttestError('QUESTION_NOT_FOUND', `This questionnaire has no question "${f.questionId}".`);
    const answer = answerMap(listAnswers(ws, questionnaireId)).get(q.id);
    title ||= `${summary.vendorName}: ${q.text}`.slice(0, 300);
    description ||= [
      `Question ${q.id}: ${q.text}`,
      `Answer (${summary.cycle}): ${answerText(q, answer) || 'no answer'}`,
      q.expected ? `Expected: ${expectedText(q)}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    controls = q.controls;
  }
  if (!title) throw new AttestError('TITLE_REQUIRED', 'A follow-up needs a title, or the question it follows up.');
  // Controls must name a catalogue control the workspace holds.
  for (const c of controls) {
    const known = ws.query<{ n: number }>('SELECT count(*) AS n FROM controls WHERE catalogue_id = ? AND control_id = ?', [
      c.catalogueId,
      c.controlId,
    ])[0];
    if (!known || Number(known.n) === 0)
      throw new AttestError('CONTROL_NOT_FOUND', `No catalogue in this workspace has control ${c.catalogueId} ${c.controlId}.`);
  }
  const id = newId('fnd');
  const ref =
    Number(ws.query<{ n: number | null }>('SELECT max(ref) AS n FROM findings WHERE vendor_id = ?', [summary.vendorId])[0]?.n ?? 0) + 1;
  const at = ws.now().toISOString();
  await ws.commit({
    actor,
    action: 'finding.create',
    entity: `finding:${id} vendor:${summary.vendorId} questionnaire:${questionnaireId}`,
    statements: [
      {
        sql: `INSERT INTO findings (id, vendor_id, questionnaire_id, ref, title, description, likelihood, impact, severity, owner, due_date,
                remediation, status, created_at, created_by, updated_at, updated_by)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 'open', ?, ?, ?, ?)`,
        params: [
          id,
          summary.vendorId,
          questionnaireId,
          ref,
          title,
          description,
          f.likelihood,
          f.impact,
          severityFor(f.likelihood, f.impact),
          f.owner,
          f.dueDate,
          at,
          actor,
          at,
          actor,
        ],
      },
      ...controls.map((c) => ({
        sql: 'INSERT OR IGNORE INTO finding_controls (finding_id, catalogue_id, control_id) VALUES (?, ?, ?)',
        params: [id, c.catalogueId, c.controlId],
      })),
    ],
  });
  return listVendorFindings(ws, summary.vendorId).find((x) => x.id === id)!;
}
