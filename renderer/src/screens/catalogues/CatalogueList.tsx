// The workspace's catalogues as a table; each title opens the catalogue.
import type { CatalogueSummary } from '../../../../main/contract/catalog';
import { ORIGIN_LABELS } from './labels';
import { shortHash } from './text';

export function CatalogueList({ catalogues, onOpen }: { catalogues: CatalogueSummary[]; onOpen(id: string): void }) {
  const builtins = catalogues.filter((c) => c.origin === 'builtin').length;
  return (
    <section aria-labelledby="catalogue-list-title" className="cat-list">
      <h2 id="catalogue-list-title" className="cat-section-title">
        {catalogues.length} catalogues
        <span className="cat-muted"> · {builtins} built-in, {catalogues.length - builtins} imported or your own</span>
      </h2>
      <div className="table-wrap">
        <table className="data-table" data-testid="catalogue-list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Id</th>
              <th scope="col">Version</th>
              <th scope="col">Origin</th>
              <th scope="col" className="num">Controls</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {catalogues.map((c) => (
              <tr key={c.id} data-catalogue={c.id}>
                <td className="wrap">
                  <button type="button" className="cat-link" onClick={() => onOpen(c.id)}>
                    {c.title}
                  </button>
                </td>
                <td className="wrap">
                  <code>{c.id}</code>
                </td>
                <td>{c.version}</td>
                <td>
                  <span className={`cat-origin origin-${c.origin}`}>{ORIGIN_LABELS[c.origin]}</span>
                </td>
                <td className="num" data-testid="control-count">
                  {c.controlCount.toLocaleString('en')}
                </td>
                <td>
                  <code title={c.hash}>{shortHash(c.hash)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
