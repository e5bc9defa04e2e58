// The results of a search, fetched ~150 ms after the last keystroke, beside the control
// under the cursor. Enter, a double-click or "Open in its catalogue" leaves the search.
import { useMemo, useState } from 'react';
import type { CatalogueSummary, SearchHit } from '../../../../main/contract/catalog';
import type { RequestOf } from '../../../../main/contract/ipc';
import { useQuery } from '../../api/query';
import { useSettled } from '../../lib/use-settled';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { ControlDetail, type ControlTarget } from './ControlDetail';
import { useCatalogue } from './data';
import type { SearchQuery } from './SearchBar';
import { Snippet } from './Snippet';
import { plural } from './text';

const DEBOUNCE_MS = 150;
const LIMIT = 200;

export function SearchResults({
  query,
  catalogues,
  onOpen,
  onClear,
  categoryTitle,
}: {
  categoryTitle?: string;
  query: SearchQuery;
  catalogues: CatalogueSummary[];
  onOpen(target: ControlTarget): void;
  onClear(): void;
}) {
  const request: RequestOf<'catalog.search'> = {
    text: query.text.trim(),
    ...(query.catalogueId ? { catalogueId: query.catalogueId } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
    limit: LIMIT,
  };
  const key = JSON.stringify(request);
  // Searched once typing rests; the answer is cached like any read and follows saves.
  const settled = useSettled(key, DEBOUNCE_MS);
  const read = useQuery('catalog.search', JSON.parse(settled) as RequestOf<'catalog.search'>);
  const outcome = read.data ? { hits: read.data.hits, total: read.data.total } : null;
  const error = read.error ? messageOf(read.error) : null;
  const [active, setActive] = useState(0);
  const [activeFor, setActiveFor] = useState(settled);
  if (activeFor !== settled) {
    setActiveFor(settled);
    setActive(0);
  }

  const titles = useMemo(() => new Map(catalogues.map((c) => [c.id, c.title])), [catalogues]);
  const known = useMemo(() => new Set(catalogues.map((c) => c.id)), [catalogues]);
  const hits = outcome?.hits ?? [];
  const hit = hits[Math.min(active, hits.length - 1)];
  const pending = settled !== key || read.loading;

  const columns = useMemo<Column<SearchHit>[]>(
    () => [
      {
        key: 'id',
        header: 'Id and catalogue',
        width: 'minmax(7rem, 10rem)',
        sort: (h) => h.controlId,
        render: (h) => (
          <div className="hit-cell">
            <code>{h.controlId}</code>
            <div className="hit-where">{titles.get(h.catalogueId) ?? h.catalogueId}</div>
          </div>
        ),
      },
      {
        key: 'title',
        header: 'Title and match',
        width: 'minmax(12rem, 1fr)',
        sort: (h) => h.title,
        render: (h) => (
          <div className="hit-cell">
            <div className="hit-title">{h.title}</div>
            <div className="hit-snippet">
              <Snippet snippet={h.snippet} />
            </div>
          </div>
        ),
      },
    ],
    [titles],
  );

  const where = [
    query.catalogueId ? `in ${titles.get(query.catalogueId) ?? query.catalogueId}` : 'in every catalogue',
    query.category ? `category “${categoryTitle ?? query.category}”` : '',
    query.tag ? `tagged “${query.tag}”` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const filtered = Boolean(query.catalogueId || query.tag);

  return (
    <section className="cat-results" aria-labelledby="results-title" aria-busy={pending}>
      <div className="cat-results-head">
        <p id="results-title" className="cat-section-title" role="status" data-testid="result-count">
          {outcome ? (
            <>
              {plural(outcome.total, 'result')}
              {outcome.total > outcome.hits.length ? <span className="cat-muted"> · showing the first {outcome.hits.length}</span> : null}
            </>
          ) : (
            'Searching…'
          )}
        </p>
        <button type="button" className="button subtle" onClick={onClear}>
          Clear search
        </button>
      </div>
      <ErrorText error={error} />
      <div className="cat-browse">
        <VirtualTable
          label="Search results"
          rows={hits}
          columns={columns}
          rowKey={(h) => `${h.catalogueId}/${h.controlId}`}
          rowHeight={62}
          activeIndex={hit ? Math.min(active, hits.length - 1) : -1}
          onActiveChange={setActive}
          onOpen={(h) => onOpen({ catalogue: h.catalogueId, control: h.controlId })}
          height="min(62vh, 640px)"
          testId="search-results"
          empty={
            outcome && !error ? (
              <div className="cat-no-results">
                <p>
                  No control matches {query.text.trim() ? <>“{query.text.trim()}”</> : 'these filters'} {where}.
                </p>
                <p className="cat-muted">
                  Every word must appear, as the start of a word, in a control’s id, title, statement or guidance. Try fewer or shorter
                  words
                  {filtered ? ', or widen the filters' : ''}.
                </p>
              </div>
            ) : (
              'Searching…'
            )
          }
        />
        {hit ? (
          <HitDetail
            key={`${hit.catalogueId}/${hit.controlId}`}
            hit={hit}
            summary={catalogues.find((c) => c.id === hit.catalogueId)}
            known={known}
            onOpen={onOpen}
          />
        ) : null}
      </div>
    </section>
  );
}

function HitDetail({
  hit,
  summary,
  known,
  onOpen,
}: {
  hit: SearchHit;
  summary: CatalogueSummary | undefined;
  known: ReadonlySet<string>;
  onOpen(target: ControlTarget): void;
}) {
  const read = useCatalogue(summary);
  const detail = read.data ?? null;
  const error = read.error ? messageOf(read.error) : null;
  const control = detail?.controls.find((c) => c.id === hit.controlId);
  if (error) return <ErrorText error={error} />;
  if (!detail || !control) return <div className="control-detail card cat-muted">Loading {hit.controlId}…</div>;
  return (
    <ControlDetail
      control={control}
      catalogueTitle={detail.summary.title}
      categoryTitle={detail.categories.find((c) => c.id === control.category)?.title ?? control.category}
      knownCatalogues={known}
      onJump={onOpen}
      actions={
        <button type="button" className="button" onClick={() => onOpen({ catalogue: hit.catalogueId, control: hit.controlId })}>
          Open in its catalogue
        </button>
      }
    />
  );
}
