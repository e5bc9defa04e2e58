// The vendor's answers as they were imported, question by question, shown as plain text.
import { YESNO_LABELS } from './labels';
import type { AnswerView, Question, TemplateBody } from './types';

function shown(q: Question | undefined, value: AnswerView['value']): string {
  const label = (v: string) => (q?.type === 'yesno' ? (YESNO_LABELS[v] ?? v) : (q?.options.find((o) => o.id === v)?.label ?? v));
  return Array.isArray(value) ? value.map(label).join('; ') : typeof value === 'number' ? String(value) : label(value);
}

export function AnswersTable({ body, answers }: { body: TemplateBody; answers: AnswerView[] }) {
  const questions = new Map(body.sections.flatMap((s) => s.items).flatMap((i) => (i.kind === 'question' ? [[i.id, i] as const] : [])));
  return (
    <details className="answers">
      <summary>Answers ({answers.length})</summary>
      {answers.length === 0 ? (
        <p className="muted">No answers yet.</p>
      ) : (
        <div className="table-wrap answers-wrap" tabIndex={0} role="region" aria-label="Answers, scrollable">
          <table className="data-table" data-testid="answers-table">
            <caption className="visually-hidden">Answers of the vendor</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {answers.map((a) => (
                <tr key={a.questionId}>
                  <td className="wrap">
                    <strong>{a.questionId}</strong> {questions.get(a.questionId)?.text ?? ''}
                  </td>
                  <td className="wrap answer-cell">{shown(questions.get(a.questionId), a.value)}</td>
                  <td className="wrap answer-cell">{a.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
