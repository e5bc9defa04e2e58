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

/**
 * A score (0–100) as every screen and every report writes it: one decimal, no trailing
 * ".0". One function, so the headline figure and the text below it never disagree.
 */
export const formatScore = (score: number): string => String(Math.round(score * 10) / 10);

export const ASSESSMENT_STATES = ['draft', 'review', 'final'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const FINDING_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_STATUSES = ['open', 'in-progress', 'risk-accepted', 'remediated', 'verified'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** Whose findings a list without a named assessment or vendor holds. */
export const FINDING_SUBJECTS = ['assessments', 'vendors', 'all'] as const;
export type FindingSubjects = (typeof FINDING_SUBJECTS)[number];
export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};
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

/** What a vendor stores or can reach; `none` stands alone. */
export const VENDOR_DATA_TYPES = [
  'personal',
  'special-category',
  'payment',
  'credentials',
  'production-access',
  'source-code',
  'internal',
  'none',
] as const;
export type VendorDataType = (typeof VENDOR_DATA_TYPES)[number];
export const DATA_TYPE_LABELS: Record<VendorDataType, string> = {
  personal: 'Personal data',
  'special-category': 'Special-category data (health…)',
  payment: 'Payment data',
  credentials: 'Credentials / secrets',
  'production-access': 'Production access',
  'source-code': 'Source code',
  internal: 'Internal business data',
  none: 'None',
};

export const VENDOR_CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type VendorCriticality = (typeof VENDOR_CRITICALITIES)[number];
export const CRITICALITY_LABELS: Record<VendorCriticality, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const CERTIFICATION_KINDS = ['soc2-type1', 'soc2-type2', 'iso27001', 'iso27701', 'pci-dss', 'hitrust', 'other'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
export const CERT_LABELS: Record<CertificationKind, string> = {
  'soc2-type1': 'SOC 2 type I',
  'soc2-type2': 'SOC 2 type II',
  iso27001: 'ISO 27001',
  iso27701: 'ISO 27701',
  'pci-dss': 'PCI DSS',
  hitrust: 'HITRUST',
  other: 'Other',
};

/** A reviewer's conclusion on a vendor questionnaire, and how it reads once recorded. */
export const REVIEW_CONCLUSIONS = ['approve', 'approve-with-conditions', 'reject'] as const;
export type ReviewConclusion = (typeof REVIEW_CONCLUSIONS)[number];
export const CONCLUSION_LABELS: Record<ReviewConclusion, string> = {
  approve: 'Approved',
  'approve-with-conditions': 'Approved with conditions',
  reject: 'Rejected',
};
