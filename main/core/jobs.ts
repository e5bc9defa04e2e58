// Long-lived work the core owns: check runs and report issues. The IPC door is
// invoke-only, so one channel starts a job and returns its id at once, another reads its
// progress. The registry belongs to one core: Core.close() disposes it, which cancels
// the jobs that can stop early (a check run keeps what it finished) and waits for the
// ones that are safer to finish (a report issue commits once, at its end).
import { AttestError } from './errors';

export type JobKind = 'check-run' | 'report-issue';

export interface Job<V> {
  readonly id: string;
  readonly kind: JobKind;
  /** What progress reads; the job's work updates it in place. */
  readonly view: V;
  readonly signal: AbortSignal;
  /** Settles when the work has ended, however it ended. */
  readonly finished: Promise<void>;
  running(): boolean;
  cancel(): void;
}

export interface JobRegistry {
  /**
   * Starts `work` as a job. `cancellable: false` marks work that is finished rather than
   * cancelled when the core closes.
   */
  start<V>(kind: JobKind, id: string, view: V, work: (signal: AbortSignal) => Promise<void>, opts?: { cancellable?: boolean }): Job<V>;
  get<V>(kind: JobKind, id: string): Job<V> | undefined;
  /** Jobs still running (tests, and the shell's quit). */
  running(): number;
  /** Cancels or finishes every job and refuses new ones. */
  dispose(): Promise<void>;
}

/** Finished jobs stay readable for a while; only the newest few of each kind are kept. */
const KEEP_FINISHED = 20;

export function createJobRegistry(): JobRegistry {
  const jobs = new Map<string, Job<unknown> & { cancellable: boolean }>();
  let disposed = false;

  function prune(kind: JobKind): void {
    const done = [...jobs.values()].filter((j) => j.kind === kind && !j.running());
    for (const j of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) jobs.delete(j.id);
  }

  return {
    start(kind, id, view, work, opts = {}) {
      if (disposed) throw new AttestError('CORE_CLOSING', 'Attest is closing; start the work again after it reopens.');
      prune(kind);
      const controller = new AbortController();
      let settled = false;
      // Started at once, so a cancel that follows finds the work listening. The work
      // reports its own failures in its view; a throw here only ends the job.
      let started: Promise<void>;
      try {
        started = work(controller.signal);
      } catch (error) {
        started = Promise.reject(error);
      }
      const finished = started
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          settled = true;
        });
      const job = {
        id,
        kind,
        view,
        signal: controller.signal,
        finished,
        running: () => !settled,
        cancel: () => controller.abort(),
        cancellable: opts.cancellable ?? true,
      };
      jobs.set(id, job);
      return job;
    },
    get<V>(kind: JobKind, id: string) {
      const job = jobs.get(id);
      return job && job.kind === kind ? (job as unknown as Job<V>) : undefined;
    },
    running: () => [...jobs.values()].filter((j) => j.running()).length,
    async dispose() {
      disposed = true;
      const live = [...jobs.values()].filter((j) => j.running());
      for (const j of live) if (j.cancellable) j.cancel();
      await Promise.all(live.map((j) => j.finished));
    },
  };
}
