import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import type { RenderOptions } from '../../../main/core/report/model';
import { renderReport } from '../../../main/core/report/render';
import { renderReportInWorker } from '../../../main/core/report/render-in-worker';
import { requirePart } from '../../support/require';
import { engagementFixture } from './fixtures/engagement';
import { vendorFixture } from './fixtures/vendor';
import { hasTool, pageTexts, run, solidPng, tempDir } from './pdf-tools';

const issuedAt = new Date('2026-11-20T09:00:00Z');
const branding = {
  organisation: 'Halvard Assurance Partners',
  footerText: 'Halvard Assurance Partners · confidential',
  primaryColor: '#1F5F4A',
};
const opts: RenderOptions = { issuedAt, branding };

test('the same model and time give byte-identical PDFs; another time gives different bytes', async () => {
  const a = await renderReport(engagementFixture(), opts);
  const b = await renderReport(engagementFixture(), { ...opts, issuedAt: new Date(issuedAt) });
  assert.ok(a.length > 50_000);
  assert.ok(Buffer.from(a).equals(Buffer.from(b)), 'two renders are identical');
  const c = await renderReport(engagementFixture(), { ...opts, issuedAt: new Date('2026-11-21T09:00:00Z') });
  assert.ok(!Buffer.from(a).equals(Buffer.from(c)), 'the issue time is part of the document');
  const v1 = await renderReport(vendorFixture(), opts);
  const v2 = await renderReport(vendorFixture(), opts);
  assert.ok(Buffer.from(v1).equals(Buffer.from(v2)));
});

test('engagement report: TOC with page numbers, page X of Y, repeated table headers, qpdf clean', async (t) => {
  if (!requirePart(t, hasTool('pdftotext') && hasTool('qpdf'), 'poppler pdftotext and qpdf')) return;
  const tmp = tempDir('attest-report-');
  try {
    const path = tmp.file('engagement.pdf', await renderReport(engagementFixture(), opts));
    assert.equal(run('qpdf', ['--check', path]).status, 0);
    const pages = pageTexts(path);
    assert.ok(pages.length >= 15, `several pages (${pages.length})`);
    pages.forEach((p, i) => assert.match(p, new RegExp(`Page ${i + 1} of ${pages.length}`), `footer on page ${i + 1}`));
    assert.match(pages[0]!, /CONFIDENTIAL/);
    assert.match(pages[0]!, /Northwind Logistics GmbH/);

    // The TOC's page numbers point at the pages where the headings really are.
    const toc = pages[1]!;
    for (const title of ['Executive summary', 'Methodology', 'Findings', 'Control results', 'Appendix', 'Sign-off']) {
      const m = new RegExp(`^\\s*${title}\\s+(\\d+)\\s*$`, 'm').exec(toc);
      assert.ok(m, `TOC lists ${title}`);
      const page = pages[Number(m[1]) - 1]!;
      assert.match(page, new RegExp(`^\\s*${title}\\s*$`, 'm'), `${title} heading is on page ${m[1]}`);
    }
    // Control tables span pages; every page holding control rows starts its table with the header row.
    const controlPages = pages.filter((p) => /^\s*S\.[A-H]\.\d+\s/m.test(p) && !/SHA-256/.test(p)); // not the evidence appendix
    assert.ok(controlPages.length >= 3, 'control results take several pages');
    for (const p of controlPages) assert.match(p, /Control\s+Title\s+Result\s+Weight\s+Note/, 'header row repeated');
    // Long texts wrap inside the text block: no word ends right of the right margin (A4 width 595, margin 50).
    const bbox = run('pdftotext', ['-bbox', path, '-']).stdout;
    const xMax = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.ok(xMax.length > 1000, 'words found');
    assert.ok(Math.max(...xMax) <= 595.28 - 50 + 1, `every word inside the margin (max x ${Math.max(...xMax)})`);
  } finally {
    tmp.cleanup();
  }
});

test('branding: the logo is embedded as an image, and a non-PNG logo is refused clearly', async (t) => {
  if (!requirePart(t, hasTool('pdfimages'), 'poppler pdfimages')) return;
  const tmp = tempDir('attest-brand-');
  try {
    const logo = solidPng(120, 40, [31, 95, 74]);
    const path = tmp.file('vendor.pdf', await renderReport(vendorFixture(), { ...opts, branding: { ...branding, logo } }));
    const list = run('pdfimages', ['-list', path]).stdout;
    assert.match(list, /\s120\s+40\s+rgb/, 'a 120x40 RGB image is in the PDF');
    await assert.rejects(
      renderReport(vendorFixture(), { ...opts, branding: { logo: new Uint8Array([1, 2, 3]) } }),
      (e: unknown) => e instanceof AttestError && e.code === 'REPORT_LOGO_NOT_IMAGE',
    );
  } finally {
    tmp.cleanup();
  }
});

test('the worker renders the same bytes as the main thread and reports progress up to 1', async () => {
  const model = vendorFixture();
  const progress: number[] = [];
  const inWorker = await renderReportInWorker(model, opts, (f) => progress.push(f));
  const direct = await renderReport(model, opts);
  assert.ok(Buffer.from(inWorker).equals(Buffer.from(direct)));
  assert.ok(progress.length >= 3, `several progress events (${progress.length})`);
  assert.deepEqual(
    [...progress].sort((a, b) => a - b),
    progress,
    'progress never goes back',
  );
  assert.equal(progress.at(-1), 1);
});

test('the worker reports a model error as an AttestError and can be cancelled', async () => {
  await assert.rejects(
    renderReportInWorker(vendorFixture(), { issuedAt: new Date('not a date') }),
    (e: unknown) => e instanceof AttestError && e.code === 'REPORT_INVALID_TIME',
  );
  const ac = new AbortController();
  const p = renderReportInWorker(engagementFixture(), opts, undefined, { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, (e: unknown) => e instanceof AttestError && e.code === 'REPORT_CANCELLED');
});

// Renders every kind to PNG for a human to look at (test-results/ is not committed).
test('pages render to PNG with pdftoppm', async (t) => {
  if (!requirePart(t, hasTool('pdftoppm'), 'poppler pdftoppm')) return;
  for (const [kind, model] of [
    ['engagement', engagementFixture()],
    ['vendor', vendorFixture()],
  ] as const) {
    const dir = join(process.cwd(), 'test-results', `report-${kind}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, `${kind}.pdf`);
    writeFileSync(pdf, await renderReport(model, { ...opts, branding: { ...branding, logo: solidPng(160, 48, [31, 95, 74]) } }));
    assert.equal(run('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')]).status, 0);
    assert.ok(readdirSync(dir).filter((f) => f.endsWith('.png')).length >= 6);
  }
});

test('a report from an assessment that is not final says DRAFT on the cover and on every page; a final one nowhere', async (t) => {
  if (!requirePart(t, hasTool('pdftotext') && hasTool('pdftoppm'), 'poppler pdftotext and pdftoppm')) return;
  const dir = join(process.cwd(), 'test-results', 'report-draft');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const draftPdf = join(dir, 'draft.pdf');
  writeFileSync(draftPdf, await renderReport({ ...engagementFixture(), draftState: 'review' }, opts));
  const pages = pageTexts(draftPdf);
  assert.match(pages[0]!, /DRAFT/);
  assert.match(pages[0]!, /Not final: the assessment was in review when this report was issued/);
  // The watermark is real text on every page (pdftotext reads it), and the header says so too.
  pages.forEach((p, i) => assert.match(p, /DRAFT/, `DRAFT on page ${i + 1}`));
  pages.slice(1).forEach((p, i) => assert.match(p, /DRAFT · CONFIDENTIAL/, `header of page ${i + 2}`));

  const finalPdf = join(dir, 'final.pdf');
  writeFileSync(finalPdf, await renderReport(engagementFixture(), opts));
  pageTexts(finalPdf).forEach((p, i) => assert.doesNotMatch(p, /DRAFT/, `no DRAFT on page ${i + 1} of a final report`));
  // Page images for a human to look at.
  assert.equal(run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '4', draftPdf, join(dir, 'page')]).status, 0);
});

test('the headline score and the text below it round the same way (one decimal)', async (t) => {
  if (!requirePart(t, hasTool('pdftotext'), 'poppler pdftotext')) return;
  const tmp = tempDir('attest-report-');
  try {
    const model = engagementFixture();
    model.executiveSummary.overallScore = 60.5;
    model.executiveSummary.overview = 'The weighted score is 60.5 out of 100.';
    const pages = pageTexts(tmp.file('score.pdf', await renderReport(model, opts)));
    const summary = pages.find((p) => /Overall score/.test(p))!;
    assert.match(summary, /60\.5 \/ 100/, 'the gauge shows 60.5, not 61');
    assert.doesNotMatch(summary, /\b61 \/ 100/);
  } finally {
    tmp.cleanup();
  }
});
