// Change over time: this assessment against another of the same client. The older one is
// "from", the newer "to", whichever the user picks.
import { useId, useState } from 'react';
import type { AssessmentSummary, ComparisonView } from '../../../../main/contract/assessment';
import { useQuery } from '../../api/query';
import { StatusBadge } from '../../components/Badges';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { deltaText, scoreText } from './format';
import { formatDate } from '../../lib/dates';
import { DataTable } from '../../components/DataTable';

function Delta({ from, to }: { from: number | null; to: number | null }) {
  const d = deltaText(from, to);
  return (
    <span className="delta-line">
      {scoreText(from)} → {scoreText(to)} <span className={`delta delta-${d.trend}`}>{d.text}</span>
    </span>
  );
}

export function CompareView({ current, assessments }: { current: AssessmentSummary; assessments: readonly AssessmentSummary[] }) {
  const id = useId();
  const others = assessments.filter((a) => a.client === current.client && a.id !== current.id);
  const [otherId, setOtherId] = useState('');
  const other = others.find((a) => a.id === otherId);
  // Older first, whichever was picked.
  const [from, to] = other ? (other.createdAt <= current.createdAt ? [other, current] : [current, other]) : [null, null];
  const read = useQuery('dashboard.compare', from && to ? { from: from.id, to: to.id } : null);
  const view: ComparisonView | null = other ? (read.data ?? null) : null;
  const error = other && read.error ? messageOf(read.error) : null;

  return (
    <section className="card compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Compare with another assessment</h2>
      {others.length === 0 ? (
        <p>
          There is no other assessment of {current.client} to compare with. Start a new assessment of the same client in Assessments (for
          example next year’s review) to see what changed.
        </p>
      ) : (
        <>
          <div className="field compare-pick">
            <label htmlFor={`${id}-with`}>Compare {current.name} with</label>
            <select id={`${id}-with`} value={otherId} onChange={(e) => setOtherId(e.target.value)}>
              <option value="">Choose an assessment of {current.client}…</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} (started {formatDate(a.createdAt)})
                </option>
              ))}
            </select>
          </div>
          <ErrorText error={error} />
          {other && view ? <Comparison view={view} /> : null}
        </>
      )}
    </section>
  );
}

function Comparison({ view }: { view: ComparisonView }) {
  return (
    <div className="comparison" data-testid="comparison">
      <p className="card-intro">
        From <strong>{view.from.name}</strong> to <strong>{view.to.name}</strong>.
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Score change</caption>
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">From → to</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Overall</th>
              <td data-testid="overall-delta">
                <Delta from={view.overall.from} to={view.overall.to} />
              </td>
            </tr>
            {view.catalogues.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>
                  <Delta from={c.from} to={c.to} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>Controls whose status changed ({view.changes.length})</h3>
      {view.changes.length === 0 ? (
        <p>No control changed status.</p>
      ) : (
        <div className="changes-wrap">
          <DataTable
            label="Controls whose status changed"
            testId="status-changes"
            rows={view.changes}
            rowKey={(c) => `${c.catalogueId}/${c.controlId}`}
            columns={[
              { key: 'control', header: 'Control', className: 'ref', sort: (c) => c.controlId, render: (c) => c.controlId },
              { key: 'title', header: 'Title', className: 'wrap', width: '50%', sort: (c) => c.title, render: (c) => c.title },
              {
                key: 'change',
                header: 'Status change',
                className: 'status-change',
                sort: (c) => `${c.from} ${c.to}`,
                render: (c) => (
                  <>
                    <StatusBadge status={c.from} /> <span aria-hidden="true">→</span>
                    <span className="visually-hidden"> to </span> <StatusBadge status={c.to} />
                  </>
                ),
              },
            ]}
          />
        </div>
      )}

      <div className="opened-closed">
        <div>
          <h3>Findings opened ({view.findings.opened.length})</h3>
          {view.findings.opened.length ? (
            <ul>
              {view.findings.opened.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
        </div>
        <div>
          <h3>Findings closed ({view.findings.closed.length})</h3>
          {view.findings.closed.length ? (
            <ul>
              {view.findings.closed.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
        </div>
      </div>
    </div>
  );
}
