// Renders a report in a worker thread so the thread serving the UI never blocks on
// layout; progress arrives through onProgress. Dates cross the thread boundary as
// Dates (structured clone keeps them), so the output is identical to renderReport.
import { Worker } from 'node:worker_threads';
import { AttestError, asErrorCode } from '../errors';
import type { ReportModel, RenderOptions } from './model';
import type { ProgressListener } from './render';
import type { WorkerMessage } from './render.worker';

export interface WorkerOptions {
  /** Worker entry for bundled builds; by default the sibling render.worker file. */
  workerUrl?: URL;
  signal?: AbortSignal;
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

/**
 * A built (.js) entry starts directly. A .ts entry (tests, tsx, benchmarks) starts
 * through tsx's loader, because workers do not inherit loaders registered with --import.
 */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(url.pathname)});`;
  return new Worker(boot, { eval: true, workerData });
}

export function renderReportInWorker(
  model: ReportModel,
  options: RenderOptions,
  onProgress?: ProgressListener,
  workerOptions: WorkerOptions = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (workerOptions.signal?.aborted) return reject(new AttestError('REPORT_CANCELLED', 'Report generation was cancelled.'));
    const worker = startWorker(workerOptions.workerUrl ?? defaultWorkerUrl(), { model, options });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      workerOptions.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new AttestError('REPORT_CANCELLED', 'Report generation was cancelled.')));
    workerOptions.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.fraction, m.stage);
      else if (m.type === 'done') finish(() => resolve(m.pdf));
      else finish(() => reject(new AttestError(asErrorCode(m.code), m.message)));
    });
    worker.on('error', (e) =>
      finish(() =>
        reject(
          new AttestError(
            'REPORT_WORKER_FAILED',
            'The report worker stopped unexpectedly; try again, and restart Attest if it keeps failing.',
            { cause: e },
          ),
        ),
      ),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new AttestError('REPORT_WORKER_FAILED', `The report worker exited (code ${code}) before finishing; try again.`))),
    );
  });
}
