// Credentials issued to the vendor: what they open and until when, never their value.
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import type { VendorView } from './types';
import type { Act } from './VendorPage';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../lib/dates';

export function CredentialsSection({ vendor, act }: { vendor: VendorView; act: Act }) {
  const [label, setLabel] = useState('');
  const [system, setSystem] = useState('');
  const [issuedAt, setIssued] = useState('');
  const [expiresAt, setExpires] = useState('');
  const editable = !vendor.removedAt;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act('Credential not recorded', () =>
      call('vendor.credential.add', { vendorId: vendor.id, label, system, issuedAt: issuedAt || null, expiresAt: expiresAt || null }),
    );
    if (ok) {
      setLabel('');
      setSystem('');
      setIssued('');
      setExpires('');
    }
  };

  return (
    <section className="card" aria-labelledby="creds-h">
      <h2 id="creds-h">Credentials issued</h2>
      <p className="card-intro">A record of the accounts, keys and certificates given to this vendor. Never paste the secret itself.</p>
      {vendor.credentials.length ? (
        <DataTable
          label={`Credentials issued to ${vendor.name}`}
          rows={vendor.credentials}
          rowKey={(c) => c.id}
          columns={[
            { key: 'label', header: 'Label', className: 'wrap', sort: (c) => c.label, render: (c) => c.label },
            { key: 'system', header: 'System', className: 'wrap', sort: (c) => c.system, render: (c) => c.system },
            { key: 'issued', header: 'Issued', sort: (c) => c.issuedAt, render: (c) => formatDate(c.issuedAt) || '—' },
            { key: 'expires', header: 'Expires', sort: (c) => c.expiresAt, render: (c) => formatDate(c.expiresAt) || '—' },
            {
              key: 'status',
              header: 'Status',
              sort: (c) => (c.revokedAt ? 1 : 0),
              render: (c) =>
                c.revokedAt ? (
                  <span className="muted">Revoked {formatDate(c.revokedAt)}</span>
                ) : editable ? (
                  <button
                    type="button"
                    className="button subtle"
                    aria-label={`Revoke ${c.label}`}
                    onClick={() => void act('Not revoked', () => call('vendor.credential.revoke', { id: c.id }))}
                  >
                    Mark revoked
                  </button>
                ) : (
                  'Active'
                ),
            },
          ]}
        />
      ) : (
        <p className="muted">No credential issued to this vendor.</p>
      )}
      {editable ? (
        <form className="inline-grid" onSubmit={(e) => void add(e)} aria-label="Record an issued credential">
          <Field label="Label" required value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} />
          <Field label="System" required value={system} onChange={(e) => setSystem(e.target.value)} maxLength={200} />
          <Field label="Issued" type="date" value={issuedAt} onChange={(e) => setIssued(e.target.value)} />
          <Field label="Expires" type="date" value={expiresAt} onChange={(e) => setExpires(e.target.value)} />
          <button type="submit" className="button">
            Record credential
          </button>
        </form>
      ) : null}
    </section>
  );
}
