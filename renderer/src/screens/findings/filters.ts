// Filtering of the findings list: severity, status, overdue, and words in title, owner or vendor.
import type { FindingSeverity, FindingStatus } from '../../../../main/contract/vocabulary';
import type { FindingView } from './types';

export interface Filters {
  text: string;
  severity: FindingSeverity | '';
  status: FindingStatus | '';
  overdueOnly: boolean;
}

export const NO_FILTERS: Filters = { text: '', severity: '', status: '', overdueOnly: false };

export const isFiltering = (f: Filters) => f.text.trim() !== '' || f.severity !== '' || f.status !== '' || f.overdueOnly;

export function applyFilters(findings: readonly FindingView[], f: Filters): FindingView[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return findings.filter(
    (x) =>
      (!f.severity || x.severity === f.severity) &&
      (!f.status || x.status === f.status) &&
      (!f.overdueOnly || x.overdue) &&
      words.every((w) => `${x.ref} ${x.title} ${x.owner} ${x.vendorName ?? ''}`.toLowerCase().includes(w)),
  );
}

// The Dashboard's overdue list opens this screen already filtered: a one-shot request.
let pending: Partial<Filters> | null = null;
export function requestFilters(f: Partial<Filters>): void {
  pending = f;
}
/** Read without clearing: a state initializer may run twice (StrictMode). */
export const requestedFilters = (): Filters => ({ ...NO_FILTERS, ...pending });
export function clearRequestedFilters(): void {
  pending = null;
}
