// Report model -> pdfmake 0.3 document definition -> PDF bytes.
// Deterministic: pdfkit derives the document /ID from the info dictionary, so fixing
// CreationDate/ModDate to the issue time (and using no clock or randomness anywhere
// else) makes the same model and time produce byte-identical files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AttestError } from '../errors';
import { engagementContent } from './engagement';
import { setEngineSpeedups, setStreamCompression } from './engine-speedups';
import { setLineRuns } from './line-runs';
import { logoType } from './logo';
import type { ReportModel, RenderOptions } from './model';
import { MARGINS, pageFooter, pageHeader, primaryColor, styles } from './theme';
import { vendorContent } from './vendor';

type PdfMake = typeof PdfMakeModule;

const require = createRequire(import.meta.url);
let engine: PdfMake | undefined;

/** pdfmake is a process-wide singleton; configure it once: fonts from memory, no file or URL access. */
function pdfmake(): PdfMake {
  if (engine) return engine;
  // A default import would lose the singleton's prototype methods through CJS interop.
  const pm = require('pdfmake') as PdfMake & {
    virtualfs: { writeFileSync(name: string, content: Buffer): void };
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
  };
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const files = {
    normal: 'Roboto-Regular.ttf',
    bold: 'Roboto-Medium.ttf',
    italics: 'Roboto-Italic.ttf',
    bolditalics: 'Roboto-MediumItalic.ttf',
  };
  for (const f of Object.values(files)) pm.virtualfs.writeFileSync(f, readFileSync(join(fontDir, f)));
  pm.setFonts({ Roboto: files });
  // Reports are built offline from the model only: refuse every URL and local path.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  setEngineSpeedups(true);
  setStreamCompression(3);
  setLineRuns(true);
  engine = pm;
  return pm;
}

function pdfDate(d: Date): Date {
  if (Number.isNaN(d.getTime()))
    throw new AttestError('REPORT_INVALID_TIME', 'The report issue time is not a valid date; pick a valid date and try again.');
  return new Date(d.getTime());
}

export function reportDocument(model: ReportModel, opts: RenderOptions): TDocumentDefinitions {
  const issued = pdfDate(opts.issuedAt);
  const primary = primaryColor(opts.branding);
  const draft = model.kind === 'engagement' && model.draftState !== undefined;
  const footerText = opts.branding?.footerText ?? opts.branding?.organisation ?? 'Attest';
  const content = model.kind === 'engagement' ? engagementContent(model, opts, primary) : vendorContent(model, opts, primary);
  const images: Record<string, string> = {};
  if (opts.branding?.logo) {
    const type = logoType(opts.branding.logo);
    if (!type)
      throw new AttestError(
        'REPORT_LOGO_NOT_IMAGE',
        'The branding logo is not a PNG or JPEG image; choose a PNG or JPEG file for the logo.',
      );
    images.logo = `data:image/${type};base64,${Buffer.from(opts.branding.logo).toString('base64')}`;
  }
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    version: '1.7',
    compress: true,
    info: {
      title: model.title,
      author: model.kind === 'engagement' ? model.assessor.name : model.reviewer.name,
      subject: model.kind === 'engagement' ? `Security assessment: ${model.client.name}` : `Vendor review: ${model.vendor.name}`,
      keywords: `${model.classification} ${model.reportId}`,
      creator: 'Attest',
      producer: 'Attest (pdfmake)',
      creationDate: issued,
      modDate: issued,
    },
    header: pageHeader(model.title, model.classification, primary, draft),
    footer: pageFooter(footerText, model.reportId),
    images,
    styles: styles(primary),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, color: '#263238' },
    content,
    // A report from an assessment that is not final says so on every page, not only the cover.
    ...(draft ? { watermark: { text: 'DRAFT', color: '#B71C1C', opacity: 0.12, bold: true, fontSize: 120, angle: -45 } } : {}),
  } as TDocumentDefinitions;
}

export type ProgressListener = (fraction: number, stage: 'layout' | 'render' | 'done') => void;

/** Renders a report to PDF bytes in the calling thread. Use renderReportInWorker to stay off the UI thread. */
export async function renderReport(model: ReportModel, opts: RenderOptions, onProgress?: ProgressListener): Promise<Uint8Array> {
  pdfmake();
  return renderDefinition(reportDocument(model, opts), onProgress);
}

/** Renders a document definition made by reportDocument (or a part of one) to PDF bytes. */
export async function renderDefinition(doc: TDocumentDefinitions, onProgress?: ProgressListener): Promise<Uint8Array> {
  const pm = pdfmake();
  onProgress?.(0.02, 'layout');
  let last = 0;
  // pdfmake reads its progress callback when createPdf is called, so setting it just
  // before (synchronously) binds it to this document even if others render later.
  pm.setProgressCallback((f: number) => {
    if (f - last >= 0.02 || f === 1) {
      last = f;
      onProgress?.(0.1 + 0.88 * f, 'render');
    }
  });
  const created = pm.createPdf(doc);
  pm.setProgressCallback(() => undefined);
  try {
    const buf = await created.getBuffer();
    onProgress?.(1, 'done');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof AttestError) throw e;
    throw new AttestError('REPORT_RENDER_FAILED', 'The report could not be rendered; check the report data and branding, then try again.', {
      cause: e,
    });
  }
}
