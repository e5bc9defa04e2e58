// Every assessment of the workspace with where it stands; choosing one opens it.
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import { STATE_LABELS } from '../../../../main/contract/vocabulary';
import { formatPeriod } from './format';
import { ProgressBar } from './ProgressBar';

export function AssessmentList({ assessments, onOpen }: { assessments: readonly AssessmentSummary[]; onOpen(id: string): void }) {
  return (
    <div className="table-wrap">
      <table className="data-table asm-list">
        <caption className="visually-hidden">Assessments, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Assessment</th>
            <th scope="col">Client</th>
            <th scope="col">State</th>
            <th scope="col">Progress</th>
            <th scope="col" className="num">
              Open findings
            </th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={a.id}>
              <td className="asm-list-name">
                <button type="button" className="asm-link" onClick={() => onOpen(a.id)} title={a.name}>
                  {a.name}
                </button>
                <span className="asm-muted" title={a.catalogues.map((c) => `${c.title} ${c.version}`).join(', ')}>
                  {formatPeriod(a.periodStart, a.periodEnd)} · {a.catalogues.map((c) => c.title).join(', ')}
                </span>
              </td>
              <td>{a.client}</td>
              <td>
                <span className={`asm-state state-${a.state}`}>{STATE_LABELS[a.state]}</span>
              </td>
              <td>
                <ProgressBar assessed={a.assessed} total={a.total} compact />
              </td>
              <td className="num">{a.openFindings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
