// Which assessment a screen looks at. The choice lives in the store (assessmentId), so
// Dashboard, Assessments and Findings stay on the same one; when nothing valid is
// chosen, the most recent assessment is picked.
import { useEffect, useId } from 'react';
import type { AssessmentSummary } from '../../../main/contract/assessment';
import { STATE_LABELS } from '../../../main/contract/vocabulary';
import { useQuery } from '../api/query';
import { messageOf } from './ErrorText';
import { useAppStore } from '../store';
import { workspaceShown } from '../store/workspace';

export interface AssessmentList {
  assessments: AssessmentSummary[];
  /** false until the first answer arrives */
  loaded: boolean;
  error: string | null;
}

/** assessment.list, read again after every saved change; keeps the store's selection valid. */
export function useAssessmentList(): AssessmentList {
  const open = useAppStore(workspaceShown);
  const read = useQuery('assessment.list', open ? {} : null);
  const assessments = read.data?.assessments;
  useEffect(() => {
    if (!assessments) return;
    const { assessmentId, selectAssessment } = useAppStore.getState();
    // newest first: the first is the most recent
    if (!assessments.some((a) => a.id === assessmentId)) selectAssessment(assessments[0]?.id ?? null);
  }, [assessments]);
  return { assessments: assessments ?? NONE, loaded: Boolean(read.data || read.error), error: read.error ? messageOf(read.error) : null };
}

const NONE: AssessmentSummary[] = [];

export const assessmentLabel = (a: AssessmentSummary) => `${a.name} — ${a.client} (${STATE_LABELS[a.state]})`;

const ALL = '__all__';

/**
 * A labelled select of the workspace's assessments. With `all`, it also offers
 * "All assessments"; that choice is the caller's (the store keeps one assessment).
 */
export function AssessmentPicker({
  assessments,
  label = 'Assessment',
  all,
}: {
  assessments: readonly AssessmentSummary[];
  label?: string;
  all?: { selected: boolean; onChange(selected: boolean): void };
}) {
  const id = useId();
  const assessmentId = useAppStore((s) => s.assessmentId);
  const selectAssessment = useAppStore((s) => s.selectAssessment);
  const value = all?.selected ? ALL : (assessmentId ?? '');
  return (
    <div className="field assessment-picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={assessments.length === 0}
        onChange={(e) => {
          if (e.target.value === ALL) {
            all?.onChange(true);
            return;
          }
          all?.onChange(false);
          selectAssessment(e.target.value);
        }}
      >
        {assessments.length === 0 ? <option value="">No assessments yet</option> : null}
        {all && assessments.length > 0 ? <option value={ALL}>All assessments</option> : null}
        {assessments.map((a) => (
          <option key={a.id} value={a.id}>
            {assessmentLabel(a)}
          </option>
        ))}
      </select>
    </div>
  );
}
