// The vendor's answers as they were imported, question by question, shown as plain text.
import { DataTable, type DataColumn } from '../../components/DataTable';
import { YESNO_LABELS } from './labels';
import type { AnswerView, Question, TemplateBody } from './types';

function shown(q: Question | undefined, value: AnswerView['value']): string {
  const label = (v: string) => (q?.type === 'yesno' ? (YESNO_LABELS[v] ?? v) : (q?.options.find((o) => o.id === v)?.label ?? v));
  return Array.isArray(value) ? value.map(label).join('; ') : typeof value === 'number' ? String(value) : label(value);
}

export function AnswersTable({ body, answers }: { body: TemplateBody; answers: AnswerView[] }) {
  const questions = new Map(body.sections.flatMap((s) => s.items).flatMap((i) => (i.kind === 'question' ? [[i.id, i] as const] : [])));
  const columns: DataColumn<AnswerView>[] = [
    {
      key: 'question',
      header: 'Question',
      className: 'wrap',
      width: '45%',
      sort: (a) => a.questionId,
      render: (a) => (
        <>
          <strong>{a.questionId}</strong> {questions.get(a.questionId)?.text ?? ''}
        </>
      ),
    },
    {
      key: 'answer',
      header: 'Answer',
      className: 'wrap answer-cell',
      sort: (a) => shown(questions.get(a.questionId), a.value),
      render: (a) => shown(questions.get(a.questionId), a.value),
    },
    { key: 'comment', header: 'Comment', className: 'wrap answer-cell', sort: (a) => a.comment, render: (a) => a.comment },
  ];
  return (
    <details className="answers">
      <summary>Answers ({answers.length})</summary>
      {answers.length === 0 ? (
        <p className="muted">No answers yet.</p>
      ) : (
        <div className="answers-wrap" tabIndex={0} role="region" aria-label="Answers, scrollable">
          <DataTable label="Answers of the vendor" testId="answers-table" rows={answers} columns={columns} rowKey={(a) => a.questionId} />
        </div>
      )}
    </details>
  );
}
