// Verify any signed report: drop a PDF on the zone or pick it; the verdict in plain words.
import { useId, useState, type DragEvent } from 'react';
import type { VerdictView } from '../../../../main/contract/report';
import { call } from '../../api/client';
import { messageOf } from '../../components/ErrorText';
import { readUpload } from '../../lib/files';
import { when } from './files';

const TONE: Record<VerdictView['status'], 'ok' | 'warn' | 'bad'> = {
  valid: 'ok',
  untrusted: 'warn',
  'modified-after-signing': 'bad',
  invalid: 'bad',
  unsigned: 'warn',
};
const TITLE: Record<VerdictView['status'], string> = {
  valid: 'Valid signature',
  untrusted: 'Intact, signer not trusted',
  'modified-after-signing': 'Modified after signing',
  invalid: 'Invalid signature',
  unsigned: 'Not signed',
};

export function Verifier() {
  const inputId = useId();
  const [verdict, setVerdict] = useState<{ file: string; v: VerdictView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const verify = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setVerdict(null);
    try {
      const pdf = await readUpload(file);
      setVerdict({ file: file.name, v: await call('report.verify', { pdf }) });
    } catch (e) {
      setError(`${file.name}: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void verify(e.dataTransfer.files[0]);
  };

  return (
    <section className="card report-card" aria-labelledby="verify-title">
      <h2 id="verify-title">Verify a report</h2>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a signed PDF here, or</p>
        <label className="button" htmlFor={inputId}>
          Choose a PDF…
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => void verify(e.target.files?.[0])}
        />
      </div>
      {busy ? (
        <p className="muted" role="status">
          Checking the signature…
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {verdict ? (
        <div className={`verdict ${TONE[verdict.v.status]}`} role="status" data-testid="verdict">
          <h3>
            {TITLE[verdict.v.status]} <span className="muted">· {verdict.file}</span>
          </h3>
          <p>{verdict.v.summary}</p>
          {verdict.v.signer ? (
            <dl className="facts">
              <dt>Signer</dt>
              <dd>{verdict.v.signer.subject}</dd>
              <dt>Fingerprint</dt>
              <dd className="mono">{verdict.v.signer.fingerprint}</dd>
              {verdict.v.signingTime ? (
                <>
                  <dt>Signed</dt>
                  <dd>{when(verdict.v.signingTime)}</dd>
                </>
              ) : null}
              {verdict.v.path ? (
                <>
                  <dt>Certificate path</dt>
                  <dd>{verdict.v.path.chain.map((c) => c.commonName).join(', issued by ')}</dd>
                </>
              ) : null}
              {verdict.v.issuedReportId ? (
                <>
                  <dt>Issued here as</dt>
                  <dd>{verdict.v.issuedReportId}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {verdict.v.problems.length ? (
            <ul className="problems">
              {verdict.v.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
