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

export interface QueryOptions {
  /** A content hash the caller knows: the answer is kept until it changes, whatever is written. */
  tag?: string;
}

/** Reads `channel` with `request` (null: nothing to read yet, e.g. no selection). */
export function useQuery<C extends ChannelName>(
  channel: C,
  request: RequestOf<C> | null,
  options: QueryOptions = {},
): Query<ResponseOf<C>> {
  useSyncExternalStore(queryCache.subscribe, () => queryCache.version);
  const key = request === null ? null : JSON.stringify(request);
  const { tag } = options;
  const version = queryCache.version;
  useEffect(() => {
    if (key !== null) queryCache.ensure(channel, JSON.parse(key), tag);
  }, [channel, key, tag, version]);
  const reload = useCallback(async () => {
    if (key !== null) await queryCache.refetch(channel, JSON.parse(key), tag);
  }, [channel, key, tag]);
  const state =
    key === null ? { data: undefined, error: undefined, loading: false } : queryCache.peek<ResponseOf<C>>(channel, JSON.parse(key), tag);
  return { ...state, reload };
}

/** Reads one channel for each request in a list (e.g. the detail of every catalogue). */
export function useQueries<C extends ChannelName>(
  channel: C,
  reads: readonly { request: RequestOf<C>; tag?: string }[],
): QueryState<ResponseOf<C>>[] {
  useSyncExternalStore(queryCache.subscribe, () => queryCache.version);
  const key = JSON.stringify(reads);
  const version = queryCache.version;
  useEffect(() => {
    for (const r of JSON.parse(key) as { request: unknown; tag?: string }[]) queryCache.ensure(channel, r.request, r.tag);
  }, [channel, key, version]);
  return reads.map((r) => queryCache.peek<ResponseOf<C>>(channel, r.request, r.tag));
}
