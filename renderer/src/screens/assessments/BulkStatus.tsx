// One status for every chosen control, in one write with one undo.
import { useId, useState } from 'react';
import { CONTROL_STATUSES, STATUS_LABELS, type ControlStatus } from '../../../../main/contract/vocabulary';

export function BulkStatus({ disabled, onApply }: { disabled: boolean; onApply(status: ControlStatus): void }) {
  const id = useId();
  const [status, setStatus] = useState<ControlStatus>('met');
  return (
    <span className="bulk-field">
      <label htmlFor={id}>Set status</label>
      <select id={id} value={status} onChange={(e) => setStatus(e.target.value as ControlStatus)}>
        {CONTROL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <button type="button" className="button primary" disabled={disabled} onClick={() => onApply(status)}>
        Apply to selected
      </button>
    </span>
  );
}
