// Stored runs, newest first: the latest run of each check and target, with its history
// of re-runs one click away; the detail shows explanation, remediation, the redacted
// observations and Accept / Reject of the suggested status.
import { useState } from 'react';
import type { CheckRunView } from '../../../../main/contract/checks';
import { call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { STATUS_WORDS, SUGGESTION_WORDS, when } from './words';
import { DataTable } from '../../components/DataTable';

const keyOf = (r: CheckRunView) => `${r.checkId} ${r.target}`;

export function ResultsPanel({ runs }: { runs: CheckRunView[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const latest = runs.filter((r, i) => runs.findIndex((o) => keyOf(o) === keyOf(r)) === i);
  const open = runs.find((r) => r.id === openId) ?? null;
  return (
    <section className="card chk-panel" aria-labelledby="chk-results-title">
      <h2 id="chk-results-title">Results ({latest.length})</h2>
      {latest.length === 0 ? (
        <p className="chk-muted">No results yet. Run a target to gather evidence.</p>
      ) : (
        <DataTable
          label="Check results"
          className="chk-table"
          rows={latest}
          rowKey={(r) => r.id}
          rowProps={(r) => ({ 'aria-selected': openId === r.id ? 'true' : 'false' })}
          columns={[
            {
              key: 'check',
              header: 'Check',
              sort: (r) => r.title,
              render: (r) => (
                <button type="button" className="link-button" onClick={() => setOpenId(r.id)}>
                  {r.title}
                </button>
              ),
            },
            { key: 'target', header: 'Target', className: 'chk-target', sort: (r) => r.target, render: (r) => r.target },
            {
              key: 'status',
              header: 'Status',
              sort: (r) => STATUS_WORDS[r.status],
              render: (r) => <span className={`chk-state chk-${r.status}`}>{STATUS_WORDS[r.status]}</span>,
            },
            {
              key: 'suggested',
              header: 'Suggested',
              sort: (r) => (r.suggestedStatus ? SUGGESTION_WORDS[r.suggestedStatus] : null),
              render: (r) => (
                <>
                  {r.suggestedStatus ? SUGGESTION_WORDS[r.suggestedStatus] : '—'}
                  {r.decision ? <span className="chk-muted"> ({r.decision})</span> : null}
                </>
              ),
            },
            { key: 'when', header: 'When', sort: (r) => r.finishedAt, render: (r) => when(r.finishedAt) },
            {
              key: 'runs',
              header: 'Runs',
              align: 'end',
              sort: (r) => runs.filter((o) => keyOf(o) === keyOf(r)).length,
              render: (r) => runs.filter((o) => keyOf(o) === keyOf(r)).length,
            },
          ]}
        />
      )}
      {open ? (
        <ResultDetail
          run={open}
          history={runs.filter((o) => keyOf(o) === keyOf(open))}
          onPick={setOpenId}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </section>
  );
}

function ResultDetail({
  run,
  history,
  onPick,
  onClose,
}: {
  run: CheckRunView;
  history: CheckRunView[];
  onPick(id: string): void;
  onClose(): void;
}) {
  const read = useQuery('check.result', { id: run.id });
  const observations = read.data?.observations ?? '';
  const [note, setNote] = useState('');
  const { write, error: writeError } = useWrite();
  const error = writeError ?? (read.error ? messageOf(read.error) : null);
  const decide = async (decision: 'accept' | 'reject') => {
    if ((await write(() => call('check.decide', { id: run.id, decision, note }))) !== undefined) setNote('');
  };
  const controls = run.controls.map((c) => `${c.catalogueId} ${c.controlId}`).join(', ');
  return (
    <article className="chk-detail" aria-labelledby="chk-detail-title">
      <header className="chk-detail-head">
        <h3 id="chk-detail-title">
          {run.title} — <span className="chk-target">{run.target}</span>
        </h3>
        <button type="button" className="button ghost" onClick={onClose}>
          Close
        </button>
      </header>
      <p>
        <span className={`chk-state chk-${run.status}`}>{STATUS_WORDS[run.status]}</span> {run.summary}
      </p>
      <p>
        <strong>Remediation:</strong> {run.remediation}
      </p>
      <p className="chk-muted">
        Evidences: {controls || 'no control of this assessment'} · run {run.id} by {run.runBy}, {when(run.finishedAt)}
      </p>
      <details>
        <summary>Observations (secrets redacted)</summary>
        <pre className="chk-obs">{observations}</pre>
      </details>
      {run.decision ? (
        <p role="status">
          Suggestion {run.decision} by {run.decidedBy}
          {run.decidedAt ? `, ${when(run.decidedAt)}` : ''}
          {run.decisionNote ? `: ${run.decisionNote}` : '.'}
        </p>
      ) : run.suggestedStatus ? (
        <div className="chk-decide">
          <p>
            Suggested status for the controls: <strong>{SUGGESTION_WORDS[run.suggestedStatus]}</strong>
          </p>
          <Field label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="chk-actions">
            <button type="button" className="button primary" onClick={() => void decide('accept')}>
              Accept suggestion
            </button>
            <button type="button" className="button" onClick={() => void decide('reject')}>
              Reject suggestion
            </button>
          </div>
        </div>
      ) : (
        <p className="chk-muted">No status is suggested: the evidence could not be gathered.</p>
      )}
      {history.length > 1 ? (
        <>
          <h4>History ({history.length} runs)</h4>
          <ul className="chk-history">
            {history.map((h) => (
              <li key={h.id}>
                <button type="button" className="link-button" aria-current={h.id === run.id} onClick={() => onPick(h.id)}>
                  {when(h.finishedAt)}
                </button>{' '}
                <span className={`chk-state chk-${h.status}`}>{STATUS_WORDS[h.status]}</span>
                {h.decision ? <span className="chk-muted"> ({h.decision})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorText error={error} />
    </article>
  );
}
