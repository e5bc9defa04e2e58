// Who signs and whom this workspace trusts: its signing identities (remove) and the
// certificates it trusts when verifying reports (add, remove). Fingerprints are shown
// in full so they can be compared with what a signer sent through another channel.
import { useId } from 'react';
import type { SigningIdentityView, TrustedCertificateView } from '../../../../main/contract/report';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { messageOf } from '../../components/ErrorText';
import { readUpload } from '../../lib/files';
import { formatDate } from '../../lib/dates';

export function TrustSection() {
  const inputId = useId();
  const identityList = useQuery('report.identity.list', {});
  const trustList = useQuery('report.trust.list', {});
  const identities: SigningIdentityView[] = identityList.data?.identities ?? [];
  const trusted: TrustedCertificateView[] = trustList.data?.certificates ?? [];
  const { write, error: writeError } = useWrite();
  const error = writeError ?? (identityList.error || trustList.error ? messageOf(identityList.error ?? trustList.error) : null);
  const act = (run: () => Promise<unknown>, done: string) => void write(run, { done });

  return (
    <section className="card report-card" aria-labelledby="trust-title">
      <h2 id="trust-title">Identities and trust</h2>
      <h3 className="trust-head">Signing identities</h3>
      {identities.length === 0 ? <p className="muted">None yet: import or generate one in Issue a report.</p> : null}
      <ul className="trust-list">
        {identities.map((i) => (
          <li key={i.fingerprint}>
            <div>
              <strong>{i.commonName}</strong>{' '}
              <span className="muted">
                · until {formatDate(i.notAfter)}
                {i.canSign ? '' : ' · passphrase not on this computer'}
              </span>
              <div className="mono small muted">{i.fingerprint}</div>
            </div>
            <button
              type="button"
              className="button danger-ghost"
              aria-label={`Remove identity ${i.commonName}`}
              onClick={() =>
                act(
                  () => call('report.identity.remove', { fingerprint: i.fingerprint }),
                  `${i.commonName} removed; reports it signed stay verifiable.`,
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <h3 className="trust-head">Trusted certificates</h3>
      {trusted.length === 0 ? (
        <p className="muted">None. Reports signed by this workspace’s own identities are trusted without one.</p>
      ) : null}
      <ul className="trust-list">
        {trusted.map((t) => (
          <li key={t.fingerprint}>
            <div>
              <strong>{t.label}</strong> <span className="muted">· until {formatDate(t.notAfter)}</span>
              <div className="mono small muted">{t.fingerprint}</div>
            </div>
            <button
              type="button"
              className="button danger-ghost"
              aria-label={`Stop trusting ${t.label}`}
              onClick={() => act(() => call('report.trust.remove', { fingerprint: t.fingerprint }), `${t.label} is no longer trusted.`)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <label className="button" htmlFor={inputId}>
        Trust a certificate…
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".pem,.crt,.cer,.der"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) act(async () => call('report.trust.add', { file: await readUpload(f) }), `${f.name} is now trusted.`);
        }}
      />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
