// One hook serves every read: useQuery(channel, request) shows the cached answer, fetches
// it when there is none or a write has moved the workspace past it, and drops an answer
// that a newer request overtook (query-cache.ts). Writes go through the store's mutate;
// their answers carry the commit's sequence number, which marks older reads stale.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../../main/contract/ipc';
import { call, onCommitSeq } from './client';
import { createQueryCache, type QueryState } from './query-cache';

export const queryCache = createQueryCache((channel, request) => call(channel as ChannelName, request as never));
onCommitSeq((seq) => queryCache.committed(seq));

export interface Query<T> extends QueryState<T> {
  reload(): Promise<void>;
}

/** Reads `channel` with `request` (null: nothing to read yet, e.g. no selection). */
export function useQuery<C extends ChannelName>(channel: C, request: RequestOf<C> | null): Query<ResponseOf<C>> {
  useSyncExternalStore(queryCache.subscribe, () => queryCache.version);
  const key = request === null ? null : JSON.stringify(request);
  const version = queryCache.version;
  useEffect(() => {
    if (key !== null) queryCache.ensure(channel, JSON.parse(key));
  }, [channel, key, version]);
  const reload = useCallback(async () => {
    if (key !== null) await queryCache.refetch(channel, JSON.parse(key));
  }, [channel, key]);
  const state = key === null ? { data: undefined, error: undefined, loading: false } : queryCache.peek<ResponseOf<C>>(channel, JSON.parse(key));
  return { ...state, reload };
}
