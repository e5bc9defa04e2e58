// Affected controls of a finding: the assessment's controls (assessment.get rows),
// searchable by id, title or category, ticked on or off; chosen ones show as chips.
import { useId, useMemo, useState } from 'react';
import { useQuery } from '../../api/query';
import { ErrorText, messageOf } from '../../components/ErrorText';
import type { ControlChoice } from './draft';
import type { AssessmentRow } from './types';

const SHOWN = 40;
const keyOf = (c: { catalogueId: string; controlId: string }) => `${c.catalogueId}\u0000${c.controlId}`;

export function ControlPicker({
  assessmentId,
  value,
  onChange,
}: {
  assessmentId: string;
  value: ControlChoice[];
  onChange(next: ControlChoice[]): void;
}) {
  const id = useId();
  const read = useQuery('assessment.get', { id: assessmentId });
  const rows: AssessmentRow[] | null = read.data?.rows ?? null;
  const error = read.error ? messageOf(read.error) : null;
  const [query, setQuery] = useState('');

  const chosen = useMemo(() => new Set(value.map(keyOf)), [value]);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (rows ?? []).filter((r) => {
      const text = `${r.label} ${r.controlId} ${r.title} ${r.categoryTitle}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [rows, query]);

  const toggle = (r: AssessmentRow) => {
    if (chosen.has(keyOf(r))) onChange(value.filter((c) => keyOf(c) !== keyOf(r)));
    else onChange([...value, { catalogueId: r.catalogueId, controlId: r.controlId, title: r.title }]);
  };

  return (
    <fieldset className="control-picker">
      <legend>Affected controls</legend>
      {value.length ? (
        <ul className="chip-list" aria-label="Chosen controls">
          {value.map((c) => (
            <li key={keyOf(c)} className="chip">
              <span>
                <strong>{c.controlId}</strong> {c.title}
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${c.controlId}`}
                onClick={() => onChange(value.filter((x) => keyOf(x) !== keyOf(c)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">No control linked yet. Link the controls this weakness affects.</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-q`}>Find a control</label>
        <input id={`${id}-q`} type="search" value={query} placeholder="Id, title or category" onChange={(e) => setQuery(e.target.value)} />
      </div>
      <ErrorText error={error} />
      {rows === null && !error ? <p className="field-hint">Loading the assessment’s controls…</p> : null}
      {rows ? (
        <>
          <ul className="control-options" aria-label="Controls of the assessment">
            {matches.slice(0, SHOWN).map((r) => (
              <li key={keyOf(r)}>
                <label className="check">
                  <input type="checkbox" checked={chosen.has(keyOf(r))} onChange={() => toggle(r)} />
                  <span>
                    <strong>{r.label}</strong> {r.title}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <p className="field-hint" aria-live="polite">
            {matches.length === 0
              ? 'No control matches this search.'
              : matches.length > SHOWN
                ? `Showing ${SHOWN} of ${matches.length} controls; type to narrow the list.`
                : `${matches.length} control${matches.length === 1 ? '' : 's'}.`}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}
