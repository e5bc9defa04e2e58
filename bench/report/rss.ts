// Peak memory of one report render in a fresh process, through the app's path: report
// workers (threads of this process, so this process's peak RSS counts them), the report
// split across --parts workers (default: as the app decides) and joined.
// Run: npx tsx bench/report/rss.ts [--controls 1000] [--findings 200] [--parts N] [--worker out/main/render.worker.js]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { partsFor, renderReportInWorker, reportWorkers } from '../../main/core/report/render-in-worker';
import { engagementFixture } from '../../test/unit/report/fixtures/engagement';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const controls = arg('controls', 1000);
const findings = arg('findings', 200);

async function main() {
  const model = engagementFixture({ controls, findings });
  const parts = arg('parts', partsFor(model));
  const w = process.argv.indexOf('--worker');
  const workerUrl = w > 0 ? pathToFileURL(resolve(process.argv[w + 1]!)) : undefined;
  const before = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const pdf = await renderReportInWorker(model, { issuedAt: new Date('2026-11-20T09:00:00Z') }, undefined, {
    parts,
    ...(workerUrl ? { workerUrl } : {}),
  });
  const peak = process.resourceUsage().maxRSS / 1024;
  reportWorkers.stop();
  console.log(
    `scale: ${controls} controls, ${findings} findings, ${parts} worker(s); one cold render ${Math.round(performance.now() - t0)} ms, ${(pdf.length / 1024).toFixed(0)} KiB`,
  );
  console.log(`peak RSS ${peak.toFixed(0)} MiB (${before.toFixed(0)} MiB before rendering; target <= 400 MiB)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
