// The renderer's read cache, without React: answers kept by channel and request, each
// stamped with the workspace's commit sequence number it was read at. A write answers
// with the number its commit reached (client.ts); from then on every answer read before
// it is stale and is fetched again by whoever shows it. An answer that arrives after a
// newer request for the same key was made is dropped, so a slow old answer never
// replaces a new one.

export type Fetcher = (channel: string, request: unknown) => Promise<unknown>;

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  /** True while the shown data (if any) is older than the workspace or not there yet. */
  loading: boolean;
}

interface Entry {
  /** Set for an answer that changes only with this tag (a content hash): writes leave it fresh. */
  tag?: string;
  data?: unknown;
  error?: unknown;
  /** The commit sequence number the answer was read at. */
  readAt: number;
  /** The request in flight, if any, and the number it was started at. */
  pending?: { ticket: number; startedAt: number };
}

export interface QueryCache {
  /** The state of one read, as it is now (no side effect: safe while rendering). */
  peek<T>(channel: string, request: unknown, tag?: string): QueryState<T>;
  /**
   * Starts a fetch when the read has no answer or a stale one and none is on its way.
   * With a tag (a content hash the caller already knows), the answer is kept until the
   * tag changes, whatever is written meanwhile; the previous tag's answer is then dropped.
   */
  ensure(channel: string, request: unknown, tag?: string): void;
  /** Fetches again even when fresh (a user's "reload"). */
  refetch(channel: string, request: unknown, tag?: string): Promise<void>;
  /** Stores a read's answer that a write returned, as fresh as the latest commit. */
  prime(channel: string, request: unknown, data: unknown): void;
  /** A write reached this commit sequence number: older answers are stale. */
  committed(seq: number): void;
  /**
   * While a write is on its way: commit numbers wait until release(), so its answers are
   * primed before anything it touched counts as stale (no read starts in between).
   */
  hold(): () => void;
  /** Another workspace (or none): nothing cached applies any more. */
  reset(seq?: number): void;
  /** The same workspace back after a lock: answers stay shown but are all read again. */
  staleAll(): void;
  subscribe(listener: () => void): () => void;
  /** Grows with every change of the cache (a snapshot for React's useSyncExternalStore). */
  readonly version: number;
  /** For tests and the round-trip measurement. */
  readonly fetches: number;
}

export const keyOf = (channel: string, request: unknown, tag?: string): string =>
  `${channel} ${JSON.stringify(request ?? {})}${tag === undefined ? '' : ` #${tag}`}`;

export function createQueryCache(fetcher: Fetcher): QueryCache {
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  let seq = 0;
  let tickets = 0;
  let fetches = 0;
  let version = 0;
  // Listeners hear once per turn, after the current synchronous step: a write's commit
  // number and the answers it primes land together, so no read starts in between.
  let notifyQueued = false;
  // Writes on their way, and the highest commit number they answered with so far.
  let holds = 0;
  let heldSeq = 0;
  const notify = () => {
    version++;
    if (notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      for (const l of listeners) l();
    });
  };
  const isStale = (entry: Entry | undefined) => !entry || entry.readAt < (entry.tag === undefined ? seq : 0);

  function start(key: string, channel: string, request: unknown, tag?: string): Promise<void> {
    const entry = entries.get(key) ?? { readAt: -1, tag };
    const ticket = ++tickets;
    const startedAt = seq;
    entry.pending = { ticket, startedAt };
    entries.set(key, entry);
    fetches++;
    return fetcher(channel, request).then(
      (data) => {
        if (tag !== undefined) dropOtherTags(keyOf(channel, request), key);
        settle(key, ticket, startedAt, { data, error: undefined });
      },
      (error: unknown) => settle(key, ticket, startedAt, { data: entries.get(key)?.data, error }),
    );
  }

  function settle(key: string, ticket: number, startedAt: number, result: { data: unknown; error: unknown }): void {
    const entry = entries.get(key);
    // A newer request for this key (or a reset) superseded this one: drop its answer.
    if (!entry?.pending || entry.pending.ticket !== ticket) return;
    entries.set(key, { ...result, tag: entry.tag, readAt: startedAt });
    notify();
  }

  /** A tagged read keeps only its newest tag's answer (catalogue details are megabytes). */
  function dropOtherTags(base: string, keep: string): void {
    for (const key of entries.keys()) if (key !== keep && key.startsWith(`${base} #`)) entries.delete(key);
  }

  return {
    peek<T>(channel: string, request: unknown, tag?: string): QueryState<T> {
      const entry = entries.get(keyOf(channel, request, tag));
      return { data: entry?.data as T | undefined, error: entry?.error, loading: isStale(entry) };
    },
    ensure(channel, request, tag) {
      const key = keyOf(channel, request, tag);
      const entry = entries.get(key);
      const inFlight = entry?.pending !== undefined && (tag !== undefined || entry.pending.startedAt >= seq);
      if (isStale(entry) && !inFlight) void start(key, channel, request, tag);
    },
    refetch: (channel, request, tag) => start(keyOf(channel, request, tag), channel, request, tag),
    prime(channel, request, data) {
      // Any read of this key still on its way is older than this answer: it is dropped.
      // Tagged reads of the same request (kept across writes) take the answer too.
      const base = keyOf(channel, request);
      const at = Math.max(seq, heldSeq);
      entries.set(base, { data, error: undefined, readAt: at });
      for (const [key, entry] of entries)
        if (key.startsWith(`${base} #`)) entries.set(key, { data, error: undefined, tag: entry.tag, readAt: at });
      notify();
    },
    committed(next) {
      if (holds > 0) {
        heldSeq = Math.max(heldSeq, next);
        return;
      }
      if (next <= seq) return;
      seq = next;
      notify();
    },
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        if (holds === 0 && heldSeq > seq) {
          seq = heldSeq;
          notify();
        }
      };
    },
    reset(next = 0) {
      entries.clear();
      seq = next;
      heldSeq = 0;
      notify();
    },
    staleAll() {
      for (const [key, entry] of entries) entries.set(key, { data: entry.data, error: undefined, tag: entry.tag, readAt: -1 });
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get fetches() {
      return fetches;
    },
    get version() {
      return version;
    },
  };
}
