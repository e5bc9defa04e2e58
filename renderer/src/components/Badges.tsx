// Status and severity as small labelled pills: colour is never the only signal, the text is always there.
import { STATUS_LABELS, type ControlStatus, type FindingSeverity, type FindingStatus } from '../../../main/contract/assessment';

export function StatusBadge({ status }: { status: ControlStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}

const SEVERITY_LABELS: Record<FindingSeverity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  return <span className={`badge severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  'risk-accepted': 'Risk accepted',
  remediated: 'Remediated',
  verified: 'Verified',
};
export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return <span className={`badge finding-${status}`}>{FINDING_STATUS_LABELS[status]}</span>;
}
