// The score of a questionnaire, explainable line by line: each visible question with a
// weight and an expected answer earns weight × credit, where credit is 1 for the expected
// answer, ½ for "partial" (or the share of required options chosen), 0 otherwise or when
// unanswered; "not applicable" leaves the question out. A section's score and the overall
// score are earned ÷ possible × 100, rounded to one decimal.
import type { AnswerValue, GapView, Question, ScoreView, TemplateBody } from '../../contract/questionnaire';
import { AttestError } from '../errors';
import { answerText, expectedText } from './answers';
import { hiddenItems } from '../../contract/visibility';

export const SCORING_RULE =
  'Each visible question with a weight and an expected answer earns weight × credit: 1 for the expected answer, 0.5 for Partial ' +
  '(or the share of required options chosen), 0 for anything else or no answer. Not applicable is left out. Score = earned ÷ possible × 100.';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The credit of one answer against the expected one, 0..1; null when not applicable. */
export function credit(q: Question, value: AnswerValue | undefined): number | null {
  const e = q.expected!;
  if (value === undefined) return 0;
  if (q.type === 'yesno' && value === 'na') return null;
  switch (e.kind) {
    case 'equals':
      return value === e.value ? 1 : value === 'partial' ? 0.5 : 0;
    case 'anyOf':
      return e.values.includes(String(value)) ? 1 : 0;
    case 'allOf': {
      const chosen = Array.isArray(value) ? value : [String(value)];
      return e.values.filter((v) => chosen.includes(v)).length / e.values.length;
    }
    case 'range': {
      const n = Number(value);
      return Number.isFinite(n) && (e.min === undefined || n >= e.min) && (e.max === undefined || n <= e.max) ? 1 : 0;
    }
    case 'provided':
      return String(value).trim() ? 1 : 0;
  }
}

export function scoreAnswers(body: TemplateBody, answers: ReadonlyMap<string, AnswerValue>, at: string): ScoreView {
  const hidden = hiddenItems(body, answers);
  const gaps: GapView[] = [];
  const counts = { scored: 0, unanswered: 0, notApplicable: 0, hidden: 0, unscored: 0 };
  let earned = 0;
  let possible = 0;
  const sections = body.sections.map((s) => {
    let sEarned = 0;
    let sPossible = 0;
    let scored = 0;
    for (const q of s.items) {
      if (q.kind !== 'question') continue;
      if (hidden.has(q)) {
        counts.hidden++;
        continue;
      }
      if (!q.expected || q.weight <= 0) {
        counts.unscored++;
        continue;
      }
      const given = answers.get(q.id);
      const value = given === '' ? undefined : given;
      const c = credit(q, value);
      if (c === null) {
        counts.notApplicable++;
        continue;
      }
      if (value === undefined) counts.unanswered++;
      counts.scored++;
      scored++;
      sEarned += q.weight * c;
      sPossible += q.weight;
      if (c < 1) {
        gaps.push({
          questionId: q.id,
          sectionId: s.id,
          sectionTitle: s.title,
          text: q.text,
          answer: value === undefined ? '(no answer)' : answerText(q, value),
          expected: expectedText(q),
          credit: c,
          weight: q.weight,
          controls: q.controls.map((x) => ({ catalogueId: x.catalogueId, controlId: x.controlId })),
        });
      }
    }
    earned += sEarned;
    possible += sPossible;
    return {
      id: s.id,
      title: s.title,
      score: sPossible > 0 ? round1((sEarned / sPossible) * 100) : null,
      earned: round1(sEarned),
      possible: round1(sPossible),
      scored,
    };
  });
  if (possible === 0) {
    throw new AttestError(
      'NOTHING_TO_SCORE',
      'No visible question has a weight and an expected answer (or all were answered not applicable), so there is nothing to score.',
    );
  }
  // Largest shortfall first, so the worst gaps lead the list.
  gaps.sort((a, b) => b.weight * (1 - b.credit) - a.weight * (1 - a.credit) || a.questionId.localeCompare(b.questionId));
  return {
    overall: round1((earned / possible) * 100),
    earned: round1(earned),
    possible: round1(possible),
    sections,
    gaps,
    counts,
    rule: SCORING_RULE,
    scoredAt: at,
  };
}

/** The score, or null when nothing can be scored (no weighted question with an expectation is visible). */
export function scoreIfPossible(body: TemplateBody, answers: ReadonlyMap<string, AnswerValue>, at: string): ScoreView | null {
  try {
    return scoreAnswers(body, answers, at);
  } catch (error) {
    if (error instanceof AttestError && error.code === 'NOTHING_TO_SCORE') return null;
    throw error;
  }
}
