// Questionnaires: one per vendor, template and review cycle, with the template body
// copied in (optionally starting from an earlier cycle's answers, carry.ts). Answers come
// back through an import (all or nothing); each import is scored at once, and a reviewer
// concludes with a rationale. Answers change until the questionnaire is concluded.
import type {
  AnswerSource,
  AnswerValue,
  AnswerView,
  CarryReport,
  Conclusion,
  QuestionnaireSummary,
  ScoreView,
  TemplateBody,
} from '../../contract/questionnaire';
import { newId } from '../ids';
import { AttestError } from '../errors';
import type { ReadOnlyView, Statement, Workspace } from '../workspace';
import { answerText } from './answers';
import { carryPlan } from './carry';
import { questionsOf } from '../../contract/visibility';
import { scoreAnswers, scoreIfPossible } from './scoring';
import { countQuestions, getTemplate } from './templates';

interface QuestionnaireRow {
  id: string;
  vendor_id: string;
  template_id: string;
  template_version: number;
  template_body: string;
  cycle: string;
  state: QuestionnaireSummary['state'];
  created_at: string;
  created_by: string;
  exported_at: string | null;
  imported_at: string | null;
  score: string | null;
  conclusion: Conclusion | null;
  conclusion_rationale: string | null;
  concluded_at: string | null;
  concluded_by: string | null;
  carry_report: string | null;
  vendor_name: string;
  answered: number;
  carried: number;
  corrected: number;
}

const SELECT = `SELECT q.*, v.name AS vendor_name,
  (SELECT count(*) FROM answers a WHERE a.questionnaire_id = q.id) AS answered,
  (SELECT count(*) FROM answers a WHERE a.questionnaire_id = q.id AND a.source = 'carried') AS carried,
  (SELECT count(*) FROM answers a WHERE a.questionnaire_id = q.id AND a.source = 'analyst') AS corrected
  FROM questionnaires q JOIN vendors v ON v.id = q.vendor_id`;

function toSummary(r: QuestionnaireRow): QuestionnaireSummary {
  const body = JSON.parse(r.template_body) as TemplateBody;
  const score = r.score ? (JSON.parse(r.score) as { overall: number }).overall : null;
  return {
    id: r.id,
    vendorId: r.vendor_id,
    vendorName: r.vendor_name,
    templateId: r.template_id,
    templateTitle: body.title,
    templateVersion: Number(r.template_version),
    cycle: r.cycle,
    state: r.state,
    createdAt: r.created_at,
    createdBy: r.created_by,
    exportedAt: r.exported_at,
    importedAt: r.imported_at,
    questions: countQuestions(body).questions,
    answered: Number(r.answered),
    score,
    conclusion: r.conclusion,
    conclusionRationale: r.conclusion_rationale,
    concludedAt: r.concluded_at,
    concludedBy: r.concluded_by,
    carriedForward: Number(r.carried),
    corrected: Number(r.corrected),
    carry: r.carry_report ? (JSON.parse(r.carry_report) as CarryReport) : null,
  };
}

function dbRow(ws: ReadOnlyView, id: string): QuestionnaireRow {
  const r = ws.query<QuestionnaireRow>(`${SELECT} WHERE q.id = ?`, [id])[0];
  if (!r) throw new AttestError('QUESTIONNAIRE_NOT_FOUND', `There is no questionnaire "${id}".`);
  return r;
}

export const questionnaireSummary = (ws: Workspace, id: string) => toSummary(dbRow(ws, id));
export const questionnaireBody = (ws: Workspace, id: string) => JSON.parse(dbRow(ws, id).template_body) as TemplateBody;

export function listQuestionnaires(ws: Workspace, vendorId?: string): QuestionnaireSummary[] {
  return ws
    .query<QuestionnaireRow>(
      `${SELECT} ${vendorId ? 'WHERE q.vendor_id = ?' : ''} ORDER BY q.cycle DESC, v.name, q.created_at DESC`,
      vendorId ? [vendorId] : [],
    )
    .map(toSummary);
}

export function vendorName(ws: Workspace, vendorId: string): string {
  const v = ws.query<{ name: string; removed_at: string | null }>('SELECT name, removed_at FROM vendors WHERE id = ?', [vendorId])[0];
  if (!v || v.removed_at) throw new AttestError('VENDOR_NOT_FOUND', `There is no vendor "${vendorId}".`);
  return v.name;
}

export async function createQuestionnaire(
  ws: Workspace,
  vendorId: string,
  templateId: string,
  cycle: string,
  actor: string,
  carryFrom?: string,
): Promise<QuestionnaireSummary> {
  vendorName(ws, vendorId);
  const { summary, body } = getTemplate(ws, templateId);
  const clash = ws.query<{ id: string }>('SELECT id FROM questionnaires WHERE vendor_id = ? AND template_id = ? AND cycle = ?', [
    vendorId,
    templateId,
    cycle,
  ])[0];
  if (clash)
    throw new AttestError(
      'QUESTIONNAIRE_EXISTS',
      `This vendor already has a "${summary.title}" questionnaire for cycle ${cycle} (${clash.id}).`,
    );
  const id = newId('qnr');
  const at = ws.now().toISOString();
  const carry = carryFrom ? carryPlan(ws, carryFrom, vendorId, body, id, at, actor) : null;
  await ws.commit({
    actor,
    action: 'questionnaire.create',
    entity: carry
      ? `questionnaire:${id} carried forward from questionnaire:${carryFrom} (${carry.report.carried} answers, ${carry.report.notCarried.length} not carried)`
      : `questionnaire:${id}`,
    statements: [
      {
        sql: `INSERT INTO questionnaires (id, vendor_id, template_id, template_version, template_body, cycle, state, created_at, created_by,
                carried_from, carry_report)
              VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
        params: [
          id,
          vendorId,
          templateId,
          summary.version,
          JSON.stringify(body),
          cycle,
          at,
          actor,
          carryFrom ?? null,
          carry ? JSON.stringify(carry.report) : null,
        ],
      },
      ...(carry?.statements ?? []),
    ],
  });
  return questionnaireSummary(ws, id);
}

interface AnswerRow {
  question_id: string;
  value: string;
  comment: string;
  updated_at: string;
  updated_by: string;
  source: AnswerSource;
  carried_from: string | null;
  original: string | null;
}

/** Question ids compared as people read them: VSB-2 before VSB-10. */
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** The answers in the order of the template's questions (any the template lacks last, in natural order). */
export function listAnswers(ws: Workspace, id: string): AnswerView[] {
  const position = new Map(
    questionnaireBody(ws, id)
      .sections.flatMap((sec) => sec.items)
      .flatMap((i) => (i.kind === 'question' ? [i.id] : []))
      .map((qid, n) => [qid, n] as const),
  );
  const at = (qid: string) => position.get(qid) ?? Number.MAX_SAFE_INTEGER;
  return ws
    .query<AnswerRow>('SELECT * FROM answers WHERE questionnaire_id = ?', [id])
    .sort((a, b) => at(a.question_id) - at(b.question_id) || naturalOrder(a.question_id, b.question_id))
    .map((a) => ({
      questionId: a.question_id,
      value: JSON.parse(a.value) as AnswerValue,
      comment: a.comment,
      updatedAt: a.updated_at,
      updatedBy: a.updated_by,
      source: a.source,
      carriedFrom: a.carried_from,
      original: a.original ? (JSON.parse(a.original) as AnswerView['original']) : null,
    }));
}

export const answerMap = (answers: readonly Pick<AnswerView, 'questionId' | 'value'>[]) =>
  new Map(answers.map((a) => [a.questionId, a.value]));

export function storedScore(ws: Workspace, id: string): ScoreView | null {
  const s = dbRow(ws, id).score;
  return s ? (JSON.parse(s) as ScoreView) : null;
}

export async function markExported(ws: Workspace, id: string, format: string, actor: string): Promise<void> {
  const r = dbRow(ws, id);
  await ws.commit({
    actor,
    action: `questionnaire.export.${format}`,
    entity: `questionnaire:${id}`,
    statements: [
      {
        sql: "UPDATE questionnaires SET exported_at = ?, state = CASE WHEN state = 'draft' THEN 'sent' ELSE state END WHERE id = ?",
        params: [ws.now().toISOString(), r.id],
      },
    ],
  });
}

/** Throws unless the questionnaire's answers may change: it exists and is not concluded. */
export function assertAnswerable(read: ReadOnlyView, id: string): void {
  if (dbRow(read, id).state === 'concluded')
    throw new AttestError(
      'QUESTIONNAIRE_CONCLUDED',
      'This questionnaire is concluded, so its answers are final; start the next cycle instead of changing them.',
    );
}

/**
 * assertAnswerable as a commit precondition: checked inside the commit queue, so an
 * answer change queued behind the conclusion is refused, not written.
 */
export const whileAnswerable =
  (id: string) =>
  (read: ReadOnlyView): void =>
    assertAnswerable(read, id);

export interface IncomingAnswer {
  questionId: string;
  value: AnswerValue;
  comment: string;
}

/**
 * Stores an import: the vendor's answers replace the ones they give, and any the file
 * does not give are removed if they were the vendor's, kept if they were carried forward
 * (still flagged: the vendor has not confirmed them) or the analyst's. Scores the result
 * and writes one audit entry naming each change (old → new).
 */
export async function replaceAnswers(ws: Workspace, id: string, incoming: readonly IncomingAnswer[], actor: string) {
  assertAnswerable(ws, id);
  const r = dbRow(ws, id);
  const body = JSON.parse(r.template_body) as TemplateBody;
  const questions = questionsOf(body);
  const current = listAnswers(ws, id);
  const before = answerMap(current);
  const given = new Set(incoming.map((a) => a.questionId));
  const kept = current.filter((a) => a.source !== 'vendor' && !given.has(a.questionId));
  const after = answerMap([...incoming, ...kept]);
  const changes: { questionId: string; from: string; to: string }[] = [];
  for (const qid of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(qid);
    const b = after.get(qid);
    if (JSON.stringify(a) !== JSON.stringify(b))
      changes.push({ questionId: qid, from: answerText(questions.get(qid), a), to: answerText(questions.get(qid), b) });
  }
  const score = scoreIfPossible(body, after, ws.now().toISOString());
  const at = ws.now().toISOString();
  const statements: Statement[] = [
    {
      sql: `DELETE FROM answers WHERE questionnaire_id = ? AND (source = 'vendor' OR question_id IN (SELECT value FROM json_each(?)))`,
      params: [id, JSON.stringify([...given])],
    },
    ...incoming.map((a) => ({
      sql: 'INSERT INTO answers (questionnaire_id, question_id, value, comment, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)',
      params: [id, a.questionId, JSON.stringify(a.value), a.comment, at, actor],
    })),
    {
      sql: "UPDATE questionnaires SET imported_at = ?, state = 'answered', score = ? WHERE id = ?",
      params: [at, score ? JSON.stringify(score) : null, id],
    },
  ];
  // The audit entry carries the diff (old → new per question). The entity text is capped
  // at 500 characters, so a long diff is cut there and kept whole in a settings row
  // written by the same commit (its statements are covered by the entry's digest).
  const diff = changes.map((c) => `${c.questionId}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join('; ');
  const diffKey = `questionnaire-diff:${id}:${at}`;
  const full = `questionnaire:${id}${changes.length ? ` changes: ${diff}` : ' (no changes)'}`;
  const entity = full.length <= 500 ? full : `${full.slice(0, 500 - diffKey.length - 40)}… (${changes.length} changes in all: ${diffKey})`;
  if (full.length > 500)
    statements.push({
      sql: 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)',
      params: [diffKey, JSON.stringify(changes), at],
    });
  await ws.commit({
    actor,
    action: before.size ? 'questionnaire.reimport' : 'questionnaire.import',
    entity,
    statements,
    precondition: whileAnswerable(id),
  });
  return { changes, score };
}

export async function storeScore(ws: Workspace, id: string, actor: string): Promise<ScoreView> {
  const r = dbRow(ws, id);
  const score = scoreAnswers(JSON.parse(r.template_body) as TemplateBody, answerMap(listAnswers(ws, id)), ws.now().toISOString());
  await ws.commit({
    actor,
    action: 'questionnaire.score',
    entity: `questionnaire:${id} overall ${score.overall}`,
    statements: [{ sql: 'UPDATE questionnaires SET score = ? WHERE id = ?', params: [JSON.stringify(score), id] }],
  });
  return score;
}

export async function conclude(
  ws: Workspace,
  id: string,
  conclusion: Conclusion,
  rationale: string,
  actor: string,
): Promise<QuestionnaireSummary> {
  const r = dbRow(ws, id);
  if (!r.score || (r.state !== 'answered' && r.state !== 'concluded')) {
    throw new AttestError('QUESTIONNAIRE_NOT_ANSWERED', 'Import and score the answers before concluding the review.');
  }
  assertReviewed(ws, id);
  const why = rationale.trim();
  if (!why) throw new AttestError('RATIONALE_REQUIRED', 'A conclusion needs a rationale that says why.');
  if (conclusion === 'approve-with-conditions' && why.length < 10) {
    throw new AttestError('RATIONALE_REQUIRED', 'Approving with conditions needs the conditions written in the rationale.');
  }
  await ws.commit({
    actor,
    action: `questionnaire.conclude.${conclusion}`,
    entity: `questionnaire:${id}`,
    statements: [
      {
        sql: "UPDATE questionnaires SET state = 'concluded', conclusion = ?, conclusion_rationale = ?, concluded_at = ?, concluded_by = ? WHERE id = ?",
        params: [conclusion, why, ws.now().toISOString(), actor, id],
      },
    ],
    precondition: (read) => assertReviewed(read, id),
  });
  return questionnaireSummary(ws, id);
}

/** A conclusion needs every carried-forward answer confirmed by the vendor or reviewed by the analyst. */
function assertReviewed(read: ReadOnlyView, id: string): void {
  const n = Number(dbRow(read, id).carried);
  if (n > 0)
    throw new AttestError(
      'QUESTIONNAIRE_NEEDS_REVIEW',
      `${n} answer${n === 1 ? ' is' : 's are'} still carried forward from the earlier cycle; have the vendor confirm ${n === 1 ? 'it' : 'them'} (an import) or review ${n === 1 ? 'it' : 'each'} in the answers table before concluding.`,
    );
}
