// One questionnaire of the vendor: send it (XLSX or JSON download), bring the answers back,
// correct one answer, read the score and gaps, raise findings from gaps, and record the
// conclusion. A cycle started from an earlier one says what came in and what did not.
import { useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { AnswersTable } from './AnswersTable';
import { CarryNote } from './CarryNote';
import { ConclusionForm } from './ConclusionForm';
import { saveDownload } from '../../lib/files';
import { ImportAnswersDialog } from './ImportAnswersDialog';
import { STATE_LABELS } from './labels';
import { ScoreView } from './ScoreView';
import type { GapView, ResponseOf, VendorFindingView } from './types';
import { formatDate } from '../../lib/dates';

type Loaded = ResponseOf<'questionnaire.get'>;

export function QuestionnaireDetail({ id, findings }: { id: string; findings: VendorFindingView[] }) {
  const read = useQuery('questionnaire.get', { id });
  const q: Loaded | null = read.data ?? null;
  const { write, error: writeError } = useWrite();
  const error = writeError ?? (read.error ? messageOf(read.error) : null);
  const [importing, setImporting] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  // What worked is said beside the buttons; what failed, in the error line.
  const act = async <T,>(what: string, run: () => Promise<T>, said: (value: T) => string | null) => {
    setDone(null);
    const value = await write(run, { what });
    if (value !== undefined) setDone(said(value));
  };
  const exportAs = (format: 'xlsx' | 'json') =>
    act(
      'Not exported',
      () => call('questionnaire.export', { id, format }),
      (file) => {
        saveDownload(file);
        return `Saved “${file.name}”. Send it to the vendor; import it here when it comes back.`;
      },
    );
  const followUp = (g: GapView) =>
    act(
      'No finding raised',
      () => call('questionnaire.followUp', { id, questionId: g.questionId }),
      (f) => `Finding ${f.ref} raised from ${g.questionId}.`,
    );

  if (!q) return error ? <ErrorText error={error} /> : <p className="muted">Loading…</p>;
  const s = q.summary;
  const followed = new Set(findings.filter((f) => f.questionnaireId === id).map((f) => /^Question (\S+):/.exec(f.description)?.[1] ?? ''));
  const scoreNow = s.state === 'answered' && !q.score;
  return (
    <div className="q-detail" data-testid="questionnaire-detail">
      <div className="q-detail-head">
        <h3>
          {s.cycle} · {s.templateTitle} <span className="muted">v{s.templateVersion}</span>
        </h3>
        <span className={`badge q-state-${s.state}`}>{STATE_LABELS[s.state]}</span>
      </div>
      <p className="muted small">
        {s.answered} of {s.questions} questions answered · created {formatDate(s.createdAt)} by {s.createdBy}
        {s.exportedAt ? ` · last sent ${formatDate(s.exportedAt)}` : ''}
        {s.importedAt ? ` · answers imported ${formatDate(s.importedAt)}` : ''}
        {s.corrected ? ` · ${s.corrected} corrected by the analyst` : ''}
      </p>
      {s.carry ? <CarryNote carry={s.carry} stillFlagged={s.carriedForward} /> : null}
      <div className="q-actions">
        <button type="button" className="button" onClick={() => void exportAs('xlsx')}>
          Export XLSX
        </button>
        <button type="button" className="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        {s.state !== 'concluded' ? (
          <button type="button" className="button primary" onClick={() => setImporting(true)}>
            Import answers…
          </button>
        ) : null}
        {scoreNow ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void act(
                'Not scored',
                () => call('questionnaire.score', { id }),
                () => null,
              )
            }
          >
            Score now
          </button>
        ) : null}
      </div>
      <ErrorText error={error} />
      {done ? (
        <p className="ok-text" role="status">
          {done}
        </p>
      ) : null}
      {q.answers.length ? <AnswersTable summary={s} body={q.body} answers={q.answers} /> : null}
      <h3>Score</h3>
      {q.score ? (
        <ScoreView
          s={q.score}
          needsReview={s.carriedForward}
          sources={new Map(q.answers.map((a) => [a.questionId, a.source]))}
          followed={followed}
          onFollowUp={(g) => void followUp(g)}
          canFollowUp
        />
      ) : (
        <p className="muted">
          {s.carriedForward
            ? `${s.carriedForward} answers were carried forward and need review. Export the questionnaire for the vendor to confirm or change them, then import the filled file: the score and the gaps appear here.`
            : s.state === 'draft' || s.state === 'sent'
              ? 'No answers yet. Export the questionnaire, send it to the vendor, then import the filled file: the score and the gaps appear here.'
              : 'Not scored yet.'}
        </p>
      )}
      <h3>Conclusion</h3>
      <ConclusionForm key={`${s.id}-${s.state}`} q={s} />
      <ImportAnswersDialog questionnaireId={id} open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
