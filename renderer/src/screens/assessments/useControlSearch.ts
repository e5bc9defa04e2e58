// Full-text search over the assessment's controls, debounced while the user types. The
// answer is a set of row keys the table filters to; null means "no search text".
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

export function useControlSearch(assessmentId: string, text: string): SearchState {
  const [state, setState] = useState<{ text: string; hits: ReadonlySet<string> | null; error: string | null }>({
    text: '',
    hits: null,
    error: null,
  });
  const query = text.trim();

  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = setTimeout(() => {
      call('catalog.search', { assessmentId, text: query, limit: LIMIT }).then(
        (answer) => current && setState({ text: query, hits: new Set(answer.hits.map(rowKey)), error: null }),
        (e: unknown) => current && setState({ text: query, hits: null, error: messageOf(e) }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [assessmentId, query]);

  if (!query) return { hits: null, pending: false, error: null };
  // Until the answer for this text arrives, keep showing the previous hits.
  return { hits: state.hits, pending: state.text !== query, error: state.text === query ? state.error : null };
}
