// Renders a report in worker threads so the thread serving the UI never blocks on
// layout; progress arrives through onProgress. The workers stay loaded between reports
// (render-pool.ts). A large report is split into chapters that parallel workers lay out
// and draw at once, one worker per core, and the parts are joined into one file
// (render-part.ts, join-pdf.ts); a small one renders whole in one worker, byte for byte
// as renderReport in this thread would. Dates cross the thread boundary as Dates
// (structured clone keeps them).
import { availableParallelism } from 'node:os';
import { MessageChannel, type Worker } from 'node:worker_threads';
import { AttestError, asErrorCode } from '../errors';
import { joinPdfs } from './join-pdf';
import type { ReportModel, RenderOptions } from './model';
import type { ProgressListener } from './render';
import { numberParts, type LaidOut, type Numbering } from './render-part';
import { WorkerPool } from './render-pool';
import { GIVE_UP, NUMBERING_POSTED, type WorkerMessage, type WorkerRequest } from './render.worker';

export interface WorkerOptions {
  /** Worker entry for bundled builds; by default the sibling render.worker file. */
  workerUrl?: URL;
  signal?: AbortSignal;
  /** Workers to split the report across; by default partsFor(model). */
  parts?: number;
}

/** A bundle that carries the worker in its own file (the one-file CLI) names itself here. */
let bundledWorker: URL | undefined;
export function useBundledWorker(url: URL): void {
  bundledWorker = url;
}

export function defaultWorkerUrl(): URL {
  if (bundledWorker) return bundledWorker;
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./render.worker.${ext}`, import.meta.url);
}

export const reportWorkers = new WorkerPool();

/** Below this size (controls + 5 per finding) one worker is as fast as several: joining costs more than it saves. */
const PARALLEL_FROM = 600;

/** How many workers a report is split across: one per core, up to three, for a large engagement report. */
export function partsFor(model: ReportModel): number {
  if (model.kind !== 'engagement') return 1;
  const size = model.catalogues.reduce((n, c) => n + c.controls.length, 0) + 5 * model.findings.length;
  return size < PARALLEL_FROM ? 1 : Math.max(1, Math.min(3, availableParallelism()));
}

const cancelled = () => new AttestError('REPORT_CANCELLED', 'Report generation was cancelled.');
const crashed = (cause?: unknown) =>
  new AttestError('REPORT_WORKER_FAILED', 'The report worker stopped unexpectedly; try again, and restart Attest if it keeps failing.', {
    cause,
  });

let jobs = 0;

export function renderReportInWorker(
  model: ReportModel,
  options: RenderOptions,
  onProgress?: ProgressListener,
  workerOptions: WorkerOptions = {},
): Promise<Uint8Array> {
  const parts = Math.max(1, workerOptions.parts ?? partsFor(model));
  const url = workerOptions.workerUrl ?? defaultWorkerUrl();
  return reportWorkers.run(url, parts, (workers) => runJob(workers, model, options, onProgress, workerOptions.signal));
}

function runJob(
  workers: Worker[],
  model: ReportModel,
  options: RenderOptions,
  onProgress: ProgressListener | undefined,
  abort: AbortSignal | undefined,
): Promise<Uint8Array> {
  const job = ++jobs;
  const n = workers.length;
  return new Promise<Uint8Array>((resolve, reject) => {
    if (abort?.aborted) return reject(cancelled());
    const signals = workers.map(() => new Int32Array(new SharedArrayBuffer(4)));
    const channels = workers.map(() => new MessageChannel());
    const laidOut: (LaidOut | undefined)[] = Array.from({ length: n }, () => undefined);
    const results: (Uint8Array | null | undefined)[] = Array.from({ length: n }, () => undefined);
    const fractions = new Array<number>(n).fill(0);
    let shown = 0;
    let settled = false;
    let numbering: Numbering[] = [];

    const listeners = workers.map((w, i) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.job !== job || settled) return;
        if (m.type === 'progress') {
          fractions[i] = m.fraction;
          // Whole reports pass their own progress on; parts the mean of all parts, never going back.
          const f = n === 1 ? m.fraction : fractions.reduce((a, b) => a + b, 0) / n;
          if (f > shown || (f === 1 && m.stage === 'done')) {
            shown = f;
            onProgress?.(f, n === 1 ? m.stage : shown < 0.5 ? 'layout' : 'render');
          }
        } else if (m.type === 'laid-out') {
          laidOut[i] = m.laidOut;
          if (laidOut.every((l) => l !== undefined)) postNumbering();
        } else if (m.type === 'done') {
          results[i] = m.pdf;
          if (results.every((r) => r !== undefined)) finish();
        } else fail(new AttestError(asErrorCode(m.code), m.message), false);
      };
      const onError = (e: unknown) => fail(crashed(e), true);
      const onExit = (code: number) =>
        fail(new AttestError('REPORT_WORKER_FAILED', `The report worker exited (code ${code}) before finishing; try again.`), true);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      return () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
    });
    const cleanup = () => {
      settled = true;
      abort?.removeEventListener('abort', onAbort);
      for (const off of listeners) off();
      for (const c of channels) c.port1.close();
    };
    /** Parts still waiting for their numbering give up; workers in an unknown state are replaced. */
    function fail(err: AttestError, discardAll: boolean) {
      if (settled) return;
      cleanup();
      for (const s of signals) {
        Atomics.store(s, 0, GIVE_UP);
        Atomics.notify(s, 0);
      }
      workers.forEach((w, i) => {
        if (discardAll || results[i] === undefined) reportWorkers.discard(w);
      });
      reject(err);
    }
    const onAbort = () => fail(cancelled(), true);
    abort?.addEventListener('abort', onAbort);

    function postNumbering() {
      try {
        numbering = numberParts(laidOut as LaidOut[]);
      } catch (e) {
        return fail(new AttestError('REPORT_RENDER_FAILED', 'The report could not be rendered; try again.', { cause: e }), true);
      }
      numbering.forEach((nb, i) => {
        channels[i]!.port1.postMessage(nb);
        Atomics.store(signals[i]!, 0, NUMBERING_POSTED);
        Atomics.notify(signals[i]!, 0);
      });
    }
    function finish() {
      cleanup();
      try {
        if (n === 1) return resolve(results[0]!);
        const parts = results.flatMap((pdf, i) => (pdf ? [{ pdf, pages: numbering[i]!.pages }] : []));
        resolve(joinPdfs(parts));
      } catch (e) {
        reject(
          e instanceof AttestError
            ? e
            : new AttestError('REPORT_RENDER_FAILED', 'The report could not be rendered; try again.', { cause: e }),
        );
      }
    }

    workers.forEach((w, i) => {
      const req: WorkerRequest =
        n === 1
          ? { type: 'render', job, model, options }
          : { type: 'part', job, model, options, part: i, parts: n, signal: signals[i]!, port: channels[i]!.port2 };
      w.postMessage(req, req.type === 'part' ? [req.port] : []);
    });
  });
}
