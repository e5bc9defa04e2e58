// The status and rationale of the active control. Edits stay a draft (kept per control
// by the caller, so moving away loses nothing) until saved with the button or Ctrl+Enter.
// Escape hands focus back to the table. Not applicable is only saved with a justification.
import { useEffect, useId, useRef, useState } from 'react';
import type { AssessmentRow } from '../../../../main/contract/assessment';
import { CONTROL_STATUSES, STATUS_LABELS, type ControlStatus } from '../../../../main/contract/vocabulary';

export interface Draft {
  status: ControlStatus;
  rationale: string;
}

export interface FocusRequest {
  key: string;
  n: number;
}

interface Props {
  row: AssessmentRow;
  rowKey: string;
  draft: Draft | null;
  onDraft(draft: Draft | null): void;
  readOnly: boolean;
  focusRequest: FocusRequest | null;
  onSave(status: ControlStatus, rationale: string): Promise<void>;
  onEscape(): void;
}

export const NA_NEEDS_JUSTIFICATION = 'Not applicable needs a justification: say why the control does not apply.';

export function RationaleEditor({ row, rowKey, draft, onDraft, readOnly, focusRequest, onSave, onEscape }: Props) {
  const id = useId();
  const text = useRef<HTMLTextAreaElement>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ key: string; text: string } | null>(null);
  const status = draft?.status ?? row.status;
  const rationale = draft?.rationale ?? row.rationale;
  const dirty = draft !== null && (draft.status !== row.status || draft.rationale !== row.rationale);
  const needsJustification = status === 'not-applicable' && !rationale.trim();
  const shownError = error?.key === rowKey ? error.text : null;

  // Focus only when asked for this control; moving between rows must not steal focus.
  useEffect(() => {
    if (focusRequest && focusRequest.key === rowKey) {
      text.current?.focus();
      text.current?.setSelectionRange(text.current.value.length, text.current.value.length);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to new requests only
  }, [focusRequest]);

  const save = async () => {
    if (!dirty || saving) return;
    if (needsJustification) {
      setError({ key: rowKey, text: NA_NEEDS_JUSTIFICATION });
      text.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(status, rationale);
    } catch (e) {
      setError({ key: rowKey, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="asm-editor"
      aria-label={`Result of ${row.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onEscape();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status}
          disabled={readOnly}
          onChange={(e) => onDraft({ status: e.target.value as ControlStatus, rationale })}
        >
          {CONTROL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{status === 'not-applicable' ? 'Justification' : 'Rationale'}</label>
        <textarea
          ref={text}
          id={`${id}-text`}
          rows={4}
          value={rationale}
          readOnly={readOnly}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${id}-hint${shownError ? ` ${id}-error` : ''}`}
          onChange={(e) => onDraft({ status, rationale: e.target.value })}
        />
        <div id={`${id}-hint`} className="field-hint">
          {readOnly
            ? 'Final: read-only.'
            : needsJustification
              ? 'Not applicable is saved once you say why. Ctrl+Enter saves, Escape returns to the table.'
              : status === 'not-assessed' && rationale.trim()
                ? 'A rationale is kept only with a status: pick one before saving.'
                : 'Ctrl+Enter saves, Escape returns to the table.'}
        </div>
        {shownError ? (
          <div id={`${id}-error`} className="field-error" role="alert">
            {shownError}
          </div>
        ) : null}
      </div>
      {readOnly ? null : (
        <div className="asm-editor-actions">
          {dirty ? <span className="asm-unsaved">Unsaved changes</span> : null}
          {dirty ? (
            <button type="button" className="button subtle" onClick={() => onDraft(null)}>
              Discard
            </button>
          ) : null}
          <button type="submit" className="button primary" disabled={saving || !dirty} aria-busy={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </form>
  );
}
