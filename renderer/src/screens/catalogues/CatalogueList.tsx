// The workspace's catalogues as a table; each title opens the catalogue.
import type { CatalogueSummary } from '../../../../main/contract/catalog';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ORIGIN_LABELS } from './labels';
import { shortHash } from './text';

export function CatalogueList({ catalogues, onOpen }: { catalogues: CatalogueSummary[]; onOpen(id: string): void }) {
  const builtins = catalogues.filter((c) => c.origin === 'builtin').length;
  const columns: DataColumn<CatalogueSummary>[] = [
    {
      key: 'title',
      header: 'Title',
      width: '34%',
      className: 'wrap',
      sort: (c) => c.title,
      render: (c) => (
        <button type="button" className="cat-link" onClick={() => onOpen(c.id)}>
          {c.title}
        </button>
      ),
    },
    { key: 'id', header: 'Id', className: 'wrap', sort: (c) => c.id, render: (c) => <code>{c.id}</code> },
    { key: 'version', header: 'Version', sort: (c) => c.version, render: (c) => c.version },
    {
      key: 'origin',
      header: 'Origin',
      sort: (c) => ORIGIN_LABELS[c.origin],
      render: (c) => <span className={`cat-origin origin-${c.origin}`}>{ORIGIN_LABELS[c.origin]}</span>,
    },
    {
      key: 'controls',
      header: 'Controls',
      align: 'end',
      sort: (c) => c.controlCount,
      render: (c) => <span data-testid="control-count">{c.controlCount.toLocaleString('en')}</span>,
    },
    { key: 'hash', header: 'Hash', sort: (c) => c.hash, render: (c) => <code title={c.hash}>{shortHash(c.hash)}</code> },
  ];
  return (
    <section aria-labelledby="catalogue-list-title" className="cat-list">
      <h2 id="catalogue-list-title" className="cat-section-title">
        {catalogues.length} catalogues
        <span className="cat-muted">
          {' '}
          · {builtins} built-in, {catalogues.length - builtins} imported or your own
        </span>
      </h2>
      <DataTable
        label="Catalogues"
        testId="catalogue-list"
        rows={catalogues}
        columns={columns}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-catalogue': c.id })}
      />
    </section>
  );
}
