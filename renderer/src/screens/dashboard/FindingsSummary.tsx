// Findings at a glance: counts by severity, and the overdue ones with a way to the Findings screen.
import type { DashboardView } from '../../../../main/contract/assessment';
import { FINDING_SEVERITIES } from '../../../../main/contract/vocabulary';
import { SeverityBadge } from '../../components/Badges';
import { useAppStore } from '../../store';
import { requestFilters } from '../findings/filters';

export function FindingsBySeverity({ view }: { view: DashboardView }) {
  return (
    <section className="card" aria-labelledby="sev-title">
      <h2 id="sev-title">Findings by severity</h2>
      <p className="card-intro">Findings not yet remediated or verified.</p>
      <ul className="severity-counts" data-testid="severity-counts">
        {FINDING_SEVERITIES.map((s) => (
          <li key={s} data-severity={s}>
            <SeverityBadge severity={s} />
            <span className="severity-count">{view.findingsBySeverity[s]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OverdueFindings({ view }: { view: DashboardView }) {
  const navigate = useAppStore((s) => s.navigate);
  const show = () => {
    requestFilters({ overdueOnly: true });
    navigate('findings');
  };
  return (
    <section className="card" aria-labelledby="overdue-title">
      <h2 id="overdue-title">Overdue findings</h2>
      {view.overdue.length === 0 ? (
        <p>Nothing is overdue.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table" data-testid="overdue-list">
              <thead>
                <tr>
                  <th scope="col">Ref</th>
                  <th scope="col">Title</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {view.overdue.map((f) => (
                  <tr key={f.id}>
                    <td className="ref">{f.ref}</td>
                    <td className="wrap">
                      <button type="button" className="link-button" onClick={show}>
                        {f.title}
                      </button>
                    </td>
                    <td>{f.owner || '—'}</td>
                    <td className="overdue nowrap">{f.status === 'risk-accepted' ? `${f.acceptanceExpires} (acceptance)` : f.dueDate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="card-foot">
            <button type="button" className="button" onClick={show}>
              Show overdue findings
            </button>
          </p>
        </>
      )}
    </section>
  );
}
