// Year over year for one vendor: two questionnaires side by side, the score change overall
// and per section, the answers that changed, and the gaps that opened or closed.
import { useId, useState } from 'react';
import { useQuery } from '../../api/query';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { score } from './labels';
import type { GapView, QuestionnaireComparison, QuestionnaireSummary } from './types';
import { Provenanced } from './Provenanced';
import { DataTable } from '../../components/DataTable';

const change = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${score(Math.abs(n))}`);
const trend = (n: number | null) => (n === null || n === 0 ? '' : n > 0 ? 'up' : 'down');

function GapList({ title, gaps, empty }: { title: string; gaps: GapView[]; empty: string }) {
  return (
    <div>
      <h4>
        {title} ({gaps.length})
      </h4>
      {gaps.length ? (
        <ul className="plain-list">
          {gaps.map((g) => (
            <li key={g.questionId}>
              <strong>{g.questionId}</strong> {g.text} <span className="muted">— {g.answer || 'no answer'}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{empty}</p>
      )}
    </div>
  );
}

export function YearOverYear({ list }: { list: QuestionnaireSummary[] }) {
  // Oldest first, so "from" defaults to the previous cycle and "to" to the newest.
  const byCycle = [...list].sort((a, b) => a.cycle.localeCompare(b.cycle) || a.createdAt.localeCompare(b.createdAt));
  const [from, setFrom] = useState(byCycle[byCycle.length - 2]?.id ?? '');
  const [to, setTo] = useState(byCycle[byCycle.length - 1]?.id ?? '');
  const fromId = useId();
  const toId = useId();
  const read = useQuery('questionnaire.compare', from && to && from !== to ? { from, to } : null);
  const view: QuestionnaireComparison | null = read.data ?? null;
  const error = read.error ? messageOf(read.error) : null;
  const label = (q: QuestionnaireSummary) => `${q.cycle} · ${q.templateTitle}`;
  return (
    <section className="card" aria-labelledby="yoy-h" data-testid="yoy">
      <h2 id="yoy-h">Year over year</h2>
      <div className="yoy-pick">
        <div className="field">
          <label htmlFor={fromId}>From</label>
          <select id={fromId} value={from} onChange={(e) => setFrom(e.target.value)}>
            {byCycle.map((q) => (
              <option key={q.id} value={q.id}>
                {label(q)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={toId}>To</label>
          <select id={toId} value={to} onChange={(e) => setTo(e.target.value)}>
            {byCycle.map((q) => (
              <option key={q.id} value={q.id}>
                {label(q)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {from === to ? <p className="muted">Choose two different questionnaires to compare.</p> : null}
      <ErrorText error={error} />
      {view && from !== to && view.from.id === from && view.to.id === to ? (
        <>
          <table className="data-table yoy-table">
            <caption className="visually-hidden">Score change by section</caption>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col" className="num">
                  {view.from.cycle}
                </th>
                <th scope="col" className="num">
                  {view.to.cycle}
                </th>
                <th scope="col" className="num">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="yoy-overall">
                <th scope="row">Overall</th>
                <td className="num">{score(view.overall.from)}</td>
                <td className="num">{score(view.overall.to)}</td>
                <td className={`num change ${trend(view.overall.change)}`} data-testid="yoy-overall-change">
                  {change(view.overall.change)}
                </td>
              </tr>
              {view.sections.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  <td className="num">{score(s.from)}</td>
                  <td className="num">{score(s.to)}</td>
                  <td className={`num change ${trend(s.change)}`}>{change(s.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>Changed answers ({view.changes.length})</h4>
          {view.changes.length ? (
            <DataTable
              label="Changed answers"
              rows={view.changes}
              rowKey={(c) => c.questionId}
              columns={[
                {
                  key: 'question',
                  header: 'Question',
                  className: 'wrap',
                  width: '50%',
                  sort: (c) => c.questionId,
                  render: (c) => (
                    <>
                      <strong>{c.questionId}</strong> {c.text}
                    </>
                  ),
                },
                {
                  key: 'from',
                  header: view.from.cycle,
                  className: 'wrap',
                  sort: (c) => c.from,
                  render: (c) => <Provenanced text={c.from} source={c.fromSource} />,
                },
                {
                  key: 'to',
                  header: view.to.cycle,
                  className: 'wrap',
                  sort: (c) => c.to,
                  render: (c) => <Provenanced text={c.to} source={c.toSource} />,
                },
              ]}
            />
          ) : (
            <p className="muted small">Every answer is the same as before.</p>
          )}
          <div className="yoy-gaps">
            <GapList title="New gaps" gaps={view.newGaps} empty="No new gaps." />
            <GapList title="Closed gaps" gaps={view.closedGaps} empty="No gap was closed." />
          </div>
        </>
      ) : null}
    </section>
  );
}
