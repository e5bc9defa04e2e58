// The finding form's working copy, and its conversion to the fields finding.create and
// finding.update take. Kept apart from the components so the rules read in one place.
import type { FindingView, RequestOf } from './types';
import type { FindingSeverity, FindingStatus } from '../../../../main/contract/vocabulary';
import { severityFor } from './severity';

export interface ControlChoice {
  catalogueId: string;
  controlId: string;
  /** what the user reads: the control's label and title */
  title: string;
}

export interface Draft {
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  override: boolean;
  overrideSeverity: FindingSeverity;
  overrideReason: string;
  owner: string;
  dueDate: string;
  remediation: string;
  status: FindingStatus;
  justification: string;
  expires: string;
  controls: ControlChoice[];
}

export const emptyDraft = (): Draft => ({
  title: '',
  description: '',
  likelihood: 3,
  impact: 3,
  override: false,
  overrideSeverity: 'medium',
  overrideReason: '',
  owner: '',
  dueDate: '',
  remediation: '',
  status: 'open',
  justification: '',
  expires: '',
  controls: [],
});

export function draftOf(f: FindingView): Draft {
  const overridden = f.severity !== f.computedSeverity;
  return {
    title: f.title,
    description: f.description,
    likelihood: f.likelihood,
    impact: f.impact,
    override: overridden,
    overrideSeverity: f.severity,
    overrideReason: f.severityOverrideReason ?? '',
    owner: f.owner,
    dueDate: f.dueDate ?? '',
    remediation: f.remediation,
    status: f.status,
    justification: f.acceptanceJustification ?? '',
    expires: f.acceptanceExpires ?? '',
    controls: f.controls.map((c) => ({ catalogueId: c.catalogueId, controlId: c.controlId, title: c.title })),
  };
}

type Fields = Omit<RequestOf<'finding.create'>, 'assessmentId'>;

export function fieldsOf(d: Draft): Fields {
  const accepted = d.status === 'risk-accepted';
  return {
    title: d.title.trim(),
    description: d.description,
    likelihood: d.likelihood,
    impact: d.impact,
    severityOverride: d.override ? d.overrideSeverity : null,
    severityOverrideReason: d.override ? d.overrideReason.trim() || null : null,
    owner: d.owner.trim(),
    dueDate: d.dueDate || null,
    remediation: d.remediation,
    status: d.status,
    acceptanceJustification: accepted ? d.justification.trim() || null : null,
    acceptanceExpires: accepted ? d.expires || null : null,
    controls: d.controls.map(({ catalogueId, controlId }) => ({ catalogueId, controlId })),
  };
}

/** The severity the finding will have: the override when one is set, else likelihood × impact. */
export const effectiveSeverity = (d: Draft): FindingSeverity => (d.override ? d.overrideSeverity : severityFor(d.likelihood, d.impact));

export type FieldName = 'title' | 'overrideReason' | 'justification' | 'expires' | 'dueDate';

/** Which field a core error code belongs to, so the message shows beside it. */
export const FIELD_OF_CODE: Record<string, FieldName> = {
  REASON_REQUIRED: 'overrideReason',
  JUSTIFICATION_REQUIRED: 'justification',
  EXPIRY_REQUIRED: 'expires',
};
