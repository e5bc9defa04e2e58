// The Assessments screen: the list of assessments (or what an assessment is, when there
// are none) and, once one is chosen, that assessment's work surface.
import { useState } from 'react';
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import { useQuery } from '../../api/query';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAppStore } from '../../store';
import { screenDescriptions } from '../descriptions';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { AssessmentList } from './AssessmentList';
import { AssessmentView } from './AssessmentView';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import './assessments.css';
import { workspaceShown } from '../../store/workspace';

export function AssessmentsScreen() {
  const shown = useAppStore(workspaceShown);
  if (!shown) return <WorkspaceScreen id="assessments" />;
  return <Assessments />;
}

function Assessments() {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const selectAssessment = useAppStore((s) => s.selectAssessment);
  // Inside an assessment the list is not read at all, so its keystrokes re-read nothing
  // but the control they changed.
  if (assessmentId) return <AssessmentView key={assessmentId} id={assessmentId} onBack={() => selectAssessment(null)} />;
  return <AssessmentsList onOpen={selectAssessment} />;
}

function AssessmentsList({ onOpen }: { onOpen(id: string): void }) {
  const read = useQuery('assessment.list', {});
  const assessments: AssessmentSummary[] | null = read.data?.assessments ?? null;
  const error = read.error ? messageOf(read.error) : null;
  const [creating, setCreating] = useState(false);

  const newButton = (
    <button type="button" className="button primary" onClick={() => setCreating(true)}>
      New assessment
    </button>
  );
  return (
    <>
      <ScreenHeader
        title="Assessments"
        subtitle={screenDescriptions.assessments.subtitle}
        actions={assessments?.length ? newButton : undefined}
      />
      <ErrorText error={error} />
      {assessments === null ? (
        error ? null : (
          <p className="asm-muted" aria-live="polite">
            Loading assessments…
          </p>
        )
      ) : assessments.length === 0 ? (
        <EmptyState title="No assessments yet" action={newButton}>
          <p>
            An assessment measures one scope (a platform, a team, a vendor) against one or more control catalogues. You set each control to
            met, partially met, not met or not applicable, with a rationale and evidence; controls that fall short become findings. When it
            is done, finalise it and issue a signed report.
          </p>
        </EmptyState>
      ) : (
        <AssessmentList assessments={assessments} onOpen={onOpen} />
      )}
      <NewAssessmentDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          onOpen(a.id);
        }}
      />
    </>
  );
}
