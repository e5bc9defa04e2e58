// Status and severity as small labelled pills: colour is never the only signal, the text is always there.
import {
  FINDING_STATUS_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type ControlStatus,
  type FindingSeverity,
  type FindingStatus,
} from '../../../main/contract/vocabulary';

export function StatusBadge({ status }: { status: ControlStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  return <span className={`badge severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return <span className={`badge finding-${status}`}>{FINDING_STATUS_LABELS[status]}</span>;
}
