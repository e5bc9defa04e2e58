import type { ResponseOf } from '../../../../main/contract/ipc';
import { ImportProgress } from './ImportProgress';
import { ProblemList } from './ProblemList';
import { plural } from './text';

/** What an import did: the catalogue it made, how many controls, and each row it left out. */
export function ImportResult({ result, onOpen, onClose }: { result: ResponseOf<'catalog.import'>; onOpen(): void; onClose(): void }) {
  const c = result.catalogue;
  return (
    <div className="import-result" data-testid="import-result">
      <ImportProgress stage="saving" waiting={false} />
      <p className="import-outcome" role="status">
        <span className="ok-text">
          Imported <strong data-testid="imported-count">{result.imported.toLocaleString('en')}</strong>{' '}
          {result.imported === 1 ? 'control' : 'controls'}
        </span>{' '}
        into {c.title} (version {c.version}
        {result.groups ? `, ${plural(result.groups, 'group')}` : ''}
        {result.enhancements ? `, ${plural(result.enhancements, 'enhancement')}` : ''}).
        {result.rowErrors.length ? ` ${plural(result.rowErrors.length, 'row was', 'rows were')} left out.` : ''}
      </p>
      <ProblemList title="Rows not imported" items={result.rowErrors} tone="error" />
      <ProblemList title="Warnings" items={result.warnings} tone="warning" />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button primary" onClick={onOpen}>
          Open the catalogue
        </button>
      </div>
    </div>
  );
}
