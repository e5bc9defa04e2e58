// Words and numbers as the Assessments screen shows them.
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

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatPeriod(start: string | null, end: string | null): string {
  if (start && end) return `${start} to ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return 'no period set';
}
