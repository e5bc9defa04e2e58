// The four figures at the top of the Dashboard: score, progress, open and overdue findings.
import type { DashboardView } from '../../../../main/contract/assessment';
import { percent, scoreText } from './format';
import { formatDate } from '../../lib/dates';

export function ScoreCards({ view }: { view: DashboardView }) {
  const { assessment, overall, findingsByStatus, overdue } = view;
  const done = percent(assessment.assessed, assessment.total);
  const open = findingsByStatus.open + findingsByStatus['in-progress'];
  return (
    <div className="stat-grid">
      <section className="card stat" aria-labelledby="stat-score">
        <h2 id="stat-score">Overall score</h2>
        <p className="stat-figure" data-testid="overall-score">
          {scoreText(overall.score)}
          {overall.score === null ? null : <span className="stat-unit"> / 100</span>}
        </p>
        <p className="stat-note">
          {overall.score === null ? 'No applicable control is assessed yet. ' : null}
          Weighted share of applicable, assessed controls that are met; partially met counts half.
        </p>
      </section>
      <section className="card stat" aria-labelledby="stat-progress">
        <h2 id="stat-progress">Progress</h2>
        <p className="stat-figure">
          {assessment.assessed}
          <span className="stat-unit"> of {assessment.total} assessed</span>
        </p>
        <svg
          className="progress"
          viewBox="0 0 100 6"
          preserveAspectRatio="none"
          width="100%"
          height="10"
          aria-hidden="true"
          focusable="false"
        >
          <rect className="chart-track" x={0} y={0} width={100} height={6} rx={2} />
          {done > 0 ? <rect className="chart-bar" x={0} y={0} width={done} height={6} rx={2} /> : null}
        </svg>
        <p className="stat-note">{done}% of the controls have a result.</p>
      </section>
      <section className="card stat" aria-labelledby="stat-open">
        <h2 id="stat-open">Open findings</h2>
        <p className="stat-figure" data-testid="open-findings">
          {open}
        </p>
        <p className="stat-note">
          Open or in progress{findingsByStatus['risk-accepted'] ? `; ${findingsByStatus['risk-accepted']} more with the risk accepted` : ''}
          .
        </p>
      </section>
      <section className="card stat" aria-labelledby="stat-overdue">
        <h2 id="stat-overdue">Overdue findings</h2>
        <p className={`stat-figure${overdue.length ? ' overdue' : ''}`} data-testid="overdue-count">
          {overdue.length}
        </p>
        <p className="stat-note">Past their due date, or with a lapsed risk acceptance, as of {formatDate(view.today)}.</p>
      </section>
    </div>
  );
}
