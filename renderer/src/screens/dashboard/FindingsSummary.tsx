// Findings at a glance: counts by severity, and the overdue ones with a way to the Findings screen.
import type { DashboardView } from '../../../../main/contract/assessment';
import { FINDING_SEVERITIES } from '../../../../main/contract/vocabulary';
import { SeverityBadge } from '../../components/Badges';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../lib/dates';
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
    // The dashboard's assessment: Findings shows its findings, whatever scope it had.
    useAppStore.getState().setFindingScope({ kind: 'assessment' });
    navigate('findings');
  };
  return (
    <section className="card" aria-labelledby="overdue-title">
      <h2 id="overdue-title">Overdue findings</h2>
      {view.overdue.length === 0 ? (
        <p>Nothing is overdue.</p>
      ) : (
        <>
          <DataTable
            label="Overdue findings"
            testId="overdue-list"
            rows={view.overdue}
            rowKey={(f) => f.id}
            columns={[
              { key: 'ref', header: 'Ref', className: 'ref', sort: (f) => f.ref, render: (f) => f.ref },
              {
                key: 'title',
                header: 'Title',
                className: 'wrap',
                width: '45%',
                sort: (f) => f.title,
                render: (f) => (
                  <button type="button" className="link-button" onClick={show}>
                    {f.title}
                  </button>
                ),
              },
              { key: 'owner', header: 'Owner', sort: (f) => f.owner, render: (f) => f.owner || '—' },
              {
                key: 'due',
                header: 'Due',
                className: 'overdue nowrap',
                sort: (f) => (f.status === 'risk-accepted' ? f.acceptanceExpires : f.dueDate),
                render: (f) => (f.status === 'risk-accepted' ? `${formatDate(f.acceptanceExpires)} (acceptance)` : formatDate(f.dueDate)),
              },
            ]}
          />
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
