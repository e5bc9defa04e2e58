// The registry's words as the screen shows them. The lists are typed against the
// contract, so a value added there fails the type check here until it has a label.
import type { CertificationKind, ReviewConclusion, ReviewState, VendorCriticality, VendorDataType } from './types';

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
export const DATA_TYPES = Object.keys(DATA_TYPE_LABELS) as VendorDataType[];

export const CRITICALITY_LABELS: Record<VendorCriticality, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const CRITICALITIES = Object.keys(CRITICALITY_LABELS) as VendorCriticality[];

export const CERT_LABELS: Record<CertificationKind, string> = {
  'soc2-type1': 'SOC 2 type I',
  'soc2-type2': 'SOC 2 type II',
  iso27001: 'ISO 27001',
  iso27701: 'ISO 27701',
  'pci-dss': 'PCI DSS',
  hitrust: 'HITRUST',
  other: 'Other',
};
export const CERT_KINDS = Object.keys(CERT_LABELS) as CertificationKind[];

export const CONCLUSION_LABELS: Record<ReviewConclusion, string> = {
  approve: 'Approved',
  'approve-with-conditions': 'Approved with conditions',
  reject: 'Rejected',
};

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { ok: 'Scheduled', due: 'Due soon', overdue: 'Overdue' };

export const certName = (c: { kind: CertificationKind; otherName: string }) => (c.kind === 'other' ? c.otherName || 'Other' : CERT_LABELS[c.kind]);
