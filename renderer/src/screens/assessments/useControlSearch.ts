// Full-text search over the assessment's controls, debounced while the user types. The
// answer is a set of row keys the table filters to; null means "no search text".
// One search per catalogue of the assessment rather than one by assessmentId: the core's
// assessment join takes seconds at 5,000 controls, per catalogue it takes milliseconds,
// and the statuses it would add are already in the rows.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { messageOf } from '../../components/ErrorText';
import { rowKey } from './useAssessment';

export const SEARCH_DEBOUNCE_MS = 150;
const LIMIT = 10_000;

export interface SearchState {
  hits: ReadonlySet<string> | null;
  pending: boolean;
  error: string | null;
}

export function useControlSearch(catalogueIds: readonly string[], text: string): SearchState {
  const [state, setState] = useState<{ text: string; hits: ReadonlySet<string> | null; error: string | null }>({
    text: '',
    hits: null,
    error: null,
  });
  const query = text.trim();
  const catalogues = catalogueIds.join('\n');

  useEffect(() => {
    if (!query || !catalogues) return;
    let current = true;
    const timer = setTimeout(() => {
      Promise.all(catalogues.split('\n').map((catalogueId) => call('catalog.search', { catalogueId, text: query, limit: LIMIT }))).then(
        (answers) => current && setState({ text: query, hits: new Set(answers.flatMap((r) => r.hits.map(rowKey))), error: null }),
        (e: unknown) => current && setState({ text: query, hits: null, error: messageOf(e) }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [catalogues, query]);

  if (!query) return { hits: null, pending: false, error: null };
  // Until the answer for this text arrives, keep showing the previous hits.
  return { hits: state.hits, pending: state.text !== query, error: state.text === query ? state.error : null };
}
