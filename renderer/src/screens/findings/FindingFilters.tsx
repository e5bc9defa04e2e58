import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  FINDING_STATUS_LABELS,
  SEVERITY_LABELS,
  type FindingSeverity,
  type FindingStatus,
} from '../../../../main/contract/vocabulary';
import { isFiltering, NO_FILTERS, type Filters } from './filters';
import { Field, SelectField } from '../../components/Field';

export function FindingFilters({
  value,
  onChange,
  shown,
  total,
}: {
  value: Filters;
  onChange(next: Filters): void;
  shown: number;
  total: number;
}) {
  const set = <K extends keyof Filters>(key: K, v: Filters[K]) => onChange({ ...value, [key]: v });
  return (
    <form role="search" aria-label="Filter findings" className="finding-filters" onSubmit={(e) => e.preventDefault()}>
      <Field
        label="Filter"
        type="search"
        placeholder="Title, owner or ref"
        value={value.text}
        onChange={(e) => set('text', e.target.value)}
      />
      <SelectField label="Severity" value={value.severity} onChange={(e) => set('severity', e.target.value as FindingSeverity | '')}>
        <option value="">Any severity</option>
        {FINDING_SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={value.status} onChange={(e) => set('status', e.target.value as FindingStatus | '')}>
        <option value="">Any status</option>
        {FINDING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {FINDING_STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <label className="check overdue-only">
        <input type="checkbox" checked={value.overdueOnly} onChange={(e) => set('overdueOnly', e.target.checked)} />
        <span>Overdue only</span>
      </label>
      <p className="filter-count" aria-live="polite">
        {shown === total ? `${total} finding${total === 1 ? '' : 's'}` : `${shown} of ${total} findings`}
        {isFiltering(value) ? (
          <button type="button" className="button subtle" onClick={() => onChange(NO_FILTERS)}>
            Clear filters
          </button>
        ) : null}
      </p>
    </form>
  );
}
