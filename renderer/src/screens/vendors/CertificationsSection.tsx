// Certifications with report period and expiry; expired and soon-expiring ones stand out.
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { Field, SelectField } from '../../components/Field';
import { formatDate } from '../../lib/dates';
import { CERT_KINDS, CERT_LABELS, certName } from './labels';
import type { CertificationKind, CertificationView, VendorView } from './types';
import type { Act } from './VendorPage';

function expiry(c: CertificationView) {
  if (c.state === 'no-expiry') return <span className="muted">No expiry</span>;
  const days = c.daysLeft ?? 0;
  if (c.state === 'expired')
    return (
      <span className="review-overdue">
        {formatDate(c.expiresAt)} · expired {-days} days ago
      </span>
    );
  if (c.state === 'expiring')
    return (
      <span className="review-due">
        {formatDate(c.expiresAt)} · expires in {days} days
      </span>
    );
  return <span>{formatDate(c.expiresAt)}</span>;
}

export function CertificationsSection({ vendor, act }: { vendor: VendorView; act: Act }) {
  const [kind, setKind] = useState<CertificationKind>('soc2-type2');
  const [otherName, setOtherName] = useState('');
  const [periodStart, setStart] = useState('');
  const [periodEnd, setEnd] = useState('');
  const [expiresAt, setExpires] = useState('');
  const editable = !vendor.removedAt;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act('Certification not added', () =>
      call('vendor.certification.add', {
        vendorId: vendor.id,
        kind,
        otherName,
        periodStart: periodStart || null,
        periodEnd: periodEnd || null,
        expiresAt: expiresAt || null,
      }),
    );
    if (ok) {
      setOtherName('');
      setStart('');
      setEnd('');
      setExpires('');
    }
  };

  return (
    <section className="card" aria-labelledby="certs-h">
      <h2 id="certs-h">Certifications</h2>
      {vendor.certifications.length ? (
        <DataTable
          label={`Certifications of ${vendor.name}`}
          rows={vendor.certifications}
          rowKey={(c) => c.id}
          columns={[
            { key: 'name', header: 'Certification', className: 'wrap', sort: (c) => certName(c), render: (c) => certName(c) },
            {
              key: 'period',
              header: 'Report period',
              sort: (c) => c.periodStart ?? c.periodEnd,
              render: (c) =>
                c.periodStart || c.periodEnd ? (
                  `${formatDate(c.periodStart) || '…'} – ${formatDate(c.periodEnd) || '…'}`
                ) : (
                  <span className="muted">—</span>
                ),
            },
            { key: 'expiry', header: 'Expiry', sort: (c) => c.expiresAt, render: (c) => expiry(c) },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    header: 'Actions',
                    render: (c: CertificationView) => (
                      <button
                        type="button"
                        className="button subtle"
                        aria-label={`Remove ${certName(c)}`}
                        onClick={() => void act('Certification not removed', () => call('vendor.certification.remove', { id: c.id }))}
                      >
                        Remove
                      </button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <p className="muted">No certification recorded.</p>
      )}
      {editable ? (
        <form className="inline-grid" onSubmit={(e) => void add(e)} aria-label="Add a certification">
          <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as CertificationKind)}>
            {CERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {CERT_LABELS[k]}
              </option>
            ))}
          </SelectField>
          {kind === 'other' ? (
            <Field label="Name" value={otherName} onChange={(e) => setOtherName(e.target.value)} maxLength={200} />
          ) : null}
          <Field label="Period from" type="date" value={periodStart} onChange={(e) => setStart(e.target.value)} />
          <Field label="Period to" type="date" value={periodEnd} onChange={(e) => setEnd(e.target.value)} />
          <Field label="Expires" type="date" value={expiresAt} onChange={(e) => setExpires(e.target.value)} />
          <button type="submit" className="button">
            Add certification
          </button>
        </form>
      ) : null}
    </section>
  );
}
