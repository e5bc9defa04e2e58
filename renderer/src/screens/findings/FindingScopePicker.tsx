// Whose findings the screen lists: everything, every assessment or one, every vendor or
// one. An assessment chosen here is the store's assessment (Dashboard and Assessments
// follow it); the scope itself is kept in the store while the workspace is open.
import { useId } from 'react';
import { assessmentLabel } from '../../components/AssessmentPicker';
import { useAppStore } from '../../store';
import type { FindingScope } from '../../store/selection';
import type { AssessmentSummary } from './types';

export interface VendorChoice {
  id: string;
  name: string;
}

const valueOf = (scope: FindingScope, assessmentId: string | null): string =>
  scope.kind === 'assessment' ? `a:${assessmentId ?? ''}` : scope.kind === 'vendor' ? `v:${scope.vendorId}` : scope.kind;

export function FindingScopePicker({
  scope,
  assessments,
  vendors,
}: {
  /** the scope in effect (the store's, made valid for what exists) */
  scope: FindingScope;
  assessments: readonly AssessmentSummary[];
  vendors: readonly VendorChoice[];
}) {
  const id = useId();
  const assessmentId = useAppStore((s) => s.assessmentId);
  const choose = (value: string) => {
    const s = useAppStore.getState();
    if (value.startsWith('a:')) {
      s.selectAssessment(value.slice(2));
      s.setFindingScope({ kind: 'assessment' });
    } else if (value.startsWith('v:')) s.setFindingScope({ kind: 'vendor', vendorId: value.slice(2) });
    else s.setFindingScope({ kind: value as 'all' | 'assessments' | 'vendors' });
  };
  return (
    <div className="field finding-scope">
      <label htmlFor={id}>Findings of</label>
      <select id={id} value={valueOf(scope, assessmentId)} onChange={(e) => choose(e.target.value)}>
        <option value="all">All assessments and vendors</option>
        {assessments.length > 0 ? (
          <optgroup label="Assessments">
            <option value="assessments">All assessments</option>
            {assessments.map((a) => (
              <option key={a.id} value={`a:${a.id}`}>
                {assessmentLabel(a)}
              </option>
            ))}
          </optgroup>
        ) : null}
        {vendors.length > 0 ? (
          <optgroup label="Vendors">
            <option value="vendors">All vendors</option>
            {vendors.map((v) => (
              <option key={v.id} value={`v:${v.id}`}>
                {v.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}
