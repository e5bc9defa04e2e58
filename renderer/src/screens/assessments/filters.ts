// The table's filters as plain data and one pure function, so the filtered view is
// computed once per change of rows or filters (memoised by the caller), never per render.
import type { AssessmentRow } from '../../../../main/contract/assessment';
import type { ControlStatus } from '../../../../main/contract/vocabulary';
import { rowKey } from './useAssessment';

export interface Filters {
  status: ControlStatus | '';
  catalogueId: string;
  category: string;
  text: string;
}

export const NO_FILTERS: Filters = { status: '', catalogueId: '', category: '', text: '' };

export function filterRows(rows: readonly AssessmentRow[], f: Filters, hits: ReadonlySet<string> | null): readonly AssessmentRow[] {
  if (!f.status && !f.catalogueId && !f.category && !hits) return rows;
  return rows.filter(
    (r) =>
      (!f.status || r.status === f.status) &&
      (!f.catalogueId || r.catalogueId === f.catalogueId) &&
      (!f.category || r.category === f.category) &&
      (!hits || hits.has(rowKey(r))),
  );
}

/** Categories present in the rows (of one catalogue, if chosen), in first-seen order. */
export function categoriesOf(rows: readonly AssessmentRow[], catalogueId: string): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) {
    if (catalogueId && r.catalogueId !== catalogueId) continue;
    if (!seen.has(r.category)) seen.set(r.category, r.categoryTitle);
  }
  return [...seen].map(([id, title]) => ({ id, title }));
}
