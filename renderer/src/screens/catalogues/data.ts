// Catalogue details are large (an OSCAL import is megabytes) and content-addressed by
// their hash, so they are cached by workspace + id + hash: a saved change elsewhere in
// the workspace does not refetch them, a new version of the catalogue does.
import { useEffect, useState } from 'react';
import type { CatalogueDetail, CatalogueSummary } from '../../../../main/contract/catalog';
import { call } from '../../api/client';
import { messageOf } from '../../components/ErrorText';

const KEEP = 12;
const cache = new Map<string, Promise<CatalogueDetail>>();

export function fetchCatalogue(workspaceId: string, summary: CatalogueSummary): Promise<CatalogueDetail> {
  const key = `${workspaceId}\n${summary.id}\n${summary.hash}`;
  let hit = cache.get(key);
  if (hit) {
    // Refresh its place so the most recently used stay.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  hit = call('catalog.get', { id: summary.id });
  hit.catch(() => cache.delete(key));
  cache.set(key, hit);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return hit;
}

export type Loaded<T> = { value: T | null; error: string | null; loading: boolean };

/**
 * The detail of one catalogue, following its hash. While a new version loads, the previous
 * one stays on screen, so an edit does not blank the view (or lose its undo offer).
 */
export function useCatalogueDetail(workspaceId: string, summary: CatalogueSummary | undefined): Loaded<CatalogueDetail> {
  const [state, setState] = useState<{ key: string; id: string; value: CatalogueDetail | null; error: string | null }>({ key: '', id: '', value: null, error: null });
  const key = summary ? `${workspaceId}\n${summary.id}\n${summary.hash}` : '';
  useEffect(() => {
    if (!summary) return;
    let current = true;
    const id = summary.id;
    fetchCatalogue(workspaceId, summary).then(
      (value) => current && setState({ key, id, value, error: null }),
      (e: unknown) => current && setState({ key, id, value: null, error: messageOf(e) }),
    );
    return () => {
      current = false;
    };
    // The key captures everything of summary that matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const fresh = state.key === key;
  const same = Boolean(summary) && state.id === summary?.id;
  return { value: same ? state.value : null, error: fresh ? state.error : null, loading: Boolean(summary) && !fresh };
}

/** The workspace's catalogues, reloaded after every saved change. */
export function useCatalogueList(lastSeq: number): Loaded<CatalogueSummary[]> & { reload(): void } {
  const [state, setState] = useState<{ value: CatalogueSummary[] | null; error: string | null }>({ value: null, error: null });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let current = true;
    call('catalog.list', {}).then(
      (r) => current && setState({ value: r.catalogues, error: null }),
      (e: unknown) => current && setState((s) => ({ value: s.value, error: messageOf(e) })),
    );
    return () => {
      current = false;
    };
  }, [lastSeq, nonce]);
  return { ...state, loading: state.value === null && state.error === null, reload: () => setNonce((n) => n + 1) };
}

/** The tags a search can filter by: those of the chosen catalogue, or of every catalogue. */
export function useTags(workspaceId: string, catalogues: CatalogueSummary[], chosen: string): string[] {
  const [state, setState] = useState<{ key: string; tags: string[] }>({ key: '', tags: [] });
  const from = chosen ? catalogues.filter((c) => c.id === chosen) : catalogues;
  const key = from.map((c) => `${c.id}@${c.hash}`).join(' ');
  useEffect(() => {
    let current = true;
    Promise.all(from.map((c) => fetchCatalogue(workspaceId, c))).then(
      (details) => {
        const tags = new Set<string>();
        for (const d of details) for (const c of d.controls) for (const t of c.tags) tags.add(t);
        if (current) setState({ key, tags: [...tags].sort((a, b) => a.localeCompare(b)) });
      },
      // Without tags the filter offers none; the search itself still works.
      () => current && setState({ key, tags: [] }),
    );
    return () => {
      current = false;
    };
    // key captures the catalogues that matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspaceId, key]);
  return state.key === key ? state.tags : [];
}
