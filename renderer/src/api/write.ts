// One helper serves every write. It runs the call through the store's save tracking
// (the top bar's "Saving…/All changes saved"), hands what the write answered to the read
// cache where that answer is also a read's (so the screen needs no second trip), says
// what happened, offers Undo in its toast (the core takes back any change; Ctrl+Z always
// works, see store/notice.ts), and keeps the error for the screen to show beside what failed.
import { useCallback, useState } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../../main/contract/ipc';
import { messageOf } from '../components/ErrorText';
import { useAppStore } from '../store';
import { queryCache } from './query';

/** A read whose answer a write already returned. */
export interface Answer<C extends ChannelName = ChannelName> {
  channel: C;
  request: RequestOf<C>;
  data: ResponseOf<C>;
}

export const answer = <C extends ChannelName>(channel: C, request: RequestOf<C>, data: ResponseOf<C>): Answer =>
  ({ channel, request, data }) as Answer;

export interface WriteOptions<T> {
  /** Said in the toast when it worked. */
  done?: string | ((value: T) => string);
  /** The toast offers Undo for this change (taken back by the core while it is still the newest). */
  undoable?: boolean;
  /** Reads this write's answer already is (e.g. a control's panel after a status change). */
  answers?: (value: T) => Answer[];
  /** Put before the error message, e.g. "Could not remove the document". */
  what?: string;
  /** The error goes to the toast as well as to the screen's error line. */
  toastError?: boolean;
}

/** Runs one write outside React (the store and the cache are module-level). Throws its error. */
export async function runWrite<T>(run: () => Promise<T>, options: WriteOptions<T> = {}): Promise<T> {
  const store = useAppStore.getState();
  // The write's commit makes reads stale only once its own answers are in the cache.
  const release = queryCache.hold();
  let value: T;
  try {
    value = await store.mutate(run);
    for (const a of options.answers?.(value) ?? []) queryCache.prime(a.channel, a.request, a.data);
  } finally {
    release();
  }
  // The write's answer moved the status to its commit number: the change the toast reports.
  const after = useAppStore.getState().status;
  const seq = options.undoable && after.state === 'open' ? after.lastSeq : undefined;
  const done = typeof options.done === 'function' ? options.done(value) : options.done;
  if (done) {
    store.say({
      text: done,
      tone: 'ok',
      action: seq !== undefined ? { label: 'Undo', run: () => void useAppStore.getState().undoLast(seq) } : undefined,
    });
  }
  return value;
}

export interface Writer {
  /** The write's value, or undefined when it failed (the error is in `error`). */
  write<T>(run: () => Promise<T>, options?: WriteOptions<T>): Promise<T | undefined>;
  error: string | null;
  busy: boolean;
  clearError(): void;
}

export function useWrite(): Writer {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(0);
  const write = useCallback(async <T>(run: () => Promise<T>, options: WriteOptions<T> = {}): Promise<T | undefined> => {
    setError(null);
    setBusy((n) => n + 1);
    try {
      return await runWrite(run, options);
    } catch (e) {
      const text = options.what ? `${options.what}: ${messageOf(e)}` : messageOf(e);
      setError(text);
      if (options.toastError) useAppStore.getState().say({ text, tone: 'error' });
      return undefined;
    } finally {
      setBusy((n) => n - 1);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { write, error, busy: busy > 0, clearError };
}
