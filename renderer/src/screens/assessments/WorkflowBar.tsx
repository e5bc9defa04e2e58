// Where the assessment stands (state, progress, open findings) and the moves it can make:
// draft → in review → final, back to draft, and reopening a final one with a reason.
import { useId, useRef, useState } from 'react';
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import { STATE_LABELS, type AssessmentState } from '../../../../main/contract/vocabulary';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { FinaliseDialog } from './FinaliseDialog';
import { ProgressBar } from './ProgressBar';

interface Props {
  summary: AssessmentSummary;
  assessed: number;
  onState(state: AssessmentState, reason?: string, acknowledgeIncomplete?: boolean): Promise<void>;
}

export function WorkflowBar({ summary, assessed, onState }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [finalising, setFinalising] = useState(false);
  const actions = useRef<HTMLDivElement>(null);
  // The button just pressed is replaced by the next move: focus follows to it.
  const focusNext = () => {
    setTimeout(() => actions.current?.querySelector<HTMLButtonElement>('button')?.focus(), 0);
  };

  const move = async (state: AssessmentState) => {
    setBusy(true);
    setError(null);
    try {
      await onState(state);
      focusNext();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="asm-workflow card" aria-label="Progress and workflow">
      <div className="asm-workflow-facts">
        <span className={`asm-state state-${summary.state}`}>{STATE_LABELS[summary.state]}</span>
        <ProgressBar assessed={assessed} total={summary.total} />
        <span className="asm-muted">
          {summary.openFindings} open finding{summary.openFindings === 1 ? '' : 's'}
        </span>
      </div>
      <div className="asm-workflow-actions" ref={actions}>
        {summary.state === 'draft' ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => void move('review')}>
            Send to review
          </button>
        ) : null}
        {summary.state === 'review' ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void move('draft')}>
              Back to draft
            </button>
            <button type="button" className="button primary" disabled={busy} onClick={() => setFinalising(true)}>
              Finalise…
            </button>
          </>
        ) : null}
        {summary.state === 'final' ? (
          <button type="button" className="button" disabled={busy} onClick={() => setReopening(true)}>
            Reopen…
          </button>
        ) : null}
      </div>
      <ErrorText error={error} />
      <FinaliseDialog
        assessmentId={summary.id}
        open={finalising}
        onClose={() => setFinalising(false)}
        onFinalise={(ack) => onState('final', undefined, ack).then(focusNext)}
      />
      <ReopenDialog open={reopening} onClose={() => setReopening(false)} onReopen={(reason) => onState('review', reason).then(focusNext)} />
    </section>
  );
}

function ReopenDialog({ open, onClose, onReopen }: { open: boolean; onClose(): void; onReopen(reason: string): Promise<void> }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reason.trim()) {
      setError('Say why the assessment is reopened; the reason is recorded in the audit log.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onReopen(reason.trim());
      setReason('');
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Reopen the final assessment" open={open} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="card-intro">
          A final assessment is read-only. Reopening moves it back to review so results can change again. The reason is recorded in the
          workspace&apos;s audit log.
        </p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <textarea
            id={`${id}-reason`}
            className="asm-textarea"
            rows={3}
            value={reason}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? (
            <div id={`${id}-error`} className="field-error" role="alert">
              {error}
            </div>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            Reopen
          </button>
        </div>
      </form>
    </Dialog>
  );
}
