// Following a job. The IPC door is invoke-only, so a job's progress is polled until it
// ends; every answer carries the commit sequence number the job has reached, so the
// reads it changes are read again with nothing more to do here.
import { useEffect, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../main/contract/ipc';
import { call } from './client';

type ProgressChannel = 'report.progress' | 'check.progress' | 'workspace.passphraseProgress';

export interface JobState<T> {
  view: T | null;
  error: unknown;
}

/** Polls `channel` with `request` (null: no job) every `everyMs` until `ended(view)`. */
export function useJob<C extends ProgressChannel>(
  channel: C,
  request: RequestOf<C> | null,
  everyMs: number,
  ended: (view: ResponseOf<C>) => boolean,
): JobState<ResponseOf<C>> {
  const key = request === null ? null : JSON.stringify(request);
  const [state, setState] = useState<{ key: string | null } & JobState<ResponseOf<C>>>({ key: null, view: null, error: undefined });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const view = await call(channel, JSON.parse(key) as RequestOf<C>);
        if (!live) return;
        setState({ key, view, error: undefined });
        if (!ended(view)) timer = setTimeout(() => void poll(), everyMs);
      } catch (error) {
        if (live) setState((s) => ({ ...s, key, error }));
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `ended` is a rule, not data: a new function each render must not restart the poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key, everyMs]);
  return state.key === key ? { view: state.view, error: state.error } : { view: null, error: undefined };
}
