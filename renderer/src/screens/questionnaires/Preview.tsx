// The form as a vendor sees it. Answers typed here only drive the display conditions:
// items appear and disappear as they would in the vendor's copy; nothing is saved.
import { useId, useMemo, useState } from 'react';
import { YESNO_LABELS, YESNO_LIST } from './labels';
import type { AnswerValue, Question, TemplateBody, TemplateItem } from './types';
import { hiddenItems } from '../../../../main/contract/visibility';

function QuestionInput({ q, value, set }: { q: Question; value: AnswerValue | undefined; set(v: AnswerValue | undefined): void }) {
  const id = useId();
  const label = (
    <>
      <span className="pv-text">{q.text}</span>
      {q.required ? <span className="pv-required"> (required)</span> : null}
    </>
  );
  const help = q.help ? (
    <p className="pv-help" id={`${id}-help`}>
      {q.help}
    </p>
  ) : null;
  const describedBy = q.help ? `${id}-help` : undefined;
  if (q.type === 'yesno' || q.type === 'single') {
    const choices = q.type === 'yesno' ? YESNO_LIST.map((v) => ({ id: v, label: YESNO_LABELS[v] ?? v })) : q.options;
    return (
      <fieldset className="pv-question" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {help}
        <div className={q.type === 'yesno' ? 'pv-choices inline' : 'pv-choices'}>
          {choices.map((c) => (
            <label key={c.id} className="check">
              <input type="radio" name={`${id}-r`} checked={value === c.id} onChange={() => set(c.id)} /> {c.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (q.type === 'multi') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="pv-question" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {help}
        <div className="pv-choices">
          {q.options.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(c.id)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, c.id] : chosen.filter((v) => v !== c.id);
                  set(next.length ? next : undefined);
                }}
              />{' '}
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const inputType = q.type === 'number' ? 'number' : q.type === 'date' ? 'date' : 'text';
  const common = {
    id,
    'aria-describedby': describedBy,
    value: value === undefined ? '' : String(value),
    onChange: (e: { target: { value: string } }) =>
      set(e.target.value === '' ? undefined : q.type === 'number' ? Number(e.target.value) : e.target.value),
  };
  return (
    <div className="pv-question field">
      <label htmlFor={id}>{label}</label>
      {help}
      {q.type === 'text' && q.multiline ? (
        <textarea rows={2} {...common} />
      ) : (
        <input type={inputType} placeholder={q.type === 'file' ? 'Name of the file you attach' : undefined} {...common} />
      )}
    </div>
  );
}

function NoteView({ item }: { item: Extract<TemplateItem, { kind: 'note' }> }) {
  if (item.style === 'spacer') return <hr className="pv-spacer" />;
  if (item.style === 'heading') return <h4 className="pv-heading">{item.text || item.name}</h4>;
  return (
    <div className={`pv-note${item.warn ? ' warn' : ''}`}>
      {item.warn ? <strong>Warning{item.severity ? ` (${item.severity})` : ''}: </strong> : null}
      {item.name ? <strong>{item.name}. </strong> : null}
      <span>{item.text}</span>
      {item.why ? <p className="muted">{item.why}</p> : null}
    </div>
  );
}

export function Preview({ body, label = 'Preview' }: { body: TemplateBody; label?: string }) {
  const [answers, setAnswers] = useState<Map<string, AnswerValue>>(new Map());
  const hidden = useMemo(() => hiddenItems(body, answers), [body, answers]);
  const set = (qid: string, v: AnswerValue | undefined) =>
    setAnswers((prev) => {
      const next = new Map(prev);
      if (v === undefined) next.delete(qid);
      else next.set(qid, v);
      return next;
    });
  const shown = body.sections.reduce((n, s) => n + s.items.filter((i) => i.kind === 'question' && !hidden.has(i)).length, 0);
  return (
    <section className="card preview" aria-label={label} data-testid="preview">
      <div className="preview-head">
        <h2>{label}</h2>
        <span className="muted" role="status">
          {shown} question{shown === 1 ? '' : 's'} shown
        </span>
        {answers.size ? (
          <button type="button" className="button subtle" onClick={() => setAnswers(new Map())}>
            Clear answers
          </button>
        ) : null}
      </div>
      <p className="muted">As the vendor sees it. Answer here to try the display conditions; nothing is saved.</p>
      <h3 className="pv-title">{body.title}</h3>
      {body.description ? <p className="pv-help">{body.description}</p> : null}
      {body.sections.map((s) => (
        <section key={s.id} className="pv-section" aria-label={s.title}>
          <h4>{s.title}</h4>
          {s.help ? <p className="pv-help">{s.help}</p> : null}
          {s.items.map((item, i) =>
            hidden.has(item) ? null : item.kind === 'question' ? (
              <QuestionInput key={item.id} q={item} value={answers.get(item.id)} set={(v) => set(item.id, v)} />
            ) : (
              <NoteView key={item.id ?? `n${i}`} item={item} />
            ),
          )}
        </section>
      ))}
    </section>
  );
}
