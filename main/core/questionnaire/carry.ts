// A new review cycle can start from an earlier questionnaire of the same vendor: each
// answer whose question is still in the new template (same id, same type, and the answer
// still fits its options) comes in pre-filled and flagged "carried forward, needs
// review"; every other answered question is listed with the reason it was not carried.
import type { AnswerValue, CarryReport, Question, TemplateBody } from '../../contract/questionnaire';
import { questionsOf } from '../../contract/visibility';
import { AttestError } from '../errors';
import type { Statement, Workspace } from '../workspace';
import { parseAnswer } from './answers';

interface SourceAnswer {
  question_id: string;
  value: string;
  comment: string;
}

export interface CarryPlan {
  report: CarryReport;
  /** Inserts of the carried answers into the new questionnaire. */
  statements: Statement[];
}

/** Why an earlier answer cannot stand in the new questionnaire, or null when it can. */
function notCarriedReason(before: Question | undefined, now: Question | undefined, value: AnswerValue): string | null {
  if (!now) return 'the question is not in the new template';
  if (before && before.type !== now.type) return `the question changed from ${before.type} to ${now.type}`;
  if (value === '') return null; // a note without a value carries as it is
  const parsed = parseAnswer(now, value);
  return parsed.ok ? null : `the answer no longer fits: ${parsed.message}`;
}

/**
 * What carrying `fromId`'s answers into a new questionnaire of `vendorId` (with template
 * `body`) would insert, and the report of what comes in and what does not.
 */
export function carryPlan(
  ws: Workspace,
  fromId: string,
  vendorId: string,
  body: TemplateBody,
  toId: string,
  at: string,
  actor: string,
): CarryPlan {
  const from = ws.query<{ id: string; vendor_id: string; cycle: string; template_body: string }>(
    'SELECT id, vendor_id, cycle, template_body FROM questionnaires WHERE id = ?',
    [fromId],
  )[0];
  if (!from) throw new AttestError('QUESTIONNAIRE_NOT_FOUND', `There is no questionnaire "${fromId}" to carry answers from.`);
  if (from.vendor_id !== vendorId)
    throw new AttestError(
      'QUESTIONNAIRE_CARRY_OTHER_VENDOR',
      `Questionnaire ${fromId} belongs to another vendor; a new cycle carries answers only from the same vendor's questionnaires.`,
    );
  const before = questionsOf(JSON.parse(from.template_body) as TemplateBody);
  const now = questionsOf(body);
  const statements: Statement[] = [];
  const notCarried: CarryReport['notCarried'] = [];
  const answers = ws.query<SourceAnswer>('SELECT question_id, value, comment FROM answers WHERE questionnaire_id = ?', [fromId]);
  for (const a of answers.sort((x, y) => x.question_id.localeCompare(y.question_id, 'en', { numeric: true }))) {
    const value = JSON.parse(a.value) as AnswerValue;
    const q = now.get(a.question_id);
    const reason = notCarriedReason(before.get(a.question_id), q, value);
    if (reason) {
      notCarried.push({ questionId: a.question_id, reason });
      continue;
    }
    // Stored as the new question reads it (an option label typed last year becomes its id).
    const parsed = value === '' ? null : parseAnswer(q!, value);
    const stored = parsed?.ok && parsed.value !== null ? parsed.value : value;
    statements.push({
      sql: `INSERT INTO answers (questionnaire_id, question_id, value, comment, updated_at, updated_by, source, carried_from)
            VALUES (?, ?, ?, ?, ?, ?, 'carried', ?)`,
      params: [toId, a.question_id, JSON.stringify(stored), a.comment, at, actor, fromId],
    });
  }
  return { report: { fromId, fromCycle: from.cycle, carried: statements.length, notCarried }, statements };
}
