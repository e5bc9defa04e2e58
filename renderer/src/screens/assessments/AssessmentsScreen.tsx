// The Assessments screen: the list of assessments (or what an assessment is, when there
// are none) and, once one is chosen, that assessment's work surface.
import { useEffect, useState } from 'react';
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import { call } from '../../api/client';
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

export function AssessmentsScreen() {
  const status = useAppStore((s) => s.status);
  if (status.state !== 'open') return <WorkspaceScreen id="assessments" />;
  return <Assessments workspaceId={status.workspaceId} lastSeq={status.lastSeq} />;
}

function Assessments({ workspaceId, lastSeq }: { workspaceId: string; lastSeq: number }) {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const selectAssessment = useAppStore((s) => s.selectAssessment);
  const [list, setList] = useState<{ workspaceId: string; assessments: AssessmentSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // The list is re-read while it is shown (progress changes elsewhere); inside an
  // assessment it is not, so keystrokes there do not re-read every assessment.
  const listVersion = assessmentId ? -1 : lastSeq;

  useEffect(() => {
    let current = true;
    call('assessment.list', {}).then(
      (r) => {
        if (!current) return;
        setList({ workspaceId, assessments: r.assessments });
        setError(null);
      },
      (e: unknown) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [workspaceId, listVersion]);

  const assessments = list?.workspaceId === workspaceId ? list.assessments : null;
  const selected = assessmentId && assessments?.some((a) => a.id === assessmentId) ? assessmentId : null;

  if (selected) return <AssessmentView key={selected} id={selected} onBack={() => selectAssessment(null)} />;

  const newButton = (
    <button type="button" className="button primary" onClick={() => setCreating(true)}>
      New assessment
    </button>
  );
  return (
    <>
      <ScreenHeader title="Assessments" subtitle={screenDescriptions.assessments.subtitle} actions={assessments?.length ? newButton : undefined} />
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
            An assessment measures one scope (a platform, a team, a vendor) against one or more control catalogues. You set
            each control to met, partially met, not met or not applicable, with a rationale and evidence; controls that fall
            short become findings. When it is done, finalise it and issue a signed report.
          </p>
        </EmptyState>
      ) : (
        <AssessmentList assessments={assessments} onOpen={selectAssessment} />
      )}
      <NewAssessmentDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          setList((l) => (l ? { ...l, assessments: [a, ...l.assessments] } : l));
          selectAssessment(a.id);
        }}
      />
    </>
  );
}
