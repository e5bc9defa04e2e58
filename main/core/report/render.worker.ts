// Worker-thread entry: renders one report with the same pure function as the main thread
// and streams progress back. Started by renderReportInWorker.
import { parentPort, workerData } from 'node:worker_threads';
import { AttestError } from '../errors';
import type { ReportModel, RenderOptions } from './model';
import { renderReport } from './render';

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: 'layout' | 'render' | 'done' }
  | { type: 'done'; pdf: Uint8Array }
  | { type: 'error'; code: string; message: string };

const port = parentPort;
if (port) {
  const { model, options } = workerData as { model: ReportModel; options: RenderOptions };
  renderReport(model, options, (fraction, stage) => port.postMessage({ type: 'progress', fraction, stage } satisfies WorkerMessage))
    .then((pdf) => port.postMessage({ type: 'done', pdf } satisfies WorkerMessage, [pdf.buffer as ArrayBuffer]))
    .catch((e: unknown) => {
      const err =
        e instanceof AttestError
          ? e
          : new AttestError(
              'REPORT_RENDER_FAILED',
              'The report could not be rendered; check the report data and branding, then try again.',
            );
      port.postMessage({ type: 'error', code: err.code, message: err.message } satisfies WorkerMessage);
    });
}
