// The reviewer's conclusion: approve, approve with conditions, or reject, always with the
// rationale that says why (for conditions: which ones).
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { TextAreaField } from '../../components/Field';
import { useAppStore } from '../../store';
import { CONCLUSION_LABELS, CONCLUSION_LIST } from './labels';
import type { Conclusion, QuestionnaireSummary } from './types';
import { formatDate } from '../../lib/dates';

export function ConclusionForm({ q }: { q: QuestionnaireSummary }) {
  const [conclusion, setConclusion] = useState<Conclusion | ''>(q.conclusion ?? '');
  const [rationale, setRationale] = useState(q.conclusionRationale ?? '');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  if (q.state === 'concluded' && q.conclusion) {
    return (
      <div className={`conclusion-done conclusion-${q.conclusion}`} data-testid="conclusion">
        <p>
          <strong>{CONCLUSION_LABELS[q.conclusion]}</strong> by {q.concludedBy} on {formatDate(q.concludedAt)}
        </p>
        <p className="rationale">{q.conclusionRationale}</p>
      </div>
    );
  }
  const submit = async () => {
    setError(null);
    setFieldError(null);
    if (!conclusion) return setError('Choose approve, approve with conditions or reject.');
    if (!rationale.trim())
      return setFieldError(
        conclusion === 'approve-with-conditions'
          ? 'Write the conditions the vendor must meet.'
          : 'Say why: a conclusion needs its rationale.',
      );
    try {
      await useAppStore.getState().mutate(() => call('questionnaire.conclude', { id: q.id, conclusion, rationale }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form
      className="form conclusion-form"
      aria-label="Conclusion"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {q.state !== 'answered' ? <p className="muted">Import the vendor's answers first: a conclusion rests on a score.</p> : null}
      <fieldset className="sub-fieldset" disabled={q.state !== 'answered'}>
        <legend>Decision</legend>
        <div className="check-row">
          {CONCLUSION_LIST.map((c) => (
            <label key={c} className="check">
              <input type="radio" name={`conclusion-${q.id}`} value={c} checked={conclusion === c} onChange={() => setConclusion(c)} />{' '}
              {CONCLUSION_LABELS[c]}
            </label>
          ))}
        </div>
        <TextAreaField
          label="Rationale"
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          error={fieldError}
          hint="Why this conclusion; for conditions, what the vendor must do and by when."
          rows={3}
        />
      </fieldset>
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={q.state !== 'answered'}>
          Record conclusion
        </button>
      </div>
    </form>
  );
}
