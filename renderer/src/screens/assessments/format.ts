// Words and numbers as the Assessments screen shows them.
import { formatDate } from '../../lib/dates';
import { STATUS_LABELS, type ControlStatus } from '../../../../main/contract/vocabulary';

const ACTIONS: Record<string, string> = {
  'evidence.add.note': 'Added a note',
  'evidence.add.link': 'Added a link',
  'evidence.add.file': 'Attached a file',
  'evidence.remove': 'Removed evidence',
  'evidence.restore': 'Restored evidence',
};

/** An audit action on a control in plain words ("Set to Not met"). */
export function describeAction(action: string): string {
  if (action.startsWith('result.')) {
    const status = action.slice('result.'.length) as ControlStatus;
    if (status in STATUS_LABELS) return `Set to ${STATUS_LABELS[status]}`;
  }
  return ACTIONS[action] ?? action;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

export { formatDateTime as formatWhen } from '../../lib/dates';

export function formatPeriod(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)} to ${formatDate(end)}`;
  if (start) return `from ${formatDate(start)}`;
  if (end) return `until ${formatDate(end)}`;
  return 'no period set';
}
