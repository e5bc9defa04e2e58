// Report worker thread: lives across reports (so pdfmake, its fonts and the compiled code
// stay loaded) and renders what it is sent, one job at a time: a whole report with the
// same pure function as the main thread, or one part of a report that parallel workers
// render (render-part.ts). Started and reused by render-pool.ts.
import { type MessagePort, parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { AttestError } from '../errors';
import type { ReportModel, RenderOptions } from './model';
import { renderReport } from './render';
import { renderPart, type LaidOut, type Numbering } from './render-part';

export type WorkerRequest =
  | { type: 'render'; job: number; model: ReportModel; options: RenderOptions }
  | {
      type: 'part';
      job: number;
      model: ReportModel;
      options: RenderOptions;
      part: number;
      parts: number;
      /** [0]: 0 while the numbering is awaited, 1 once it was posted on `port`, 2 to give up */
      signal: Int32Array;
      port: MessagePort;
    };

export type WorkerMessage =
  | { type: 'progress'; job: number; fraction: number; stage: 'layout' | 'render' | 'done' }
  | { type: 'laid-out'; job: number; laidOut: LaidOut }
  | { type: 'done'; job: number; pdf: Uint8Array | null }
  | { type: 'error'; job: number; code: string; message: string };

export const NUMBERING_POSTED = 1;
export const GIVE_UP = 2;

const port = parentPort;

/** Blocks this thread until the coordinator posts the numbering (or gives up). */
function awaitNumbering(signal: Int32Array, from: MessagePort): Numbering {
  for (;;) {
    Atomics.wait(signal, 0, 0, 1000);
    const state = Atomics.load(signal, 0);
    if (state === GIVE_UP) throw new AttestError('REPORT_CANCELLED', 'Report generation was cancelled.');
    if (state === NUMBERING_POSTED) {
      const m = receiveMessageOnPort(from);
      if (!m) throw new Error('the numbering was not posted');
      return m.message as Numbering;
    }
  }
}

if (port) {
  const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  // One job at a time, in the order sent.
  let queue = Promise.resolve();
  port.on('message', (req: WorkerRequest) => {
    queue = queue.then(async () => {
      const progress = (fraction: number, stage: 'layout' | 'render' | 'done') => post({ type: 'progress', job: req.job, fraction, stage });
      try {
        const pdf =
          req.type === 'render'
            ? await renderReport(req.model, req.options, progress)
            : await renderPart(
                req,
                (laidOut) => {
                  post({ type: 'laid-out', job: req.job, laidOut });
                  return awaitNumbering(req.signal, req.port);
                },
                progress,
              );
        post({ type: 'done', job: req.job, pdf }, pdf ? [pdf.buffer as ArrayBuffer] : []);
      } catch (e) {
        const err =
          e instanceof AttestError
            ? e
            : new AttestError(
                'REPORT_RENDER_FAILED',
                'The report could not be rendered; check the report data and branding, then try again.',
              );
        post({ type: 'error', job: req.job, code: err.code, message: err.message });
      } finally {
        if (req.type === 'part') req.port.close();
      }
    });
  });
}
