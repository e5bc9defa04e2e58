// Which column of a CSV or XLSX holds which field of a control, with the first rows of the
// file to compare against, and the title of the catalogue the rows become.
import { useId } from 'react';
import { Field } from '../../components/Field';

export const FIELDS = [
  { id: 'id', label: 'Id', required: true },
  { id: 'title', label: 'Title', required: false },
  { id: 'statement', label: 'Statement', required: true },
  { id: 'guidance', label: 'Guidance', required: false },
  { id: 'category', label: 'Category', required: false },
  { id: 'weight', label: 'Weight (1–5)', required: false },
  { id: 'severity', label: 'Severity', required: false },
  { id: 'tags', label: 'Tags', required: false },
  { id: 'references', label: 'References', required: false },
] as const;
export type FieldId = (typeof FIELDS)[number]['id'];
/** A field's column; the core also takes several for statement, guidance, tags and references (the CLI's repeated --map). */
export type Mapping = Partial<Record<FieldId, string | string[]>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const missingFields = (mapping: Mapping) =>
  FIELDS.filter((f) => f.required && !first(mapping[f.id])).map((f) => f.label.toLowerCase());

export function MappingStep({
  fileName,
  columns,
  sampleRows,
  rowCount,
  mapping,
  onMapping,
  title,
  onTitle,
  showErrors,
}: {
  fileName: string;
  columns: string[];
  sampleRows: string[][];
  rowCount: number;
  mapping: Mapping;
  onMapping(mapping: Mapping): void;
  title: string;
  onTitle(title: string): void;
  showErrors: boolean;
}) {
  const ids = useId();
  const used = new Map<string, string[]>();
  for (const f of FIELDS) {
    const c = first(mapping[f.id]);
    if (c) used.set(c, [...(used.get(c) ?? []), f.label]);
  }
  return (
    <div className="mapping" data-testid="mapping-step">
      <p className="cat-muted">
        {fileName}: {rowCount.toLocaleString('en')} rows under {columns.length} columns. Choose the column that holds each field; id and
        statement are required (without a title, the start of the statement is used). Rows with a problem are listed after the import; the
        others are imported.
      </p>
      <Field
        label="Title of the new catalogue"
        value={title}
        onChange={(e) => onTitle(e.target.value)}
        maxLength={200}
        error={showErrors && !title.trim() ? 'A title is required.' : null}
      />
      <fieldset className="mapping-fields">
        <legend>Columns</legend>
        {FIELDS.map((f) => {
          const value = first(mapping[f.id]) ?? '';
          const shared = value && (used.get(value)?.length ?? 0) > 1;
          const error = showErrors && f.required && !value ? `Choose the column for ${f.label.toLowerCase()}.` : null;
          return (
            <div className="field" key={f.id}>
              <label htmlFor={`${ids}-${f.id}`}>
                {f.label}
                {f.required ? <span className="cat-required"> (required)</span> : null}
              </label>
              <select
                id={`${ids}-${f.id}`}
                value={value}
                aria-invalid={error ? true : undefined}
                aria-describedby={error || shared ? `${ids}-${f.id}-note` : undefined}
                onChange={(e) => {
                  const next = { ...mapping };
                  if (e.target.value) next[f.id] = e.target.value;
                  else delete next[f.id];
                  onMapping(next);
                }}
              >
                <option value="">{f.required ? 'Choose a column' : 'Not imported'}</option>
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              {error ? (
                <div id={`${ids}-${f.id}-note`} className="field-error" role="alert">
                  {error}
                </div>
              ) : shared ? (
                <div id={`${ids}-${f.id}-note`} className="field-hint">
                  Also used for{' '}
                  {used
                    .get(value)
                    ?.filter((l) => l !== f.label)
                    .join(', ')}
                  .
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <h3 className="mapping-sample-title">First {sampleRows.length} rows</h3>
      <div className="table-wrap mapping-sample" tabIndex={0} role="region" aria-label="First rows of the file">
        <table className="data-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                  {FIELDS.filter((f) => first(mapping[f.id]) === c).map((f) => (
                    <span key={f.id} className="mapping-tag">
                      → {f.label}
                    </span>
                  ))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sampleRows.map((row, i) => (
              <tr key={i}>
                {columns.map((_c, j) => (
                  <td key={j}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
