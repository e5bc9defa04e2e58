// Choose what to issue (kind, subject, classification, signer) and issue it, with the
// job's progress polled from the core (IPC is invoke-only).
import { useEffect, useState } from 'react';
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import type { IssueJobView, IssuedReportView, ReportClassification, ReportKind, SigningIdentityView } from '../../../../main/contract/report';
import { call } from '../../api/client';
import { AssessmentPicker } from '../../components/AssessmentPicker';
import { messageOf } from '../../components/ErrorText';
import { SelectField } from '../../components/Field';
import { useAppStore } from '../../store';
import { GenerateIdentityDialog, ImportIdentityDialog } from './IdentityDialogs';

const CLASSIFICATIONS: ReportClassification[] = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'];
const STAGE: Record<IssueJobView['stage'], string> = {
  model: 'Reading the workspace',
  layout: 'Laying out pages',
  render: 'Drawing pages',
  sign: 'Signing',
  store: 'Recording the report',
  done: 'Done',
};
const POLL_MS = 150;

interface Vendor {
  id: string;
  name: string;
}

export function IssueSection({
  assessments,
  lastSeq,
  onIssued,
}: {
  assessments: AssessmentSummary[];
  lastSeq: number;
  onIssued(report: IssuedReportView): void;
}) {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const [kind, setKind] = useState<ReportKind>('engagement');
  const [vendors, setVendors] = useState<Vendor[]>([]);
  const [vendorId, setVendorId] = useState('');
  const [classification, setClassification] = useState<ReportClassification>('CONFIDENTIAL');
  const [identities, setIdentities] = useState<SigningIdentityView[]>([]);
  const [signer, setSigner] = useState('');
  const [job, setJob] = useState<IssueJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'import' | 'generate' | null>(null);

  useEffect(() => {
    let current = true;
    call('report.identity.list', {}).then(
      ({ identities: list }) => {
        if (!current) return;
        setIdentities(list);
        setSigner((s) => (s === '' && list.some((i) => i.canSign) ? list.find((i) => i.canSign)!.fingerprint : s));
      },
      (e: unknown) => current && setError(messageOf(e)),
    );
    call('vendor.list', {}).then(
      (r) => current && setVendors((r as { vendors: Vendor[] }).vendors),
      () => current && setVendors([]),
    );
    return () => {
      current = false;
    };
  }, [lastSeq]);

  const subjectId = kind === 'engagement' ? (assessmentId ?? '') : vendorId || (vendors[0]?.id ?? '');
  const running = job?.state === 'running';

  const issue = async () => {
    if (!subjectId) return;
    setError(null);
    try {
      const { jobId } = await call('report.issue', { kind, subjectId, classification, ...(signer ? { signerFingerprint: signer } : {}) });
      setJob({ jobId, state: 'running', fraction: 0, stage: 'model', report: null, error: null });
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const p = await call('report.progress', { jobId });
        setJob(p);
        if (p.state === 'done' && p.report) {
          // The finished job's answer carried its commit's number: the lists read again.
          onIssued(p.report);
          return;
        }
        if (p.state === 'failed') {
          setError(p.error?.message ?? 'The report could not be issued.');
          return;
        }
      }
    } catch (e) {
      setError(messageOf(e));
      setJob(null);
    }
  };

  const chosen = identities.find((i) => i.fingerprint === signer);
  return (
    <section className="card report-card" aria-labelledby="issue-title">
      <h2 id="issue-title">Issue a report</h2>
      <div className="issue-grid">
        <fieldset className="kind-choice">
          <legend>Kind</legend>
          <label>
            <input type="radio" name="report-kind" checked={kind === 'engagement'} onChange={() => setKind('engagement')} /> Engagement
          </label>
          <label>
            <input type="radio" name="report-kind" checked={kind === 'vendor'} onChange={() => setKind('vendor')} /> Vendor review
          </label>
        </fieldset>
        {kind === 'engagement' ? (
          <AssessmentPicker assessments={assessments} />
        ) : (
          <SelectField label="Vendor" value={subjectId} onChange={(e) => setVendorId(e.target.value)} disabled={vendors.length === 0}>
            {vendors.length === 0 ? <option value="">No vendors yet</option> : null}
            {vendors.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="Classification" value={classification} onChange={(e) => setClassification(e.target.value as ReportClassification)}>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {c.charAt(0) + c.slice(1).toLowerCase()}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Signer"
          value={signer}
          onChange={(e) => setSigner(e.target.value)}
          hint={chosen && !chosen.canSign ? 'Its passphrase is not in this computer’s keychain: import it again to sign here.' : undefined}
        >
          <option value="">Do not sign</option>
          {identities.map((i) => (
            <option key={i.fingerprint} value={i.fingerprint}>
              {i.commonName} · {i.origin === 'generated' ? 'self-signed' : 'imported'} · until {i.notAfter.slice(0, 10)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="issue-actions">
        <button type="button" className="button ghost" onClick={() => setDialog('import')}>
          Import identity…
        </button>
        <button type="button" className="button ghost" onClick={() => setDialog('generate')}>
          Generate self-signed…
        </button>
        <button type="button" className="button primary push-end" disabled={!subjectId || running} onClick={() => void issue()}>
          {running ? 'Issuing…' : signer ? 'Issue signed report' : 'Issue report'}
        </button>
      </div>
      {job && job.state !== 'failed' ? (
        <div className="issue-progress" data-testid="issue-progress">
          <progress max={1} value={job.fraction} aria-label="Report progress" />
          <span role="status">
            {STAGE[job.stage]} · {Math.round(job.fraction * 100)} %
          </span>
        </div>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <ImportIdentityDialog
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        onDone={(fp) => {
          setDialog(null);
          setSigner(fp);
        }}
      />
      <GenerateIdentityDialog
        open={dialog === 'generate'}
        onClose={() => setDialog(null)}
        onDone={(fp) => {
          setDialog(null);
          setSigner(fp);
        }}
      />
    </section>
  );
}
