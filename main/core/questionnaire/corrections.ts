// The analyst's corrections: one answer (value and note) changed in the app or the CLI,
// read with the same rules as an import, marked as the analyst's (not the vendor's own),
// audited with old → new under the caller, and rescored when the questionnaire has a
// score. The answer as it stood before the first correction is kept beside it, so the
// correction can be taken back exactly (revertAnswer). Both are refused once the
// questionnaire is concluded, checked again inside the commit queue.
import type { AnswerSource, AnswerValue, AnswerView, TemplateBody } from '../../contract/questionnaire';
import { questionsOf } from '../../contract/visibility';
import { AttestError } from '../errors';
import type { Statement, Workspace } from '../workspace';
import { answerText, parseAnswer } from './answers';
import { assertAnswerable, listAnswers, questionnaireBody, questionnaireSummary, storedScore, whileAnswerable } from './questionnaires';
import { scoreIfPossible } from './scoring';

type Previous = { value: AnswerValue; comment: string; source: AnswerSource } | null;
type Original = NonNullable<AnswerView['original']>;

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "VSB-3: "Partial" → "Yes"; note "…" → "…"" for the audit entry (capped like every entity). */
function changeText(body: TemplateBody, questionId: string, before: Previous, after: Previous): string {
  const q = questionsOf(body).get(questionId);
  const parts = [
    `${questionId}: ${JSON.stringify(clip(answerText(q, before?.value)))} → ${JSON.stringify(clip(answerText(q, after?.value)))}`,
  ];
  if ((before?.comment ?? '') !== (after?.comment ?? ''))
    parts.push(`note ${JSON.stringify(clip(before?.comment ?? '', 80))} → ${JSON.stringify(clip(after?.comment ?? '', 80))}`);
  return parts.join('; ');
}

async function commitAnswer(
  ws: Workspace,
  id: string,
  questionId: string,
  action: string,
  statement: Statement,
  before: Previous,
  after: Previous,
  actor: string,
) {
  const body = questionnaireBody(ws, id);
  const at = ws.now().toISOString();
  const statements: Statement[] = [statement];
  // The stored score follows the answers once there is one; a questionnaire not scored yet stays so.
  if (storedScore(ws, id)) {
    const answers = new Map(listAnswers(ws, id).map((a) => [a.questionId, a.value]));
    if (after) answers.set(questionId, after.value);
    else answers.delete(questionId);
    const score = scoreIfPossible(body, answers, at);
    statements.push({ sql: 'UPDATE questionnaires SET score = ? WHERE id = ?', params: [score ? JSON.stringify(score) : null, id] });
  }
  const entity = `questionnaire:${id} ${changeText(body, questionId, before, after)}`.slice(0, 500);
  await ws.commit({ actor, action, entity, statements, precondition: whileAnswerable(id) });
  return {
    answer: listAnswers(ws, id).find((a) => a.questionId === questionId) ?? null,
    previous: before,
    summary: questionnaireSummary(ws, id),
    score: storedScore(ws, id),
  };
}

/** Sets one answer as the analyst: `raw` as a person writes it (null or empty: no answer). */
export async function correctAnswer(ws: Workspace, id: string, questionId: string, raw: unknown, comment: string, actor: string) {
  assertAnswerable(ws, id);
  const q = questionsOf(questionnaireBody(ws, id)).get(questionId);
  if (!q) throw new AttestError('QUESTION_NOT_FOUND', `Questionnaire ${id} has no question "${questionId}".`);
  const parsed = parseAnswer(q, raw);
  if (!parsed.ok) throw new AttestError('ANSWER_INVALID', `${questionId}: ${parsed.message}.`);
  const value = parsed.value ?? '';
  const current = listAnswers(ws, id).find((a) => a.questionId === questionId);
  const before: Previous = current ? { value: current.value, comment: current.comment, source: current.source } : null;
  // What it was before the analyst first touched it stays, across later corrections.
  const original: Original =
    current?.original ??
    (current ? { value: current.value, comment: current.comment, source: current.source } : { value: null, comment: '', source: 'vendor' });
  const statement: Statement = {
    sql: `INSERT INTO answers (questionnaire_id, question_id, value, comment, updated_at, updated_by, source, carried_from, original)
          VALUES (?, ?, ?, ?, ?, ?, 'analyst', NULL, ?)
          ON CONFLICT (questionnaire_id, question_id) DO UPDATE SET value = excluded.value, comment = excluded.comment,
            updated_at = excluded.updated_at, updated_by = excluded.updated_by, source = 'analyst', carried_from = NULL,
            original = excluded.original`,
    params: [id, questionId, JSON.stringify(value), comment, ws.now().toISOString(), actor, JSON.stringify(original)],
  };
  const action = current?.source === 'carried' ? 'questionnaire.answer.review' : 'questionnaire.answer.correct';
  return commitAnswer(ws, id, questionId, action, statement, before, { value, comment, source: 'analyst' }, actor);
}

/** Takes the analyst's corrections of one answer back: it is again as before the first one (vendor's, carried, or none). */
export async function revertAnswer(ws: Workspace, id: string, questionId: string, actor: string) {
  assertAnswerable(ws, id);
  const current = listAnswers(ws, id).find((a) => a.questionId === questionId);
  if (!current?.original)
    throw new AttestError(
      'ANSWER_NOT_CORRECTED',
      `${questionId} has no correction to take back: it is as the vendor or the earlier cycle gave it.`,
    );
  const o = current.original;
  const before: Previous = { value: current.value, comment: current.comment, source: current.source };
  const at = ws.now().toISOString();
  // A carried answer goes back to the questionnaire it came from; its flag is back too.
  const carriedFrom =
    o.source === 'carried'
      ? (ws.query<{ carried_from: string | null }>('SELECT carried_from FROM questionnaires WHERE id = ?', [id])[0]?.carried_from ?? null)
      : null;
  const statement: Statement =
    o.value === null
      ? { sql: 'DELETE FROM answers WHERE questionnaire_id = ? AND question_id = ?', params: [id, questionId] }
      : {
          sql: `UPDATE answers SET value = ?, comment = ?, updated_at = ?, updated_by = ?, source = ?, carried_from = ?, original = NULL
                WHERE questionnaire_id = ? AND question_id = ?`,
          params: [JSON.stringify(o.value), o.comment, at, actor, o.source, carriedFrom, id, questionId],
        };
  const after: Previous = o.value === null ? null : { value: o.value, comment: o.comment, source: o.source };
  return commitAnswer(ws, id, questionId, 'questionnaire.answer.revert', statement, before, after, actor);
}
