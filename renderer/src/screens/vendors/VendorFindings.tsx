// The vendor page's Findings tab: the vendor's findings (follow-ups of its questionnaires)
// with owner and due date; each opens in the Findings screen, scoped to this vendor, where
// it is edited and changed in bulk as an assessment's findings are.
import { useQuery } from '../../api/query';
import { FindingStatusBadge, SeverityBadge } from '../../components/Badges';
import { DataTable } from '../../components/DataTable';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { formatDate } from '../../lib/dates';
import { useAppStore } from '../../store';
import { FINDING_SEVERITIES, FINDING_STATUSES } from '../../../../main/contract/vocabulary';
import type { FindingView } from '../../../../main/contract/assessment';
import type { VendorView } from './types';

export function VendorFindings({ vendor }: { vendor: VendorView }) {
  const read = useQuery('finding.list', { vendorId: vendor.id });
  const findings: FindingView[] | null = read.data?.findings ?? null;
  const open = (findingId?: string) => {
    const s = useAppStore.getState();
    if (findingId) s.jumpTo({ kind: 'finding', assessmentId: null, findingId });
    else s.navigate('findings');
    s.setFindingScope({ kind: 'vendor', vendorId: vendor.id });
  };
  return (
    <section className="card" aria-labelledby="vfind-h">
      <div className="card-head">
        <h2 id="vfind-h">Findings of {vendor.name}</h2>
        {findings && findings.length > 0 ? (
          <button type="button" className="button" onClick={() => open()}>
            Open in Findings
          </button>
        ) : null}
      </div>
      <ErrorText error={read.error ? messageOf(read.error) : null} />
      {findings === null ? (
        !read.error ? (
          <p className="muted">Loading findings…</p>
        ) : null
      ) : findings.length === 0 ? (
        <p className="muted">
          No findings yet. Raise one from a gap in a scored questionnaire (Questionnaires tab): it carries the answer, the expectation and
          the mapped controls.
        </p>
      ) : (
        <DataTable
          label={`Findings of ${vendor.name}, with owner and due date`}
          testId="vendor-finding-table"
          rows={findings}
          rowKey={(f) => f.id}
          columns={[
            {
              key: 'ref',
              header: 'Ref',
              className: 'vf-nowrap',
              sort: (f) => f.ref,
              render: (f) => (
                <button type="button" className="link-button" aria-label={`Open ${f.ref} in Findings`} onClick={() => open(f.id)}>
                  {f.ref}
                </button>
              ),
            },
            { key: 'title', header: 'Title', className: 'wrap', width: '34%', sort: (f) => f.title, render: (f) => f.title },
            {
              key: 'severity',
              header: 'Severity',
              className: 'vf-nowrap',
              sort: (f) => FINDING_SEVERITIES.indexOf(f.severity),
              render: (f) => <SeverityBadge severity={f.severity} />,
            },
            {
              key: 'status',
              header: 'Status',
              className: 'vf-nowrap',
              sort: (f) => FINDING_STATUSES.indexOf(f.status),
              render: (f) => <FindingStatusBadge status={f.status} />,
            },
            {
              key: 'owner',
              header: 'Owner',
              className: 'vf-owner',
              sort: (f) => f.owner,
              render: (f) => f.owner || <span className="muted">—</span>,
            },
            {
              key: 'due',
              header: 'Due',
              sort: (f) => f.dueDate,
              render: (f) =>
                f.dueDate ? (
                  <span>
                    {formatDate(f.dueDate)}
                    {f.overdue ? <span className="overdue-tag">Overdue</span> : null}
                  </span>
                ) : (
                  <span className="muted">—</span>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
