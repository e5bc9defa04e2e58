// One question in the builder: a summary line (open to edit, move, delete) and, when open,
// every property: type, text, help, weight, required, options, the expected answer,
// mapped controls and the display condition.
import { useId, useState } from 'react';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { ControlsEditor } from './ControlsEditor';
import { answersOf, expectedFor } from './draft';
import { QUESTION_TYPE_LIST, TYPE_LABELS } from './labels';
import type { Question, QuestionType } from './types';

function OptionsEditor({ q, set }: { q: Question; set(p: Partial<Question>): void }) {
  const setOption = (i: number, patch: Partial<Question['options'][number]>) =>
    set({ options: q.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const nextId = () => {
    let n = q.options.length + 1;
    while (q.options.some((o) => o.id === `opt-${n}`)) n++;
    return `opt-${n}`;
  };
  return (
    <fieldset className="sub-fieldset">
      <legend>Options</legend>
      {q.options.length === 0 ? <p className="muted small">A choice question needs at least one option.</p> : null}
      {q.options.map((o, i) => (
        <div key={i} className="option-row">
          <Field label={`Option ${i + 1} id`} value={o.id} onChange={(e) => setOption(i, { id: e.target.value })} />
          <Field label={`Option ${i + 1} label`} value={o.label} onChange={(e) => setOption(i, { label: e.target.value })} />
          <button
            type="button"
            className="button subtle"
            aria-label={`Remove option ${i + 1}`}
            onClick={() => {
              const removed = q.options[i]!.id;
              const exp =
                q.expected && (q.expected.kind === 'anyOf' || q.expected.kind === 'allOf')
                  ? { ...q.expected, values: q.expected.values.filter((v) => v !== removed) }
                  : q.expected;
              set({
                options: q.options.filter((_, j) => j !== i),
                expected: exp && 'values' in exp && exp.values.length === 0 ? undefined : exp,
              });
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => set({ options: [...q.options, { id: nextId(), label: '' }] })}>
        Add option
      </button>
    </fieldset>
  );
}

function ExpectedEditor({ q, set }: { q: Question; set(p: Partial<Question>): void }) {
  const e = q.expected;
  if (q.type === 'yesno') {
    return (
      <SelectField
        label="Expected answer"
        value={e?.kind === 'equals' ? e.value : ''}
        onChange={(ev) => set({ expected: ev.target.value ? { kind: 'equals', value: ev.target.value as 'yes' | 'no' } : undefined })}
        hint="Partial earns half the weight; Not applicable is left out of the score."
      >
        <option value="">None (not scored)</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </SelectField>
    );
  }
  if (q.type === 'single' || q.type === 'multi') {
    const values = e && (e.kind === 'anyOf' || e.kind === 'allOf') ? e.values : [];
    const kind = q.type === 'single' ? 'anyOf' : 'allOf';
    const toggle = (id: string, on: boolean) => {
      const next = on ? [...values, id] : values.filter((v) => v !== id);
      set({ expected: next.length ? { kind, values: next } : undefined });
    };
    return (
      <fieldset className="sub-fieldset">
        <legend>{q.type === 'single' ? 'Acceptable choices' : 'Choices that must all be picked'}</legend>
        {q.options.length === 0 ? <p className="muted small">Add options first.</p> : null}
        <div className="check-row">
          {q.options.map((o) => (
            <label key={o.id} className="check">
              <input type="checkbox" checked={values.includes(o.id)} onChange={(ev) => toggle(o.id, ev.target.checked)} /> {o.label || o.id}
            </label>
          ))}
        </div>
        <p className="muted small">None ticked: the question is not scored.</p>
      </fieldset>
    );
  }
  if (q.type === 'number') {
    const r = e?.kind === 'range' ? e : { kind: 'range' as const };
    const bound = (v: string) => (v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));
    const setRange = (min: number | undefined, max: number | undefined) =>
      set({
        expected:
          min === undefined && max === undefined
            ? undefined
            : { kind: 'range', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
      });
    return (
      <div className="inline-pair">
        <Field label="Expected at least" type="number" value={r.min ?? ''} onChange={(ev) => setRange(bound(ev.target.value), r.max)} />
        <Field label="Expected at most" type="number" value={r.max ?? ''} onChange={(ev) => setRange(r.min, bound(ev.target.value))} />
      </div>
    );
  }
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={e?.kind === 'provided'}
        onChange={(ev) => set({ expected: ev.target.checked ? { kind: 'provided' } : undefined })}
      />{' '}
      Scored: an answer must be given
    </label>
  );
}

function ConditionEditor({ q, others, set }: { q: Question; others: Question[]; set(p: Partial<Question>): void }) {
  const target = others.find((o) => o.id === q.showWhen?.question);
  const choices = target ? answersOf(target) : [];
  const values = q.showWhen?.anyOf ?? [];
  return (
    <fieldset className="sub-fieldset">
      <legend>Display condition</legend>
      <SelectField
        label="Show this question"
        value={q.showWhen?.question ?? ''}
        onChange={(ev) => {
          const t = others.find((o) => o.id === ev.target.value);
          const first = t ? answersOf(t)[0]?.id : undefined;
          set({ showWhen: t && first ? { question: t.id, anyOf: [first] } : undefined });
        }}
      >
        <option value="">Always</option>
        {others
          .filter((o) => o.type === 'yesno' || o.type === 'single' || o.type === 'multi')
          .map((o) => (
            <option key={o.id} value={o.id}>
              When {o.id} ({o.text.length > 50 ? `${o.text.slice(0, 50)}…` : o.text}) is…
            </option>
          ))}
      </SelectField>
      {target ? (
        <div className="check-row" role="group" aria-label={`Answers of ${target.id} that show this question`}>
          {choices.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={values.includes(c.id)}
                onChange={(ev) => {
                  const next = ev.target.checked ? [...values, c.id] : values.filter((v) => v !== c.id);
                  set({ showWhen: next.length ? { question: target.id, anyOf: next } : undefined });
                }}
              />{' '}
              {c.label}
            </label>
          ))}
        </div>
      ) : null}
      {q.cond ? <p className="muted small">Imported condition, kept as written: {q.cond}</p> : null}
    </fieldset>
  );
}

export function QuestionEditor({
  q,
  others,
  position,
  onChange,
  onMove,
  onRemove,
}: {
  q: Question;
  others: Question[];
  position: { index: number; count: number };
  onChange(q: Question): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  return (
    <div className="q-editor">
      <div className="q-editor-head">
        <button type="button" className="q-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="q-id">{q.id}</span> <span className="q-type">{TYPE_LABELS[q.type]}</span>{' '}
          <span className="q-summary">{q.text}</span> {q.required ? <span className="badge">Required</span> : null}
          {q.showWhen ? <span className="badge">Conditional</span> : null}
        </button>
        <div className="q-tools">
          <button
            type="button"
            className="button subtle"
            aria-label={`Move ${q.id} up`}
            disabled={position.index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button subtle"
            aria-label={`Move ${q.id} down`}
            disabled={position.index === position.count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="button subtle danger-text" aria-label={`Delete ${q.id}`} onClick={onRemove}>
            Delete
          </button>
        </div>
      </div>
      {open ? (
        <div className="q-editor-body" id={bodyId}>
          <div className="q-grid">
            <Field
              label="Question id"
              value={q.id}
              onChange={(e) => set({ id: e.target.value })}
              hint="Letters, digits and . _ : - ; the vendor's file is matched by it."
            />
            <SelectField
              label="Answer type"
              value={q.type}
              onChange={(e) => {
                const type = e.target.value as QuestionType;
                set({ type, expected: expectedFor(type, q.expected) });
              }}
            >
              {QUESTION_TYPE_LIST.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </SelectField>
            <Field
              label="Weight"
              type="number"
              min={0}
              max={100}
              step="any"
              value={q.weight}
              onChange={(e) => set({ weight: e.target.value === '' ? 0 : Number(e.target.value) })}
              hint="0 leaves it out of the score."
            />
          </div>
          <TextAreaField label="Question text" value={q.text} onChange={(e) => set({ text: e.target.value })} />
          <TextAreaField label="Help for the vendor" value={q.help} onChange={(e) => set({ help: e.target.value })} rows={2} />
          <label className="check">
            <input type="checkbox" checked={q.required} onChange={(e) => set({ required: e.target.checked })} /> Required: an import without
            this answer is refused
          </label>
          {q.type === 'single' || q.type === 'multi' ? <OptionsEditor q={q} set={set} /> : null}
          <ExpectedEditor q={q} set={set} />
          <ControlsEditor controls={q.controls} questionId={q.id} onChange={(controls) => set({ controls })} />
          <ConditionEditor q={q} others={others} set={set} />
        </div>
      ) : null}
    </div>
  );
}
