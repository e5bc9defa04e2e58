// The controls a question answers for: search the workspace's catalogues and add a hit,
// or type a catalogue and control id by hand; each mapped control can be removed.
import { useId, useState } from 'react';
import { useQuery } from '../../api/query';
import { useSettled } from '../../lib/use-settled';
import type { Question } from './types';

type Ref = Question['controls'][number];
type Hit = { catalogueId: string; controlId: string; title: string };

export function ControlsEditor({ controls, onChange, questionId }: { controls: Ref[]; onChange(next: Ref[]): void; questionId: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const inputId = useId();
  // Searched once typing rests; a failed search simply offers nothing.
  const q = useSettled(text.trim(), 200);
  const read = useQuery('catalog.search', q.length >= 2 ? { text: q, limit: 8 } : null);
  const hits: Hit[] = (read.data?.hits ?? []).map((h) => ({ catalogueId: h.catalogueId, controlId: h.controlId, title: h.title }));

  const shown = text.trim().length >= 2 ? hits : [];
  const add = (ref: Ref) => {
    setError(null);
    if (controls.some((c) => c.catalogueId === ref.catalogueId && c.controlId === ref.controlId))
      return setError(`${ref.controlId} is already mapped.`);
    onChange([...controls, ref]);
    setText('');
  };
  const addTyped = () => {
    const m = /^\s*([^\s:]+)\s*[: ]\s*(\S+)\s*$/.exec(text);
    if (!m) return setError('Type a catalogue id and a control id, e.g. “platform-baseline S.A.4”, or pick a search result.');
    add({ catalogueId: m[1]!, controlId: m[2]! });
  };

  return (
    <div className="controls-editor">
      <span className="mini-label" id={`${listId}-label`}>
        Mapped controls
      </span>
      {controls.length ? (
        <ul className="chip-list" aria-labelledby={`${listId}-label`}>
          {controls.map((c) => (
            <li key={`${c.catalogueId}/${c.controlId}`} className="chip">
              <span>
                {c.catalogueId} · {c.controlId}
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Unmap ${c.controlId} from ${questionId}`}
                onClick={() => onChange(controls.filter((x) => x !== c))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">None yet: a gap on this question then points to no control.</p>
      )}
      <div className="field control-search">
        <label htmlFor={inputId}>Find a control</label>
        <div className="inline-row">
          <input
            id={inputId}
            value={text}
            placeholder="Search: mfa, S.A.4…"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (shown[0] && shown.length === 1) add(shown[0]);
                else addTyped();
              }
            }}
          />
          <button type="button" className="button" onClick={addTyped}>
            Map
          </button>
        </div>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {shown.length ? (
        <ul className="hit-list" aria-label="Matching controls">
          {shown.map((h) => (
            <li key={`${h.catalogueId}/${h.controlId}`}>
              <button type="button" className="link-button" onClick={() => add({ catalogueId: h.catalogueId, controlId: h.controlId })}>
                {h.controlId} — {h.title} <span className="muted">({h.catalogueId})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
