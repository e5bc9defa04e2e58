// The analyst's correction of one answer: a control that fits the question's type and a
// note. The core reads the value with the import's rules (a number, a real date, one of
// the options) and its message shows beside the field; a saved correction offers Undo
// (toast and Ctrl+Z). A corrected answer can be put back as it was before the correction.
import { useId, useState } from 'react';
import { call } from '../../api/client';
import { useWrite } from '../../api/write';
import { Dialog } from '../../components/Dialog';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { answerShown, sourceLabel } from './answer-text';
import { YESNO_LABELS, YESNO_LIST } from './labels';
import type { AnswerView, Question } from './types';

type Props = {
  questionnaireId: string;
  question: Question | undefined;
  answer: AnswerView;
  fromCycle: string | null;
  onClose(): void;
};

type Raw = string | string[];

const initialRaw = (q: Question | undefined, v: AnswerView['value']): Raw =>
  q?.type === 'multi' ? (Array.isArray(v) ? v : v === '' ? [] : [String(v)]) : Array.isArray(v) ? v.join('; ') : String(v);

export function AnswerEditDialog({ questionnaireId: id, question: q, answer, fromCycle, onClose }: Props) {
  const questionId = answer.questionId;
  const [raw, setRaw] = useState<Raw>(() => initialRaw(q, answer.value));
  const [comment, setComment] = useState(answer.comment);
  const { write, error, busy } = useWrite();
  const multiId = useId();

  const correct = (value: AnswerView['value'] | null, note: string) =>
    call('questionnaire.answer.correct', { id, questionId, value, comment: note });
  // Undo (the toast, or Ctrl+Z) puts back exactly what was there, provenance included.
  const save = async () => {
    const done = await write(() => correct(raw, comment), {
      done: `The answer to ${questionId} is saved as your correction.`,
      undoable: true,
    });
    if (done) onClose();
  };
  const restore = async () => {
    const done = await write(() => call('questionnaire.answer.revert', { id, questionId }), {
      done: `The answer to ${questionId} is back as it was before the correction.`,
      undoable: true,
    });
    if (done) onClose();
  };

  const type = q?.type ?? 'text';
  const hint = type === 'number' ? 'A number, e.g. 72.' : type === 'date' ? 'A date written as YYYY-MM-DD, e.g. 2026-11-23.' : undefined;
  const text = typeof raw === 'string' ? raw : raw.join('; ');
  let control;
  if (type === 'yesno' || type === 'single') {
    const options = type === 'yesno' ? YESNO_LIST.map((v) => ({ id: v, label: YESNO_LABELS[v] ?? v })) : (q?.options ?? []);
    control = (
      <SelectField label="Answer" value={text} onChange={(e) => setRaw(e.target.value)} error={error}>
        <option value="">No answer</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label || o.id}
          </option>
        ))}
      </SelectField>
    );
  } else if (type === 'multi') {
    const chosen = Array.isArray(raw) ? raw : [];
    control = (
      <fieldset className="field answer-choices" aria-describedby={error ? `${multiId}-error` : undefined}>
        <legend>Answer</legend>
        {(q?.options ?? []).map((o) => (
          <label key={o.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(o.id)}
              onChange={(e) => setRaw(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))}
            />
            {o.label || o.id}
          </label>
        ))}
        {error ? (
          <div id={`${multiId}-error`} className="field-error" role="alert">
            {error}
          </div>
        ) : null}
      </fieldset>
    );
  } else if (type === 'text' && (q?.multiline ?? true)) {
    control = <TextAreaField label="Answer" value={text} rows={3} onChange={(e) => setRaw(e.target.value)} error={error} />;
  } else {
    control = (
      <Field
        label="Answer"
        value={text}
        inputMode={type === 'number' ? 'decimal' : undefined}
        onChange={(e) => setRaw(e.target.value)}
        hint={hint}
        error={error}
      />
    );
  }

  return (
    <Dialog title={`Correct the answer to ${questionId}`} open onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>{q?.text ?? questionId}</p>
        <p className="muted small">
          Now: {answerShown(q, answer.value) || 'no answer'} · {sourceLabel(answer, fromCycle)}
          {answer.original
            ? ` · before the correction: ${answerShown(q, answer.original.value) || 'no answer'}${answer.original.source === 'carried' ? ' (carried forward)' : answer.original.value === null ? '' : ' (the vendor’s)'}`
            : ''}
        </p>
        {control}
        <TextAreaField label="Note" value={comment} rows={3} onChange={(e) => setComment(e.target.value)} />
        <p className="muted small">
          Saved as your correction, not the vendor’s answer: the audit log records you with the old and new answer, and the score updates.
        </p>
        <div className="form-actions">
          {answer.original ? (
            <button type="button" className="button" disabled={busy} onClick={() => void restore()}>
              Restore the answer before the correction
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Save correction
          </button>
        </div>
      </form>
    </Dialog>
  );
}
