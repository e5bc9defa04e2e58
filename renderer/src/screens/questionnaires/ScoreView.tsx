// A questionnaire's score: overall and per section as bars with their numbers, how it was
// worked out, and the gaps (answer against expected, with the mapped controls), each of
// which can become a finding of the vendor in one action.
import { score } from './labels';
import type { AnswerSource, GapView, ScoreView as Score } from './types';
import { Provenanced } from './Provenanced';
import { DataTable } from '../../components/DataTable';

function Bar({ label, value, detail }: { label: string; value: number | null; detail: string }) {
  return (
    <div className="score-row">
      <span className="score-label">{label}</span>
      <span className="score-bar" aria-hidden="true">
        <span
          className={`score-fill ${value === null ? '' : value >= 80 ? 'good' : value >= 50 ? 'fair' : 'poor'}`}
          style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%` }}
        />
      </span>
      <span className="score-num">{value === null ? 'not scored' : `${score(value)} / 100`}</span>
      <span className="visually-hidden">{detail}</span>
    </div>
  );
}

export function ScoreView({
  s,
  needsReview = 0,
  sources,
  followed,
  onFollowUp,
  canFollowUp,
}: {
  s: Score;
  /** Answers carried forward from an earlier cycle that count in the score but nobody has confirmed yet. */
  needsReview?: number;
  /** Who each answer is from, to mark a gap's answer that is not the vendor's own. */
  sources?: ReadonlyMap<string, AnswerSource>;
  followed: ReadonlySet<string>;
  onFollowUp(g: GapView): void;
  canFollowUp: boolean;
}) {
  return (
    <div className="score-view" data-testid="score-view">
      <div className="score-overall">
        <span className="score-big" data-testid="score-overall">
          {score(s.overall)}
        </span>
        <span className="muted">
          / 100 overall · {score(s.earned)} of {score(s.possible)} weighted points · {s.counts.scored} scored, {s.counts.unanswered}{' '}
          unanswered, {s.counts.notApplicable} not applicable, {s.counts.hidden} hidden by conditions
        </span>
      </div>
      {needsReview > 0 ? (
        <p className="q-review-note" role="note" data-testid="score-needs-review">
          {needsReview} answer{needsReview === 1 ? '' : 's'} in this score {needsReview === 1 ? 'was' : 'were'} carried forward from the
          earlier cycle and still need{needsReview === 1 ? 's' : ''} review: the vendor confirms them by answering again, or you review them
          in the answers table.
        </p>
      ) : null}
      <div className="score-bars" role="list" aria-label="Score per section">
        {s.sections.map((x) => (
          <div role="listitem" key={x.id}>
            <Bar label={x.title} value={x.score} detail={`${score(x.earned)} of ${score(x.possible)} points from ${x.scored} questions`} />
          </div>
        ))}
      </div>
      <p className="muted small">{s.rule}</p>
      <h3>Gaps ({s.gaps.length})</h3>
      {s.gaps.length === 0 ? (
        <p className="muted">No gaps: every scored answer meets what was expected.</p>
      ) : (
        <DataTable
          label="Answers that fall short of the expected answer"
          className="gaps-table"
          testId="gaps-table"
          rows={s.gaps}
          rowKey={(g) => g.questionId}
          columns={[
            {
              key: 'question',
              header: 'Question',
              className: 'wrap',
              width: '38%',
              sort: (g) => g.questionId,
              render: (g) => (
                <>
                  <strong>{g.questionId}</strong> {g.text}
                  <div className="muted small">
                    {g.sectionTitle} · weight {g.weight}, credit {Math.round(g.credit * 100)}%
                  </div>
                </>
              ),
            },
            {
              key: 'answer',
              header: 'Answer',
              className: 'wrap answer-cell',
              sort: (g) => g.answer,
              render: (g) => <Provenanced text={g.answer || '(no answer)'} source={sources?.get(g.questionId)} />,
            },
            { key: 'expected', header: 'Expected', className: 'wrap', sort: (g) => g.expected, render: (g) => g.expected },
            {
              key: 'controls',
              header: 'Controls',
              className: 'wrap',
              sort: (g) => g.controls.map((c) => c.controlId).join(', '),
              render: (g) => (g.controls.length ? g.controls.map((c) => `${c.controlId}`).join(', ') : '—'),
            },
            {
              key: 'follow',
              header: 'Follow-up',
              hideHeader: true,
              render: (g) =>
                followed.has(g.questionId) ? (
                  <span className="muted small">Finding raised</span>
                ) : canFollowUp ? (
                  <button
                    type="button"
                    className="button subtle"
                    aria-label={`Raise a finding for ${g.questionId}`}
                    onClick={() => onFollowUp(g)}
                  >
                    Raise finding
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </div>
  );
}
