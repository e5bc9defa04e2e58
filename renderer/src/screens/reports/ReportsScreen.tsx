// Reports: issue signed reports with progress, preview and save them, verify any signed
// report, export the assessment in standard formats, and set the report branding.
import { useCallback, useState } from 'react';
import type { IssuedReportView } from '../../../../main/contract/report';
import { useAssessmentList } from '../../components/AssessmentPicker';
import { ErrorText } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Toast, type ToastMessage } from '../../components/Toast';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { BrandingSection } from './BrandingSection';
import { ExportsSection } from './ExportsSection';
import { IssueSection } from './IssueSection';
import { IssuedReports, PreviewPane, usePreview } from './IssuedReports';
import { TrustSection } from './TrustSection';
import { Verifier } from './Verifier';
import './reports.css';

const SUBTITLE = 'Signed PDF reports anyone can verify, standard exports, and the branding they carry.';

export function ReportsScreen() {
  const open = useAppStore((s) => s.status.state === 'open');
  if (!open) return <WorkspaceScreen id="reports" />;
  return <Reports />;
}

let toastId = 0;

function Reports() {
  const lastSeq = useAppStore((s) => (s.status.state === 'open' ? s.status.lastSeq : 0));
  const assessmentId = useAppStore((s) => s.assessmentId);
  const { assessments, error: listError } = useAssessmentList();
  const [preview, showPreview] = usePreview();
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const say = useCallback((text: string) => setToast({ id: ++toastId, text, tone: 'ok' }), []);
  const dismiss = useCallback(() => setToast(null), []);
  const onIssued = (r: IssuedReportView) => {
    say(`${r.id} issued${r.signerName ? ` and signed by ${r.signerName}` : ''}.`);
    showPreview(r);
  };

  return (
    <>
      <ScreenHeader title="Reports" subtitle={SUBTITLE} />
      <ErrorText error={listError ?? error} />
      <div className="reports-layout">
        <div className="reports-main">
          <IssueSection assessments={assessments} lastSeq={lastSeq} onIssued={onIssued} />
          <PreviewPane preview={preview} />
          <BrandingSection lastSeq={lastSeq} onSaved={say} />
        </div>
        <div className="reports-side">
          <Verifier />
          <TrustSection lastSeq={lastSeq} onDone={say} />
          <ExportsSection assessmentId={assessmentId} onDone={say} />
        </div>
        <div className="reports-wide">
          <IssuedReports lastSeq={lastSeq} onPreview={showPreview} onError={setError} />
        </div>
      </div>
      <Toast toast={toast} onDismiss={dismiss} />
    </>
  );
}
