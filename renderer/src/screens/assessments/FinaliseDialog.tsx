// Finalising is a deliberate act: the dialog says what is still open (controls not
// assessed, open findings without an owner or a due date) and, when anything is, the
// user must tick that they finalise it incomplete. The core refuses without that tick.
import { useId, useState } from 'react';
import { useQuery } from '../../api/query';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';

interface Props {
  assessmentId: string;
  open: boolean;
  onClose(): void;
  onFinalise(acknowledgeIncomplete: boolean): Promise<void>;
}

export function FinaliseDialog({ assessmentId, open, onClose, onFinalise }: Props) {
  return (
    <Dialog title="Finalise the assessment" open={open} onClose={onClose} wide>
      {open ? <FinaliseBody assessmentId={assessmentId} onClose={onClose} onFinalise={onFinalise} /> : null}
    </Dialog>
  );
}

function FinaliseBody({ assessmentId, onClose, onFinalise }: Omit<Props, 'open'>) {
  const id = useId();
  const readiness = useQuery('assessment.readiness', { id: assessmentId });
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const r = readiness.data;
  const blocked = !r || (!r.complete && !acknowledged);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onFinalise(!r!.complete && acknowledged);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form asm-finalise"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked) void submit();
      }}
    >
      <p className="card-intro">A final assessment is read-only, and reports issued from it are no longer marked DRAFT.</p>
      <ErrorText error={readiness.error ? messageOf(readiness.error) : null} />
      {!r ? <p className="asm-muted">Checking what is still open…</p> : null}
      {r?.complete ? <p>Every control is assessed, and every open finding has an owner and a due date.</p> : null}
      {r && !r.complete ? (
        <div className="asm-gaps" role="group" aria-label="What is incomplete">
          <h3>This assessment is incomplete</h3>
          {r.unassessed > 0 ? (
            <section>
              <h4>
                {r.unassessed} control{r.unassessed === 1 ? '' : 's'} not assessed
              </h4>
              {/* Scrolls when long, so it takes focus for keyboard users. */}
              <ul tabIndex={0} aria-label="Controls not assessed">
                {r.unassessedControls.map((c) => (
                  <li key={`${c.catalogueId}/${c.controlId}`}>
                    <strong>{c.label}</strong> {c.title}
                  </li>
                ))}
                {r.unassessed > r.unassessedControls.length ? (
                  <li className="asm-muted">and {r.unassessed - r.unassessedControls.length} more</li>
                ) : null}
              </ul>
            </section>
          ) : null}
          {r.carriedForward > 0 ? (
            <section>
              <h4>
                {r.carriedForward} carried-forward result{r.carriedForward === 1 ? '' : 's'} not reviewed
              </h4>
            </section>
          ) : null}
          {r.findings.length > 0 ? (
            <section>
              <h4>
                {r.findingsWithoutOwner} open finding{r.findingsWithoutOwner === 1 ? '' : 's'} without an owner, {r.findingsWithoutDueDate}{' '}
                without a due date
              </h4>
              <ul tabIndex={0} aria-label="Findings without owner or due date">
                {r.findings.map((f) => (
                  <li key={f.ref}>
                    <strong>{f.ref}</strong> {f.title}
                    <span className="asm-muted">
                      {' '}
                      ({[f.owner ? null : 'no owner', f.dueDate ? null : 'no due date'].filter(Boolean).join(', ')})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <label className="check" htmlFor={`${id}-ack`}>
            <input id={`${id}-ack`} type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
            <span>I finalise it incomplete; this is recorded in the audit log</span>
          </label>
        </div>
      ) : null}
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={blocked || busy} aria-busy={busy}>
          Finalise
        </button>
      </div>
    </form>
  );
}
