// Draws the first pages of a PDF as images with pdf.js, inside the renderer: the preview
// needs no external program, so it works on every platform. pdf.js parses the file in
// its own worker (bundled with the app, allowed by the CSP's worker-src 'self'); glyphs
// are drawn as paths (disableFontFace), so no font is loaded and nothing is fetched.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PageImage {
  page: number;
  /** blob: URL of a PNG; release with URL.revokeObjectURL */
  url: string;
  width: number;
  height: number;
}

const toPng = (canvas: HTMLCanvasElement) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The page could not be drawn.'))), 'image/png'),
  );

/** The first `count` pages at `width` CSS pixels, and how many pages the PDF has. */
export async function pdfPageImages(data: Uint8Array, count: number, width = 420): Promise<{ pages: PageImage[]; pageCount: number }> {
  const task = getDocument({ data, disableFontFace: true, useSystemFonts: false, useWasm: false, stopAtErrors: true });
  const pdf = await task.promise;
  try {
    const pages: PageImage[] = [];
    for (let n = 1; n <= Math.min(count, pdf.numPages); n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * (globalThis.devicePixelRatio || 1) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const ratio = canvas.width / width;
      pages.push({ page: n, url: URL.createObjectURL(await toPng(canvas)), width, height: Math.round(canvas.height / ratio) });
      page.cleanup();
    }
    return { pages, pageCount: pdf.numPages };
  } finally {
    await task.destroy();
  }
}
