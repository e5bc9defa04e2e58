// The vendor page's History tab: the concluded reviews, and every recorded change to the
// vendor and its findings (the audit log's entries that name it), newest first.
import { DataTable } from '../../components/DataTable';
import { formatDate, formatDateTime } from '../../lib/dates';
import { formatScore } from '../../../../main/contract/vocabulary';
import { CONCLUSION_LABELS } from './labels';
import type { VendorView } from './types';

export function VendorHistory({ vendor }: { vendor: VendorView }) {
  return (
    <>
      <section className="card" aria-labelledby="reviews-h">
        <h2 id="reviews-h">Review history</h2>
        {vendor.reviews.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Concluded</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Conclusion</th>
              </tr>
            </thead>
            <tbody>
              {vendor.reviews.map((r) => (
                <tr key={r.questionnaireId}>
                  <td>{formatDate(r.concludedAt)}</td>
                  <td className="num">{r.score === null ? '—' : formatScore(r.score)}</td>
                  <td>{r.conclusion ? CONCLUSION_LABELS[r.conclusion] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No concluded questionnaire yet.</p>
        )}
      </section>
      <section className="card" aria-labelledby="changes-h">
        <h2 id="changes-h">Changes</h2>
        {vendor.history.length ? (
          <DataTable
            label={`Changes to ${vendor.name}, newest first`}
            testId="vendor-history"
            rows={vendor.history.map((h, i) => ({ ...h, key: String(i) }))}
            rowKey={(h) => h.key}
            columns={[
              { key: 'at', header: 'When', sort: (h) => h.at, render: (h) => formatDateTime(h.at) },
              { key: 'action', header: 'Change', className: 'wrap', sort: (h) => h.action, render: (h) => h.action },
              { key: 'actor', header: 'By', className: 'wrap', sort: (h) => h.actor, render: (h) => h.actor },
            ]}
          />
        ) : (
          <p className="muted">No change recorded yet.</p>
        )}
      </section>
    </>
  );
}
