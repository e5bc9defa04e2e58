// Full-text search over the assessment's controls, debounced while the user types. The
// answer is a set of row keys the table filters to; null means "no search text".
import { useMemo, useState } from 'react';
import { useQuery } from '../../api/query';
import { messageOf } from '../../components/ErrorText';
import { useSettled } from '../../lib/use-settled';
import { rowKey } from './useAssessment';

export const SEARCH_DEBOUNCE_MS = 150;
const LIMIT = 10_000;

export interface SearchState {
  hits: ReadonlySet<string> | null;
  pending: boolean;
  error: string | null;
}

export function useControlSearch(assessmentId: string, text: string): SearchState {
  const query = text.trim();
  const settled = useSettled(query, SEARCH_DEBOUNCE_MS);
  // An assessment's control texts are a fixed snapshot: a result saved meanwhile does not
  // change what matches, so the answer is tagged and kept across writes.
  const read = useQuery('catalog.search', settled ? { assessmentId, text: settled, limit: LIMIT } : null, { tag: assessmentId });
  const hits = useMemo(() => (read.data ? new Set(read.data.hits.map(rowKey)) : null), [read.data]);
  // Until the answer for this text arrives, keep showing the previous hits.
  const [last, setLast] = useState<ReadonlySet<string> | null>(null);
  if (hits && hits !== last) setLast(hits);
  if (!query) return { hits: null, pending: false, error: null };
  const fresh = settled === query && !read.loading;
  return { hits: hits ?? last, pending: !fresh, error: fresh && read.error ? messageOf(read.error) : null };
}
