// Page images of an issued report for the app's preview, rendered by poppler's pdftoppm
// (a separate process, so a hostile PDF never runs in Attest's own process).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttestError } from '../errors';

function run(cmd: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out }));
  });
}

function pngSize(b: Buffer): { width: number; height: number } {
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export async function previewPages(pdf: Uint8Array, pages: number): Promise<{ pages: { page: number; pngBase64: string; width: number; height: number }[]; pageCount: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'attest-preview-'));
  try {
    const file = join(dir, 'r.pdf');
    await writeFile(file, pdf);
    let r;
    try {
      r = await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(pages), file, join(dir, 'p')]);
    } catch (cause) {
      throw new AttestError('REPORT_PREVIEW_UNAVAILABLE', 'The preview needs poppler (pdftoppm), which is not installed; save the report and open it in a PDF reader instead.', { cause });
    }
    if (r.code !== 0) throw new AttestError('REPORT_PREVIEW_FAILED', 'The report pages could not be drawn for the preview; save the report and open it in a PDF reader.');
    const info = await run('pdfinfo', [file]).catch(() => ({ code: 1, out: '' }));
    const pageCount = Number(/Pages:\s+(\d+)/.exec(info.out)?.[1] ?? 0);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const out = [];
    for (const [i, f] of files.entries()) {
      const png = await readFile(join(dir, f));
      out.push({ page: i + 1, pngBase64: png.toString('base64'), ...pngSize(png) });
    }
    return { pages: out, pageCount };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
