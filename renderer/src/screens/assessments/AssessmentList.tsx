// Every assessment of the workspace with where it stands; choosing one opens it.
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import { ASSESSMENT_STATES, STATE_LABELS } from '../../../../main/contract/vocabulary';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatPeriod } from './format';
import { ProgressBar } from './ProgressBar';

export function AssessmentList({ assessments, onOpen }: { assessments: readonly AssessmentSummary[]; onOpen(id: string): void }) {
  const columns: DataColumn<AssessmentSummary>[] = [
    {
      key: 'name',
      header: 'Assessment',
      width: '40%',
      sort: (a) => a.name,
      render: (a) => (
        <div className="asm-list-name">
          <button type="button" className="asm-link" onClick={() => onOpen(a.id)}>
            {a.name}
          </button>
          <span className="asm-muted" title={a.catalogues.map((c) => `${c.title} ${c.version}`).join(', ')}>
            {formatPeriod(a.periodStart, a.periodEnd)} · {a.catalogues.map((c) => c.title).join(', ')}
          </span>
        </div>
      ),
    },
    { key: 'client', header: 'Client', sort: (a) => a.client, render: (a) => a.client },
    {
      key: 'state',
      header: 'State',
      sort: (a) => ASSESSMENT_STATES.indexOf(a.state),
      render: (a) => <span className={`asm-state state-${a.state}`}>{STATE_LABELS[a.state]}</span>,
    },
    {
      key: 'progress',
      header: 'Progress',
      sort: (a) => (a.total ? a.assessed / a.total : 0),
      render: (a) => <ProgressBar assessed={a.assessed} total={a.total} compact />,
    },
    { key: 'open', header: 'Open findings', align: 'end', sort: (a) => a.openFindings, render: (a) => a.openFindings },
  ];
  return <DataTable label="Assessments, newest first" className="asm-list" rows={assessments} columns={columns} rowKey={(a) => a.id} />;
}
