// The Catalogues screen: browse the workspace's catalogues, search every control, import
// OSCAL and spreadsheets, and write custom catalogues.
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAppStore } from '../../store';
import { screenDescriptions } from '../descriptions';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { CatalogueDetail, type DetailView } from './CatalogueDetail';
import { CatalogueList } from './CatalogueList';
import type { ControlTarget } from './ControlDetail';
import { CustomCatalogueDialog } from './CustomCatalogueDialog';
import { useCatalogueDetail, useCatalogueList, useTags } from './data';
import { ImportDialog } from './ImportDialog';
import { NO_SEARCH, SearchBar, isSearching, type SearchQuery } from './SearchBar';
import { SearchResults } from './SearchResults';
import './catalogues.css';
import { workspaceShown } from '../../store/workspace';

export function CataloguesScreen() {
  const status = useAppStore((s) => s.status);
  if (!workspaceShown({ status }) || status.state === 'none') return <WorkspaceScreen id="catalogues" />;
  // Another file is another library; the same one after a lock keeps its state.
  return <Catalogues key={status.path} />;
}

function Catalogues() {
  const list = useCatalogueList();
  const [view, setView] = useState<DetailView | null>(null);
  const [query, setQuery] = useState<SearchQuery>(NO_SEARCH);
  const [dialog, setDialog] = useState<'import' | 'custom' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const catalogues = useMemo(() => list.value ?? [], [list.value]);
  const known = useMemo(() => new Set(catalogues.map((c) => c.id)), [catalogues]);
  const summary = view ? catalogues.find((c) => c.id === view.catalogueId) : undefined;
  const detail = useCatalogueDetail(summary);
  const chosen = catalogues.find((c) => c.id === query.catalogueId);
  const chosenDetail = useCatalogueDetail(chosen);
  const tags = useTags(catalogues, query.catalogueId);
  const categories = chosenDetail.value?.categories ?? [];

  const open = (catalogueId: string, controlId?: string) => {
    setNotice(null);
    setQuery(NO_SEARCH);
    setView({ catalogueId, ...(controlId ? { controlId } : {}) });
  };
  const jump = (t: ControlTarget) => {
    if (!known.has(t.catalogue)) {
      setNotice(`The catalogue "${t.catalogue}" is not in this workspace, so ${t.control} cannot be shown.`);
      return;
    }
    open(t.catalogue, t.control);
  };

  const actions = (
    <>
      <button type="button" className="button" onClick={() => setDialog('custom')}>
        New custom catalogue…
      </button>
      <button type="button" className="button primary" onClick={() => setDialog('import')}>
        Import…
      </button>
    </>
  );

  let body;
  if (list.value === null) {
    body = list.error ? <ErrorText error={list.error} /> : <p className="cat-muted">Loading the catalogues…</p>;
  } else if (isSearching(query)) {
    body = (
      <SearchResults
        query={query}
        catalogues={catalogues}
        categoryTitle={categories.find((c) => c.id === query.category)?.title}
        onOpen={jump}
        onClear={() => setQuery(NO_SEARCH)}
      />
    );
  } else if (view && !summary) {
    body = (
      <EmptyState
        title="This catalogue is no longer in the workspace"
        action={
          <button type="button" className="button" onClick={() => setView(null)}>
            All catalogues
          </button>
        }
      >
        <p>It was removed. Assessments that used it keep their own copy.</p>
      </EmptyState>
    );
  } else if (view && summary) {
    body = detail.value ? (
      <CatalogueDetail
        key={summary.id}
        summary={summary}
        detail={detail.value}
        view={view}
        knownCatalogues={known}
        onView={setView}
        onJump={jump}
        onBack={() => setView(null)}
      />
    ) : detail.error ? (
      <ErrorText error={detail.error} />
    ) : (
      <p className="cat-muted" role="status">
        Loading {summary.title}…
      </p>
    );
  } else if (catalogues.length === 0) {
    body = (
      <EmptyState title="No catalogues yet" action={actions}>
        <p>Import an OSCAL catalog or a spreadsheet of controls, or write a catalogue of your own.</p>
      </EmptyState>
    );
  } else {
    body = <CatalogueList catalogues={catalogues} onOpen={(id) => open(id)} />;
  }

  return (
    <div className="catalogues">
      <ScreenHeader title="Catalogues" subtitle={screenDescriptions.catalogues.subtitle} actions={actions} />
      {list.value ? <SearchBar query={query} onChange={setQuery} catalogues={catalogues} categories={categories} tags={tags} /> : null}
      {notice ? (
        <p className="warning-text cat-notice" role="status">
          {notice}
        </p>
      ) : null}
      {body}
      {dialog === 'import' ? (
        <ImportDialog
          catalogues={catalogues}
          onClose={() => setDialog(null)}
          onOpen={(id) => {
            setDialog(null);
            open(id);
          }}
        />
      ) : null}
      {dialog === 'custom' ? (
        <CustomCatalogueDialog
          catalogues={catalogues}
          onClose={() => setDialog(null)}
          onCreated={(id) => {
            setDialog(null);
            open(id);
          }}
        />
      ) : null}
    </div>
  );
}
