// A run in progress: n of m, the state of each check, and Cancel. Polls check.progress
// through useJob (the IPC door is invoke-only).
import { useState } from 'react';
import { call } from '../../api/client';
import { useJob } from '../../api/job';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { STATUS_WORDS } from './words';

export function RunProgress({ runId, onEnd }: { runId: string; onEnd(): void }) {
  const job = useJob('check.progress', { runId }, 250, (v) => v.state !== 'running');
  const [cancelError, setCancelError] = useState<string | null>(null);
  const view = job.view;
  const error = cancelError ?? (job.error ? messageOf(job.error) : null);

  // The poll sees the run stop; a failed cancel is said here.
  const cancel = () =>
    call('check.cancel', { runId }).then(
      () => setCancelError(null),
      (e: unknown) => setCancelError(messageOf(e)),
    );

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
            <span className={`chk-state chk-${i.status ?? i.state}`}>
              {i.status ? STATUS_WORDS[i.status] : i.state === 'running' ? 'Running…' : 'Queued'}
            </span>
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
