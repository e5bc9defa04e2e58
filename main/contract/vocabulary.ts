// The words of assessments as plain constants: no zod, so the renderer may import them
// as values (lint allows this one contract file) and show the same labels as the CLI.
export const CONTROL_STATUSES = ['not-assessed', 'met', 'partial', 'not-met', 'not-applicable'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const STATUS_LABELS: Record<ControlStatus, string> = {
  'not-assessed': 'Not assessed',
  met: 'Met',
  partial: 'Partially met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

export const ASSESSMENT_STATES = ['draft', 'review', 'final'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const FINDING_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_STATUSES = ['open', 'in-progress', 'risk-accepted', 'remediated', 'verified'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const SEVERITY_LABELS: Record<FindingSeverity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  'risk-accepted': 'Risk accepted',
  remediated: 'Remediated',
  verified: 'Verified',
};
export const STATE_LABELS: Record<AssessmentState, string> = { draft: 'Draft', review: 'In review', final: 'Final' };

/** How catalog.search marks the matched words in a snippet (control characters never found in catalogue text). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * Finding severity from likelihood × impact (each 1–5), the usual 5×5 risk matrix: a
 * product of 20 or more is critical, 12 or more high, 6 or more medium, 3 or more low,
 * below that informational. Here so the core and the finding form share one table.
 */
export const SEVERITY_THRESHOLDS: readonly [number, FindingSeverity][] = [
  [20, 'critical'],
  [12, 'high'],
  [6, 'medium'],
  [3, 'low'],
  [1, 'info'],
];

export function severityFor(likelihood: number, impact: number): FindingSeverity {
  const product = likelihood * impact;
  return SEVERITY_THRESHOLDS.find(([min]) => product >= min)?.[1] ?? 'info';
}
