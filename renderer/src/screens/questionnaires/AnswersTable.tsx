// The answers question by question, shown as plain text, each with where it came from:
// the vendor, an earlier cycle (carried forward, needs review) or the analyst (corrected).
// Until the questionnaire is concluded each answer has an Edit button that opens the
// correction dialog (keyboard: Tab to the button, Enter; Escape closes the dialog).
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { AnswerEditDialog } from './AnswerEditDialog';
import { answerShown, sourceLabel } from './answer-text';
import type { AnswerView, QuestionnaireSummary, TemplateBody } from './types';

function SourceBadge({ a, fromCycle }: { a: AnswerView; fromCycle: string | null }) {
  const label = sourceLabel(a, fromCycle);
  if (a.source === 'vendor') return <span className="muted small">{label}</span>;
  return <span className={`badge answer-source-${a.source}`}>{label}</span>;
}

export function AnswersTable({ summary, body, answers }: { summary: QuestionnaireSummary; body: TemplateBody; answers: AnswerView[] }) {
  const questions = new Map(body.sections.flatMap((s) => s.items).flatMap((i) => (i.kind === 'question' ? [[i.id, i] as const] : [])));
  const [editing, setEditing] = useState<AnswerView | null>(null);
  const editable = summary.state !== 'concluded';
  const fromCycle = summary.carry?.fromCycle ?? null;
  const columns: DataColumn<AnswerView>[] = [
    {
      key: 'question',
      header: 'Question',
      className: 'wrap',
      width: '40%',
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
      sort: (a) => answerShown(questions.get(a.questionId), a.value),
      render: (a) => answerShown(questions.get(a.questionId), a.value),
    },
    { key: 'comment', header: 'Note', className: 'wrap answer-cell', sort: (a) => a.comment, render: (a) => a.comment },
    {
      key: 'source',
      header: 'From',
      className: 'wrap',
      sort: (a) => sourceLabel(a, fromCycle),
      render: (a) => <SourceBadge a={a} fromCycle={fromCycle} />,
    },
  ];
  if (editable)
    columns.push({
      key: 'edit',
      header: 'Correct',
      hideHeader: true,
      render: (a) => (
        <button type="button" className="button subtle" aria-label={`Edit the answer to ${a.questionId}`} onClick={() => setEditing(a)}>
          Edit
        </button>
      ),
    });
  const review = summary.carriedForward;
  // Open from the start while answers need review; after that the user opens and closes it.
  const [startOpen] = useState(review > 0);
  return (
    <details className="answers" open={startOpen || undefined}>
      <summary>
        Answers ({answers.length}){review > 0 ? ` · ${review} carried forward, need${review === 1 ? 's' : ''} review` : ''}
        {summary.corrected > 0 ? ` · ${summary.corrected} corrected by the analyst` : ''}
      </summary>
      {answers.length === 0 ? (
        <p className="muted">No answers yet.</p>
      ) : (
        <div className="answers-wrap" tabIndex={0} role="region" aria-label="Answers, scrollable">
          <DataTable label="Answers of the vendor" testId="answers-table" rows={answers} columns={columns} rowKey={(a) => a.questionId} />
        </div>
      )}
      {editing ? (
        <AnswerEditDialog
          key={editing.questionId}
          questionnaireId={summary.id}
          question={questions.get(editing.questionId)}
          answer={editing}
          fromCycle={fromCycle}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </details>
  );
}
