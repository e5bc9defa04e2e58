// Reports: issue signed reports with progress, preview and save them, verify any signed
// report, export the assessment in standard formats, and set the report branding.
import { useCallback, useState } from 'react';
import type { IssuedReportView } from '../../../../main/contract/report';
import { useAssessmentList } from '../../components/AssessmentPicker';
import { ErrorText } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { BrandingSection } from './BrandingSection';
import { ExportsSection } from './ExportsSection';
import { IssueSection } from './IssueSection';
import { IssuedReports, PreviewPane, usePreview } from './IssuedReports';
import { TrustSection } from './TrustSection';
import { Verifier } from './Verifier';
import './reports.css';
import { workspaceShown } from '../../store/workspace';

const SUBTITLE = 'Signed PDF reports anyone can verify, standard exports, and the branding they carry.';

export function ReportsScreen() {
  const open = useAppStore(workspaceShown);
  if (!open) return <WorkspaceScreen id="reports" />;
  return <Reports />;
}

function Reports() {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const { assessments, error: listError } = useAssessmentList();
  const [preview, showPreview] = usePreview();
  const [error, setError] = useState<string | null>(null);
  const sayInStore = useAppStore((s) => s.say);
  const say = useCallback((text: string) => sayInStore({ text, tone: 'ok' }), [sayInStore]);
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
          <IssueSection assessments={assessments} onIssued={onIssued} />
          <PreviewPane preview={preview} />
          <BrandingSection />
        </div>
        <div className="reports-side">
          <Verifier />
          <TrustSection />
          <ExportsSection assessmentId={assessmentId} onDone={say} />
        </div>
        <div className="reports-wide">
          <IssuedReports onPreview={showPreview} onError={setError} />
        </div>
      </div>
    </>
  );
}
