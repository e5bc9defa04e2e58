// Run in its own process by zip-bounds.test.ts: reads one file through an import path
// and prints what happened, how long it took and how much the process's memory grew.
import { readFileSync } from 'node:fs';
import { readTabular } from '../../../main/core/catalog/tabular';
import { readXlsx } from '../../../main/core/questionnaire/exchange';
import { AttestError } from '../../../main/core/errors';

const [path, reader] = process.argv.slice(2) as [string, 'catalogue' | 'questionnaire'];
const bytes = new Uint8Array(readFileSync(path));
global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
const t0 = performance.now();
const work = reader === 'catalogue' ? readTabular({ name: 'bomb.xlsx', bytes }) : readXlsx(bytes, 'bomb.xlsx');
work.then(
  () => report('OK'),
  (e: unknown) => report(e instanceof AttestError ? e.code : `THROWN ${String(e)}`),
);

function report(code: string) {
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  process.stdout.write(`${JSON.stringify({ code, ms, growth: peak - baseline })}\n`);
}
