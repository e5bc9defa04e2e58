// Status, catalogue, category and text filters above the control table, with the count
// of what is shown. The search box is reachable with `/` from the table.
import { forwardRef, useId } from 'react';
import { CONTROL_STATUSES, STATUS_LABELS, type ControlStatus } from '../../../../main/contract/vocabulary';
import type { Filters } from './filters';

interface Props {
  filters: Filters;
  onChange(next: Filters): void;
  /** Enter or Escape in the search box: back to the table, the filter kept */
  onLeave(): void;
  catalogues: readonly { id: string; title: string }[];
  categories: readonly { id: string; title: string }[];
  shown: number;
  total: number;
  searching: boolean;
  searchError: string | null;
}

export const ControlFilters = forwardRef<HTMLInputElement, Props>(function ControlFilters(props, searchRef) {
  const { filters, onChange } = props;
  const id = useId();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="asm-filters" role="search" aria-label="Filter controls">
      <div className="field asm-search">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          ref={searchRef}
          id={`${id}-text`}
          type="search"
          placeholder="Words in id, title, statement, guidance"
          value={filters.text}
          aria-describedby={`${id}-count`}
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'Escape') {
              e.preventDefault();
              props.onLeave();
            }
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filters.status} onChange={(e) => set({ status: e.target.value as ControlStatus | '' })}>
          <option value="">Any status</option>
          {CONTROL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {props.catalogues.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-catalogue`}>Catalogue</label>
          <select id={`${id}-catalogue`} value={filters.catalogueId} onChange={(e) => set({ catalogueId: e.target.value, category: '' })}>
            <option value="">Every catalogue</option>
            {props.catalogues.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={filters.category} onChange={(e) => set({ category: e.target.value })}>
          <option value="">Every category</option>
          {props.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-count`} className="asm-count" role="status">
        {props.searchError ? (
          <span className="error-text">{props.searchError}</span>
        ) : (
          <>
            {props.shown.toLocaleString()} of {props.total.toLocaleString()} controls
            {props.searching ? ' (searching…)' : ''}
          </>
        )}
      </p>
    </div>
  );
});
