// Benchmark: render and sign an engagement report at 1,000 controls and 200 findings the
// way the app does (report workers kept loaded between reports, a large report split
// across one worker per core and joined), against rendering in this thread and against
// the app's previous path (a new worker per report), and compare with Chromium printing
// equivalent HTML (Playwright page.pdf()) in the same run.
// The workers run the app's own bundle (out/main/render.worker.js, built here first with
// scripts/bundle-node.mjs), as in the packaged app; --ts-worker runs the sources through tsx.
// Run: npx tsx bench/report/run.ts [--runs 7] [--controls 1000] [--findings 200] [--parts N] [--no-chromium] [--scaling] [--ts-worker]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ReportModel } from '../../main/core/report/model';
import { renderReport } from '../../main/core/report/render';
import { partsFor, renderReportInWorker, reportWorkers } from '../../main/core/report/render-in-worker';
import { SIGNATURE_BOX } from '../../main/core/report/theme';
import { generateSelfSignedIdentity } from '../../main/core/signing/identity';
import { signPdf } from '../../main/core/signing/sign';
import { verifyPdfSignature } from '../../main/core/signing/verify';
import { engagementFixture } from '../../test/unit/report/fixtures/engagement';
import { engagementHtml } from './html';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const runs = arg('runs', 7);
const controls = arg('controls', 1000);
const findings = arg('findings', 200);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const spread = (xs: number[]) => `median ${ms(median(xs))}  [min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}]`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const pageCount = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;

async function main() {
  const model = engagementFixture({ controls, findings });
  const parts = arg('parts', partsFor(model));
  const root = join(import.meta.dirname, '../..');
  let worker: { workerUrl?: URL } = {};
  if (!process.argv.includes('--ts-worker')) {
    const built = spawnSync(process.execPath, [join(root, 'scripts/bundle-node.mjs'), 'worker'], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`could not build the report worker: ${built.stderr}`);
    worker = { workerUrl: pathToFileURL(join(root, 'out/main/render.worker.js')) };
  }
  const { identity } = generateSelfSignedIdentity({
    commonName: 'Bench Signer',
    organisation: 'Attest',
    passphrase: 'bench-passphrase',
    now: new Date('2026-11-20T08:00:00Z'),
  });
  const issuedAt = new Date('2026-11-20T09:00:00Z');
  console.log(
    `scale: ${controls} controls, ${findings} findings, ${model.catalogues.length} catalogues, charts on; ${runs} runs (+1 warm-up); node ${process.version}; ${availableParallelism()} cores, report split across ${parts} worker(s) running ${worker.workerUrl ? 'the built bundle out/main/render.worker.js' : 'the sources through tsx'}`,
  );
  console.log(`load average at start ${load()}`);

  const sign = async (pdf: Uint8Array) => {
    const t = performance.now();
    const signed = await signPdf(pdf, { identity, reason: 'Benchmark', location: 'Here', signingTime: issuedAt, box: SIGNATURE_BOX });
    return { signed: signed.bytes, ms: performance.now() - t };
  };
  const timed = async (render: (m: ReportModel) => Promise<Uint8Array>, m: ReportModel = model) => {
    const t0 = performance.now();
    const pdf = await render(m);
    const t1 = performance.now();
    const s = await sign(pdf);
    return { pdf, signed: s.signed, render: t1 - t0, sign: s.ms, total: t1 - t0 + s.ms };
  };
  const inThread = (m: ReportModel) => renderReport(m, { issuedAt });
  const app = (m: ReportModel) => renderReportInWorker(m, { issuedAt }, undefined, { parts, ...worker });
  // The same kept workers with the report whole in one of them: what the parts add.
  const oneWorker = (m: ReportModel) => renderReportInWorker(m, { issuedAt }, undefined, { parts: 1, ...worker });
  // The app's path until now: a worker started for the report (cold: module loading, fonts, JIT).
  const freshWorker = (m: ReportModel) => {
    reportWorkers.stop();
    return renderReportInWorker(m, { issuedAt }, undefined, { parts: 1, ...worker });
  };
  const coldApp = (m: ReportModel) => {
    reportWorkers.stop();
    return app(m);
  };

  // Cold first: before anything in this process has loaded pdfmake.
  const cold: number[] = [];
  const oldApp: number[] = [];
  for (let i = 0; i < 3; i++) {
    cold.push((await timed(coldApp)).total);
    oldApp.push((await timed(freshWorker)).total);
  }

  // Warm: in this thread and the app's kept workers, alternating run by run so load changes hit both alike.
  const thread = { render: [] as number[], total: [] as number[] };
  const pooled = { render: [] as number[], total: [] as number[] };
  const whole: number[] = [];
  const signMs: number[] = [];
  let out = { size: 0, pages: 0, unsigned: 0, threadSize: 0 };
  for (let i = 0; i <= runs; i++) {
    const a = await timed(inThread);
    const b = await timed(app);
    const c = await timed(oneWorker);
    if (i === 0) {
      const v = await verifyPdfSignature(b.signed, { trusted: [identity.fingerprint], now: issuedAt });
      if (v.status !== 'valid') throw new Error(`benchmark signature not valid: ${v.problems.join(' ')}`);
      if (pageCount(a.pdf) !== pageCount(b.pdf)) throw new Error('the two paths gave different page counts');
      out = { size: b.signed.length, pages: pageCount(b.pdf), unsigned: b.pdf.length, threadSize: a.pdf.length };
      continue;
    }
    thread.render.push(a.render);
    thread.total.push(a.total);
    pooled.render.push(b.render);
    pooled.total.push(b.total);
    whole.push(c.total);
    signMs.push(b.sign);
  }
  const peakHere = process.resourceUsage().maxRSS / 1024;
  console.log(
    `output: ${out.pages} pages, ${(out.size / 1024).toFixed(0)} KiB signed (${(out.unsigned / 1024).toFixed(0)} KiB unsigned; ${(out.threadSize / 1024).toFixed(0)} KiB from one thread); load average ${load()}`,
  );
  console.log(`render + sign, whole report in this thread              ${spread(thread.total)}`);
  console.log(`render + sign, a new worker per report (app before), cold ${spread(oldApp)}`);
  console.log(`render + sign, the app's kept workers (after), warm       ${spread(pooled.total)}  (target <= 1500 ms)`);
  console.log(`render + sign, one kept worker, report whole, warm        ${spread(whole)}`);
  console.log(`render + sign, the app's workers, first report (cold)     ${spread(cold)}`);
  console.log(`render only: in this thread ${spread(thread.render)}; kept workers ${spread(pooled.render)}`);
  console.log(`sign (placeholder + CMS RSA-3072) median ${ms(median(signMs))}`);
  console.log(`kept workers / this thread = ${(median(pooled.total) / median(thread.total)).toFixed(2)}`);

  // Peak memory of one report through the app's path in a fresh process (this one also holds the in-thread renders).
  const rss = (n: number) => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'rss.ts'),
        '--controls',
        String(n),
        '--findings',
        String(findings),
        '--parts',
        String(parts),
      ],
      { encoding: 'utf8' },
    );
    return (r.stdout + r.stderr).trim().split('\n').at(-1) ?? '';
  };
  console.log(`peak RSS of this process so far ${peakHere.toFixed(0)} MiB (in-thread renders and the workers together)`);
  console.log(`peak RSS, one report in a fresh process, ${controls} controls: ${rss(controls)}`);

  if (process.argv.includes('--scaling')) {
    // How the time grows with the report: 5,000 controls against 1,000 (target <= 5.5x), kept workers.
    const timeAt = async (n: number) => {
      const m = engagementFixture({ controls: n, findings });
      const xs: number[] = [];
      for (let i = 0; i <= 3; i++) {
        const r = await timed(app, m);
        if (i > 0) xs.push(r.total);
      }
      return median(xs);
    };
    const base = await timeAt(1000);
    const big = await timeAt(5000);
    console.log(
      `scaling (render + sign, kept workers): 1,000 controls ${ms(base)}, 5,000 controls ${ms(big)}: ${(big / base).toFixed(2)}x (target <= 5.5x)`,
    );
    console.log(`peak RSS, one report in a fresh process, 5000 controls: ${rss(5000)}`);
  }
  reportWorkers.stop();

  if (process.argv.includes('--no-chromium') || !existsSync('/usr/bin/chromium')) {
    console.log('chromium: skipped');
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const html = engagementHtml(model);
    const chrome: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const page = await browser.newPage();
      const t0 = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:right;padding-right:40px">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        headerTemplate: '<div></div>',
        margin: { top: '72px', bottom: '60px', left: '50px', right: '50px' },
      });
      const t1 = performance.now();
      await page.close();
      if (i === 0) {
        console.log(`chromium output: ${(pdf.length / 1024).toFixed(0)} KiB (unsigned, no TOC page numbers)`);
        continue;
      }
      chrome.push(t1 - t0);
    }
    console.log(`chromium setContent + page.pdf ${spread(chrome)} (browser already running); load average ${load()}`);
    console.log(
      `ratio attest render+sign / chromium: kept workers ${(median(pooled.total) / median(chrome)).toFixed(2)}x (target <= 0.6x); in this thread ${(median(thread.total) / median(chrome)).toFixed(2)}x; one kept worker ${(median(whole) / median(chrome)).toFixed(2)}x; first report ${(median(cold) / median(chrome)).toFixed(2)}x`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
