// Peak memory of one report render in a fresh process (the app renders in a worker, one
// report at a time). Run: npx tsx bench/report/rss.ts [--controls 1000] [--findings 200]
import { renderReport } from '../../main/core/report/render';
import { engagementFixture } from '../../test/unit/report/fixtures/engagement';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const controls = arg('controls', 1000);
const findings = arg('findings', 200);

async function main() {
  const model = engagementFixture({ controls, findings });
  const before = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const pdf = await renderReport(model, { issuedAt: new Date('2026-11-20T09:00:00Z') });
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `scale: ${controls} controls, ${findings} findings; one render ${Math.round(performance.now() - t0)} ms, ${(pdf.length / 1024).toFixed(0)} KiB`,
  );
  console.log(`peak RSS ${peak.toFixed(0)} MiB (${before.toFixed(0)} MiB before rendering; target <= 400 MiB)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
