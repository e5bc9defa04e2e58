// Catalogue reads through the one query layer. Details are large (an OSCAL import is
// megabytes) and content-addressed, so they are read with their hash as the tag: a saved
// change elsewhere does not refetch them, a new version of the catalogue does.
import { useMemo, useState } from 'react';
import type { CatalogueDetail, CatalogueSummary } from '../../../../main/contract/catalog';
import { useQueries, useQuery } from '../../api/query';
import { messageOf } from '../../components/ErrorText';

export type Loaded<T> = { value: T | null; error: string | null; loading: boolean };

/** One catalogue's detail at the version the summary names. */
export function useCatalogue(summary: CatalogueSummary | undefined) {
  return useQuery('catalog.get', summary ? { id: summary.id } : null, { tag: summary?.hash });
}

/**
 * The detail of one catalogue, following its hash. While a new version loads, the previous
 * one stays on screen, so an edit does not blank the view (or lose its undo offer).
 */
export function useCatalogueDetail(summary: CatalogueSummary | undefined): Loaded<CatalogueDetail> {
  const read = useCatalogue(summary);
  const [previous, setPrevious] = useState<CatalogueDetail | null>(null);
  if (read.data && read.data !== previous) setPrevious(read.data);
  const value = read.data ?? (previous && previous.summary.id === summary?.id ? previous : null);
  return { value: summary ? value : null, error: read.error ? messageOf(read.error) : null, loading: Boolean(summary) && read.loading };
}

/** The workspace's catalogues, read again after every saved change. */
export function useCatalogueList(): Loaded<CatalogueSummary[]> & { reload(): void } {
  const read = useQuery('catalog.list', {});
  return {
    value: read.data?.catalogues ?? null,
    error: read.error ? messageOf(read.error) : null,
    loading: read.loading && !read.data,
    reload: () => void read.reload(),
  };
}

/** The tags a search can filter by: those of the chosen catalogue, or of every catalogue. */
export function useTags(catalogues: CatalogueSummary[], chosen: string): string[] {
  const from = chosen ? catalogues.filter((c) => c.id === chosen) : catalogues;
  // Without a detail the filter offers none of its tags; the search itself still works.
  const details = useQueries(
    'catalog.get',
    from.map((c) => ({ request: { id: c.id }, tag: c.hash })),
  );
  const ready = details.map((d) => d.data);
  const key = ready.map((d) => (d ? `${d.summary.id}@${d.summary.hash}` : '-')).join(' ');
  return useMemo(() => {
    const tags = new Set<string>();
    for (const d of ready) for (const c of d?.controls ?? []) for (const t of c.tags) tags.add(t);
    return [...tags].sort((a, b) => a.localeCompare(b));
    // key names every detail that went in
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
