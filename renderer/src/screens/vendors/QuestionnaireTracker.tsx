// Every questionnaire across vendors: what was sent, what is awaited or late, what came
// back, was scored or concluded, with the day answers are due. A row opens the vendor's
// questionnaire (through the same jump as the command palette).
import type { TrackerRow } from '../../../../main/contract/questionnaire';
import { formatDate } from '../../lib/dates';
import { formatScore } from '../../../../main/contract/vocabulary';
import { useQuery } from '../../api/query';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';

const STAGE_LABELS: Record<TrackerRow['stage'], string> = {
  'not-sent': 'Not sent',
  awaiting: 'Awaiting answers',
  overdue: 'Overdue',
  answered: 'Answered',
  scored: 'Scored',
  concluded: 'Concluded',
};

export function QuestionnaireTracker() {
  const read = useQuery('questionnaire.tracker', {});
  const jumpTo = useAppStore((s) => s.jumpTo);
  const rows = read.data?.rows ?? [];
  const counts = rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.stage]: (m[r.stage] ?? 0) + 1 }), {});
  return (
    <section className="card tracker" aria-labelledby="tracker-title">
      <h2 id="tracker-title">Questionnaires across vendors</h2>
      <ErrorText error={read.error ? messageOf(read.error) : null} />
      {read.data ? (
        <p className="muted" data-testid="tracker-counts">
          {(['overdue', 'awaiting', 'answered', 'scored', 'concluded', 'not-sent'] as const)
            .map((s) => `${counts[s] ?? 0} ${STAGE_LABELS[s].toLowerCase()}`)
            .join(' · ')}
          {` · answers are due ${read.data.responseDays} days after sending`}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{read.data ? 'No questionnaire yet: start one from a vendor’s page.' : 'Loading…'}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Questionnaire tracker, scrollable">
          <table className="data-table" data-testid="questionnaire-tracker">
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col">Cycle</th>
                <th scope="col">Stage</th>
                <th scope="col">Sent</th>
                <th scope="col">Due</th>
                <th scope="col" className="num">
                  Answered
                </th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Concluded</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.questionnaireId}>
                  <td className="wrap">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => jumpTo({ kind: 'questionnaire', vendorId: r.vendorId, questionnaireId: r.questionnaireId })}
                    >
                      {r.vendorName}
                    </button>
                  </td>
                  <td>{r.cycle}</td>
                  <td>
                    <span className={`tracker-stage stage-${r.stage}`}>{STAGE_LABELS[r.stage]}</span>
                  </td>
                  <td>{r.sentAt ? formatDate(r.sentAt) : '—'}</td>
                  <td>{r.dueDate ? formatDate(r.dueDate) : '—'}</td>
                  <td className="num">
                    {r.answered} / {r.questions}
                  </td>
                  <td className="num">{r.score === null ? '—' : formatScore(r.score)}</td>
                  <td>{r.concludedAt ? formatDate(r.concludedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
