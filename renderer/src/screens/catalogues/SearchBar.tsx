// One search box over every catalogue, with filters by catalogue, category and tag.
// `/` anywhere on the screen (outside a text field or dialog) focuses the box.
import { useEffect, useId, useRef } from 'react';
import type { CatalogueSummary } from '../../../../main/contract/catalog';
import { SelectField } from '../../components/Field';

export interface SearchQuery {
  text: string;
  catalogueId: string;
  category: string;
  tag: string;
}

export const NO_SEARCH: SearchQuery = { text: '', catalogueId: '', category: '', tag: '' };
export const isSearching = (q: SearchQuery) => q.text.trim() !== '' || q.catalogueId !== '' || q.tag !== '';

const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function SearchBar({
  query,
  onChange,
  catalogues,
  categories,
  tags,
}: {
  query: SearchQuery;
  onChange(query: SearchQuery): void;
  catalogues: CatalogueSummary[];
  /** the categories of the chosen catalogue */
  categories: { id: string; title: string }[];
  tags: string[];
}) {
  const ids = useId();
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      box.current?.focus();
      box.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div role="search" className="cat-search" aria-label="Search controls">
      <div className="field cat-search-box">
        <label htmlFor={`${ids}-text`}>
          Search every catalogue{' '}
          <kbd className="cat-kbd" aria-hidden="true">
            /
          </kbd>
        </label>
        <input
          id={`${ids}-text`}
          ref={box}
          type="search"
          value={query.text}
          placeholder="Words from an id, title, statement or guidance"
          maxLength={500}
          onChange={(e) => onChange({ ...query, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query.text) {
              e.preventDefault();
              onChange({ ...query, text: '' });
            }
          }}
          aria-describedby={`${ids}-hint`}
          data-testid="catalogue-search"
        />
        <span id={`${ids}-hint`} className="visually-hidden">
          Press slash to come back here, Escape to clear.
        </span>
        <span id={`${ids}-category-hint`} className="visually-hidden">
          Choose a catalogue to filter by its categories.
        </span>
      </div>
      <SelectField
        label="Catalogue"
        value={query.catalogueId}
        onChange={(e) => onChange({ ...query, catalogueId: e.target.value, category: '' })}
      >
        <option value="">All catalogues</option>
        {catalogues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <label htmlFor={`${ids}-category`}>Category</label>
        <select
          id={`${ids}-category`}
          value={query.category}
          disabled={!query.catalogueId}
          aria-describedby={query.catalogueId ? undefined : `${ids}-category-hint`}
          onChange={(e) => onChange({ ...query, category: e.target.value })}
        >
          <option value="">Any category</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <SelectField label="Tag" value={query.tag} onChange={(e) => onChange({ ...query, tag: e.target.value })}>
        <option value="">Any tag</option>
        {(query.tag && !tags.includes(query.tag) ? [query.tag, ...tags] : tags).map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
