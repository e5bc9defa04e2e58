// "Add from library": the openly licensed catalogues that ship with Attest, one click each.
import { useEffect } from 'react';
import type { LibraryEntryView } from '../../../../main/contract/catalog';
import type { ResponseOf } from '../../../../main/contract/ipc';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import type { Stage } from './ImportProgress';

export function LibraryList({
  onAdded,
  onBusy,
  onError,
}: {
  onAdded(result: ResponseOf<'catalog.import'>): void;
  onBusy(stage: Stage | null): void;
  onError(message: string | null): void;
}) {
  const library = useQuery('catalog.library', {});
  const entries: LibraryEntryView[] | null = library.data?.entries ?? null;
  const loadError = library.error ? messageOf(library.error) : null;
  useEffect(() => {
    if (loadError) onError(loadError);
  }, [loadError, onError]);

  const add = async (entry: LibraryEntryView) => {
    onError(null);
    onBusy('saving');
    try {
      const result = await useAppStore.getState().mutate(() => call('catalog.addFromLibrary', { id: entry.id, replace: entry.installed }));
      onAdded(result);
    } catch (e) {
      onBusy(null);
      onError(messageOf(e));
    }
  };

  if (!entries?.length) return null;
  return (
    <section className="library-list" aria-labelledby="library-title" data-testid="library-list">
      <h3 id="library-title">Add from library</h3>
      <p className="cat-muted">{entries[0]!.licence}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <span>
              <strong>{e.title}</strong> <span className="cat-muted">({e.publisher})</span>
            </span>{' '}
            <button type="button" className="button" data-testid={`library-add-${e.id}`} onClick={() => void add(e)}>
              {e.installed ? 'Add again as a new version' : 'Add'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
