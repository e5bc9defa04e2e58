// Choose what to issue (kind, subject, classification, signer) and issue it, with the
// job's progress polled from the core (IPC is invoke-only).
import { useEffect, useState } from 'react';
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import type {
  IssueJobView,
  IssuedReportView,
  ReportClassification,
  ReportKind,
  SigningIdentityView,
} from '../../../../main/contract/report';
import type { VendorRow } from '../../../../main/contract/vendor';
import { call } from '../../api/client';
import { useJob } from '../../api/job';
import { useQuery } from '../../api/query';
import { AssessmentPicker } from '../../components/AssessmentPicker';
import { messageOf } from '../../components/ErrorText';
import { SelectField } from '../../components/Field';
import { useAppStore } from '../../store';
import { GenerateIdentityDialog, ImportIdentityDialog } from './IdentityDialogs';
import { formatDate } from '../../lib/dates';

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

type Vendor = Pick<VendorRow, 'id' | 'name' | 'scored'>;
const NO_VENDORS: Vendor[] = [];
const NO_IDENTITIES: SigningIdentityView[] = [];

export function IssueSection({ assessments, onIssued }: { assessments: AssessmentSummary[]; onIssued(report: IssuedReportView): void }) {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const [kind, setKind] = useState<ReportKind>('engagement');
  const vendorList = useQuery('vendor.list', {});
  const vendors: Vendor[] = vendorList.data?.vendors ?? NO_VENDORS;
  const [vendorId, setVendorId] = useState('');
  const [classification, setClassification] = useState<ReportClassification>('CONFIDENTIAL');
  const identityList = useQuery('report.identity.list', {});
  const identities: SigningIdentityView[] = identityList.data?.identities ?? NO_IDENTITIES;
  // null until the user picks: then the first identity that can sign here; '' is "do not sign".
  const [picked, setSigner] = useState<string | null>(null);
  const signer = picked ?? identities.find((i) => i.canSign)?.fingerprint ?? '';
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob('report.progress', jobId ? { jobId } : null, POLL_MS, (p) => p.state !== 'running');
  const [startError, setStartError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'import' | 'generate' | null>(null);

  const view = job.view;
  const failed = view?.state === 'failed' ? (view.error?.message ?? 'The report could not be issued.') : null;
  const error =
    startError ?? failed ?? (job.error ? messageOf(job.error) : null) ?? (identityList.error ? messageOf(identityList.error) : null);
  const subjectId = kind === 'engagement' ? (assessmentId ?? '') : vendorId || (vendors[0]?.id ?? '');
  // A vendor report is made from a scored questionnaire: without one there is nothing to report.
  const unreviewed = kind === 'vendor' ? vendors.find((v) => v.id === subjectId && !v.scored) : undefined;
  const running = jobId !== null && (view === null || view.state === 'running') && !job.error;

  // The finished job's answer carried its commit's number, so the lists read again by themselves.
  const issued = view?.state === 'done' ? view.report : null;
  useEffect(() => {
    if (issued) onIssued(issued);
    // once per issued report
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [issued?.id]);

  const issue = async () => {
    if (!subjectId) return;
    setStartError(null);
    try {
      const started = await call('report.issue', { kind, subjectId, classification, ...(signer ? { signerFingerprint: signer } : {}) });
      setJobId(started.jobId);
    } catch (e) {
      setStartError(messageOf(e));
      setJobId(null);
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
                {v.scored ? v.name : `${v.name} (no review on record)`}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label="Classification"
          value={classification}
          onChange={(e) => setClassification(e.target.value as ReportClassification)}
        >
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
              {i.commonName} · {i.origin === 'generated' ? 'self-signed' : 'imported'} · until {formatDate(i.notAfter)}
            </option>
          ))}
        </SelectField>
      </div>
      {unreviewed ? (
        <p className="muted issue-note" role="note">
          No review on record: {unreviewed.name} has no scored questionnaire. Score one on the vendor&apos;s page (Questionnaires tab), then
          issue its report.
        </p>
      ) : null}
      <div className="issue-actions">
        <button type="button" className="button ghost" onClick={() => setDialog('import')}>
          Import identity…
        </button>
        <button type="button" className="button ghost" onClick={() => setDialog('generate')}>
          Generate self-signed…
        </button>
        <button
          type="button"
          className="button primary push-end"
          disabled={!subjectId || running || unreviewed !== undefined}
          onClick={() => void issue()}
        >
          {running ? 'Issuing…' : signer ? 'Issue signed report' : 'Issue report'}
        </button>
      </div>
      {jobId && view?.state !== 'failed' ? (
        <div className="issue-progress" data-testid="issue-progress">
          <progress max={1} value={view?.fraction ?? 0} aria-label="Report progress" />
          <span role="status">
            {STAGE[view?.stage ?? 'model']} · {Math.round((view?.fraction ?? 0) * 100)} %
          </span>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
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
