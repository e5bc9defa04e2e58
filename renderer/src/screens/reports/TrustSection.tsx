// Who signs and whom this workspace trusts: its signing identities (remove) and the
// certificates it trusts when verifying reports (add, remove). Fingerprints are shown
// in full so they can be compared with what a signer sent through another channel.
import { useEffect, useId, useState } from 'react';
import type { SigningIdentityView, TrustedCertificateView } from '../../../../main/contract/report';
import { call } from '../../api/client';
import { messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import { readUpload } from '../../lib/files';

export function TrustSection({ lastSeq, onDone }: { lastSeq: number; onDone(text: string): void }) {
  const inputId = useId();
  const [identities, setIdentities] = useState<SigningIdentityView[]>([]);
  const [trusted, setTrusted] = useState<TrustedCertificateView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([call('report.identity.list', {}), call('report.trust.list', {})]).then(
      ([i, t]) => {
        if (!current) return;
        setIdentities(i.identities);
        setTrusted(t.certificates);
      },
      (e: unknown) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [lastSeq]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await useAppStore.getState().mutate(run);
      onDone(done);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="card report-card" aria-labelledby="trust-title">
      <h2 id="trust-title">Identities and trust</h2>
      <h3 className="trust-head">Signing identities</h3>
      {identities.length === 0 ? <p className="muted">None yet: import or generate one in Issue a report.</p> : null}
      <ul className="trust-list">
        {identities.map((i) => (
          <li key={i.fingerprint}>
            <div>
              <strong>{i.commonName}</strong> <span className="muted">· until {i.notAfter.slice(0, 10)}{i.canSign ? '' : ' · passphrase not on this computer'}</span>
              <div className="mono small muted">{i.fingerprint}</div>
            </div>
            <button
              type="button"
              className="button danger-ghost"
              aria-label={`Remove identity ${i.commonName}`}
              onClick={() => void act(() => call('report.identity.remove', { fingerprint: i.fingerprint }), `${i.commonName} removed; reports it signed stay verifiable.`)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <h3 className="trust-head">Trusted certificates</h3>
      {trusted.length === 0 ? <p className="muted">None. Reports signed by this workspace’s own identities are trusted without one.</p> : null}
      <ul className="trust-list">
        {trusted.map((t) => (
          <li key={t.fingerprint}>
            <div>
              <strong>{t.label}</strong> <span className="muted">· until {t.notAfter.slice(0, 10)}</span>
              <div className="mono small muted">{t.fingerprint}</div>
            </div>
            <button
              type="button"
              className="button danger-ghost"
              aria-label={`Stop trusting ${t.label}`}
              onClick={() => void act(() => call('report.trust.remove', { fingerprint: t.fingerprint }), `${t.label} is no longer trusted.`)}
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
          if (f) void act(async () => call('report.trust.add', { file: await readUpload(f) }), `${f.name} is now trusted.`);
        }}
      />
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
}
