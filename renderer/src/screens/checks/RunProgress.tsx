// A run in progress: n of m, the state of each check, and Cancel. Polls check.progress
// (the IPC door is invoke-only) and refreshes the saved state when the run ends.
import { useEffect, useState } from 'react';
import type { RunProgressView } from '../../../../main/contract/checks';
import { call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import { STATUS_WORDS } from './words';

export function RunProgress({ runId, onEnd }: { runId: string; onEnd(): void }) {
  const [view, setView] = useState<RunProgressView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const v = await call('check.progress', { runId });
        if (!live) return;
        setView(v);
        void useAppStore.getState().refreshStatus();
        if (v.state === 'running') timer = setTimeout(() => void poll(), 250);
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId]);

  const cancel = async () => {
    try {
      setView(await call('check.cancel', { runId }));
      void useAppStore.getState().refreshStatus();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  if (!view) return null;
  const running = view.state === 'running';
  return (
    <section className="card chk-panel chk-progress" aria-labelledby="chk-progress-title">
      <h2 id="chk-progress-title">{running ? 'Running checks' : view.state === 'cancelled' ? 'Run cancelled' : 'Run finished'}</h2>
      <p role="status">
        {view.done} of {view.total} done
      </p>
      <progress max={view.total} value={view.done} aria-label="Checks done" />
      <ul className="chk-items">
        {view.items.map((i, n) => (
          <li key={`${i.targetId}-${n}`}>
            <span className={`chk-state chk-${i.status ?? i.state}`}>{i.status ? STATUS_WORDS[i.status] : i.state === 'running' ? 'Running…' : 'Queued'}</span>
            <span>{i.title}</span>
            <span className="chk-muted chk-target">{i.target}</span>
          </li>
        ))}
      </ul>
      <div className="chk-actions">
        {running ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            Cancel run
          </button>
        ) : (
          <button type="button" className="button ghost" onClick={onEnd}>
            Close
          </button>
        )}
      </div>
      <ErrorText error={error} />
    </section>
  );
}
