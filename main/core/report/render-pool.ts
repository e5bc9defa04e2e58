// The report workers: started on the first report and kept for the next ones, so a
// report after the first finds pdfmake, its fonts and the compiled layout code already
// loaded (the first render in a fresh worker is about twice as slow). They stop after a
// while without reports and never keep the process alive while idle. One job at a time:
// a job may use several workers at once (render-in-worker.ts).
import { Worker } from 'node:worker_threads';

/** How long idle workers are kept before they stop. */
export const IDLE_MS = 120_000;

/**
 * A built (.js) entry starts directly. A .ts entry (tests, tsx, benchmarks) starts
 * through tsx's loader, because workers do not inherit loaders registered with --import.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(url.pathname)});`;
  return new Worker(boot, { eval: true });
}

export class WorkerPool {
  private workers: Worker[] = [];
  private url: URL | undefined;
  private idle: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly idleMs = IDLE_MS) {}

  /** Runs `job` with `count` workers once the jobs before it have finished. */
  run<T>(url: URL, count: number, job: (workers: Worker[]) => Promise<T>): Promise<T> {
    const result = this.queue.then(() => this.runNow(url, count, job));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow<T>(url: URL, count: number, job: (workers: Worker[]) => Promise<T>): Promise<T> {
    clearTimeout(this.idle);
    if (this.url && this.url.href !== url.href) this.stop();
    this.url = url;
    while (this.workers.length < count) {
      const w = startWorker(url);
      // A worker that fails or exits is dropped; the next job starts a new one.
      const drop = () => (this.workers = this.workers.filter((x) => x !== w));
      w.on('exit', drop);
      w.on('error', drop);
      this.workers.push(w);
    }
    const used = this.workers.slice(0, count);
    for (const w of used) w.ref();
    try {
      return await job(used);
    } finally {
      for (const w of this.workers) w.unref();
      this.idle = setTimeout(() => this.stop(), this.idleMs);
      this.idle.unref();
    }
  }

  /** Drops a worker whose state is unknown (a cancelled or failed job); it is replaced when needed. */
  discard(w: Worker): void {
    this.workers = this.workers.filter((x) => x !== w);
    void w.terminate();
  }

  /** Stops every worker (they start again with the next job). */
  stop(): void {
    clearTimeout(this.idle);
    for (const w of this.workers) void w.terminate();
    this.workers = [];
  }

  get size(): number {
    return this.workers.length;
  }
}
