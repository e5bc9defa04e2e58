// The registry's words as the screen shows them: the shared ones come from the contract's
// vocabulary (the core's reports use the same), the screen's own are typed against it.
import {
  CERT_LABELS,
  CERTIFICATION_KINDS,
  CONCLUSION_LABELS,
  CRITICALITY_LABELS,
  DATA_TYPE_LABELS,
  VENDOR_CRITICALITIES,
  VENDOR_DATA_TYPES,
  type CertificationKind,
} from '../../../../main/contract/vocabulary';
import type { ReviewState } from './types';

export { CERT_LABELS, CONCLUSION_LABELS, CRITICALITY_LABELS, DATA_TYPE_LABELS };
export const DATA_TYPES = [...VENDOR_DATA_TYPES];
export const CRITICALITIES = [...VENDOR_CRITICALITIES];
export const CERT_KINDS = [...CERTIFICATION_KINDS];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { ok: 'Scheduled', due: 'Due soon', overdue: 'Overdue' };

export const certName = (c: { kind: CertificationKind; otherName: string }) =>
  c.kind === 'other' ? c.otherName || 'Other' : CERT_LABELS[c.kind];
