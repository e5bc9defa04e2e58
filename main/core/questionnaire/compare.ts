// Year over year: two questionnaires of one vendor side by side. Scores are recomputed
// from the stored answers of each (against each one's own template copy), so the
// comparison explains itself; answers are matched by question id.
import type { QuestionnaireComparison } from '../../contract/questionnaire';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { answerText } from './answers';
import { questionsOf } from '../../contract/visibility';
import { answerMap, listAnswers, questionnaireBody, questionnaireSummary } from './questionnaires';
import { scoreAnswers } from './scoring';

const round1 = (n: number) => Math.round(n * 10) / 10;
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round1(b - a));

function scored(ws: Workspace, id: string) {
  const body = questionnaireBody(ws, id);
  const list = listAnswers(ws, id);
  const answers = answerMap(list);
  const sources = new Map(list.map((x) => [x.questionId, x.source]));
  try {
    return { body, answers, sources, score: scoreAnswers(body, answers, ws.now().toISOString()) };
  } catch {
    return { body, answers, sources, score: null };
  }
}

export function compareQuestionnaires(ws: Workspace, fromId: string, toId: string): QuestionnaireComparison {
  const from = questionnaireSummary(ws, fromId);
  const to = questionnaireSummary(ws, toId);
  if (from.vendorId !== to.vendorId)
    throw new AttestError('COMPARE_OTHER_VENDOR', 'Only two questionnaires of the same vendor can be compared.');
  const a = scored(ws, fromId);
  const b = scored(ws, toId);
  const sectionIds = [...new Set([...(a.score?.sections ?? []), ...(b.score?.sections ?? [])].map((s) => s.id))];
  const sections = sectionIds.map((sid) => {
    const x = a.score?.sections.find((s) => s.id === sid);
    const y = b.score?.sections.find((s) => s.id === sid);
    return {
      id: sid,
      title: (y ?? x)!.title,
      from: x?.score ?? null,
      to: y?.score ?? null,
      change: diff(x?.score ?? null, y?.score ?? null),
    };
  });
  const qa = questionsOf(a.body);
  const qb = questionsOf(b.body);
  const changes = [...new Set([...a.answers.keys(), ...b.answers.keys()])]
    .filter((qid) => JSON.stringify(a.answers.get(qid)) !== JSON.stringify(b.answers.get(qid)))
    .map((qid) => ({
      questionId: qid,
      text: (qb.get(qid) ?? qa.get(qid))?.text ?? qid,
      from: answerText(qa.get(qid), a.answers.get(qid)),
      to: answerText(qb.get(qid), b.answers.get(qid)),
      fromSource: a.sources.get(qid) ?? null,
      toSource: b.sources.get(qid) ?? null,
    }));
  const gapsA = new Map((a.score?.gaps ?? []).map((g) => [g.questionId, g]));
  const gapsB = new Map((b.score?.gaps ?? []).map((g) => [g.questionId, g]));
  return {
    from,
    to,
    overall: {
      from: a.score?.overall ?? null,
      to: b.score?.overall ?? null,
      change: diff(a.score?.overall ?? null, b.score?.overall ?? null),
    },
    sections,
    changes,
    newGaps: [...gapsB.values()].filter((g) => !gapsA.has(g.questionId)),
    closedGaps: [...gapsA.values()].filter((g) => !gapsB.has(g.questionId)),
  };
}
