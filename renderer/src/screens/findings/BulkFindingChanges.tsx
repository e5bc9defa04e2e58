// Status, owner or due date for every chosen finding, each in one write with one undo.
import { useId, useState } from 'react';
import { FINDING_STATUSES, FINDING_STATUS_LABELS, type FindingStatus } from '../../../../main/contract/vocabulary';

export type BulkChange = { status: FindingStatus } | { owner: string } | { dueDate: string | null };

export function BulkFindingChanges({ disabled, onApply }: { disabled: boolean; onApply(change: BulkChange): void }) {
  const id = useId();
  // Risk acceptance needs a justification and an expiry per finding: not offered here.
  const statuses = FINDING_STATUSES.filter((s) => s !== 'risk-accepted');
  const [status, setStatus] = useState<FindingStatus>('in-progress');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  return (
    <>
      <span className="bulk-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as FindingStatus)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {FINDING_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={disabled} onClick={() => onApply({ status })}>
          Set status
        </button>
      </span>
      <span className="bulk-field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input id={`${id}-owner`} value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
        <button type="button" className="button" disabled={disabled || !owner.trim()} onClick={() => onApply({ owner: owner.trim() })}>
          Set owner
        </button>
      </span>
      <span className="bulk-field">
        <label htmlFor={`${id}-due`}>Due date</label>
        <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="button" className="button" disabled={disabled || !due} onClick={() => onApply({ dueDate: due })}>
          Set due date
        </button>
      </span>
    </>
  );
}
