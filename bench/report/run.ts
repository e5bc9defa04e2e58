// Benchmark: render and sign an engagement report at 1,000 controls and 200 findings,
// and compare with Chromium printing equivalent HTML (Playwright page.pdf()).
// Run: npx tsx bench/report/run.ts [--runs 7] [--controls 1000] [--findings 200] [--no-chromium] [--scaling] [--only plain|fast]
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { setEngineSpeedups } from '../../main/core/report/engine-speedups';
import { renderReport } from '../../main/core/report/render';
import { renderReportInWorker } from '../../main/core/report/render-in-worker';
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

async function main() {
  const model = engagementFixture({ controls, findings });
  const { identity } = generateSelfSignedIdentity({
    commonName: 'Bench Signer',
    organisation: 'Attest',
    passphrase: 'bench-passphrase',
    now: new Date('2026-11-20T08:00:00Z'),
  });
  const issuedAt = new Date('2026-11-20T09:00:00Z');
  console.log(
    `scale: ${controls} controls, ${findings} findings, ${model.catalogues.length} catalogues, charts on; ${runs} runs (+1 warm-up); node ${process.version}`,
  );

  // Before and after in one run: the engine's own code paths (plain) and Attest's faster
  // ones (fast, the default), alternating run by run so load changes hit both alike.
  const plain = { render: [] as number[], total: [] as number[] };
  const fast = { render: [] as number[], total: [] as number[] };
  const sign: number[] = [];
  const verify: number[] = [];
  let size = 0;
  let pages = 0;
  const once = async () => {
    const t0 = performance.now();
    const pdf = await renderReport(model, { issuedAt });
    const t1 = performance.now();
    const signed = await signPdf(pdf, { identity, reason: 'Benchmark', location: 'Here', signingTime: issuedAt, box: SIGNATURE_BOX });
    const t2 = performance.now();
    const v = await verifyPdfSignature(signed.bytes, { trusted: [identity.fingerprint], now: issuedAt });
    const t3 = performance.now();
    if (v.status !== 'valid') throw new Error(`benchmark signature not valid: ${v.problems.join(' ')}`);
    size = signed.bytes.length;
    pages = (
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type \/Page\b/g) ?? []
    ).length;
    return { render: t1 - t0, sign: t2 - t1, total: t2 - t0, verify: t3 - t2 };
  };
  // --only plain|fast: one kind per process (no swapping of the engine's functions).
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const modes = (
    [
      [false, plain],
      [true, fast],
    ] as const
  ).filter(([on]) => only === null || (only === 'fast') === on);
  for (let i = 0; i <= runs; i++) {
    for (const [on, into] of modes) {
      setEngineSpeedups(on);
      const r = await once();
      if (i === 0) continue; // warm-up: font parsing and JIT
      into.render.push(r.render);
      into.total.push(r.total);
      if (on || only === 'plain') {
        sign.push(r.sign);
        verify.push(r.verify);
      }
    }
  }
  setEngineSpeedups(true);
  const total = fast.total.length ? fast.total : plain.total;
  const spread = (xs: number[]) => `median ${ms(median(xs))}  [min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}]`;
  console.log(
    `output: ${pages} pages, ${(size / 1024).toFixed(0)} KiB signed; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (plain.render.length) console.log(`render, engine's own paths (before)   ${spread(plain.render)}`);
  if (fast.render.length) console.log(`render, Attest's faster paths (after) ${spread(fast.render)}`);
  console.log(`sign (placeholder + CMS RSA-3072) median ${ms(median(sign))}`);
  if (plain.total.length) console.log(`render + sign before ${spread(plain.total)}`);
  if (fast.total.length) console.log(`render + sign after  ${spread(fast.total)}  (target <= 1500 ms)`);
  if (plain.total.length && fast.total.length) console.log(`after / before = ${(median(fast.total) / median(plain.total)).toFixed(2)}`);
  console.log(`verify median ${ms(median(verify))}`);
  console.log(`peak RSS of this process so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (target <= 400 MiB)`);

  if (process.argv.includes('--scaling')) {
    // How the time grows with the report: 5,000 controls against 1,000 (target <= 5.5x).
    const timeAt = async (n: number) => {
      const m = engagementFixture({ controls: n, findings });
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await renderReport(m, { issuedAt });
        xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const base = await timeAt(1000);
    const big = await timeAt(5000);
    console.log(
      `scaling: 1,000 controls ${ms(base)}, 5,000 controls ${ms(big)}: ${(big / base).toFixed(2)}x (target <= 5.5x); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    );
  }

  const w0 = performance.now();
  await renderReportInWorker(model, { issuedAt });
  console.log(`render in a worker thread (one run, includes worker start-up) ${ms(performance.now() - w0)}`);

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
    console.log(`chromium setContent + page.pdf median ${ms(median(chrome))} (browser already running)`);
    console.log(`ratio attest render+sign / chromium = ${(median(total) / median(chrome)).toFixed(2)}x  (target <= 0.6x)`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
