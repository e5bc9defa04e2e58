// Packaging figures: the sizes of what users install (app.asar, its unpacked files, the
// main, preload and renderer bundles) and the cold start of the shipped `attest` CLI.
// Packages the app as test/e2e/packaged-app.test.ts does (electron-builder --dir,
// stand-in Electron). Run: npx tsx bench/packaging/run.ts [--runs N]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageApp, root } from '../../test/support/package-app';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(values.runs);

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(path) : statSync(path).size;
  }
  return total;
}
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

/** Wall time of fresh processes, in ms: median, min, max. */
function coldStart(args: string[], n: number): { median: number; min: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && !args.includes('--help')) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(n / 2)]!, min: times[0]!, max: times.at(-1)! };
}
const ms = (t: { median: number; min: number; max: number }) =>
  `${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`;

console.log(
  `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const app = packageApp();
const renderer = join(root, 'out/renderer/assets');
console.log('\nPackage (electron-builder --dir, linux-x64)');
console.log(`  app.asar                       ${mib(statSync(app.asar).size)}`);
console.log(`  app.asar.unpacked              ${kib(folderSize(app.unpacked))}`);
console.log(`  out/main/index.js              ${kib(statSync(join(root, 'out/main/index.js')).size)}`);
console.log(`  out/main/render.worker.js      ${kib(statSync(join(root, 'out/main/render.worker.js')).size)}`);
console.log(`  out/preload/index.js           ${kib(statSync(join(root, 'out/preload/index.js')).size)}`);
for (const f of readdirSync(renderer)) console.log(`  out/renderer/assets/${f.padEnd(22)} ${kib(statSync(join(renderer, f)).size)}`);
console.log(`  out/cli/attest.cjs             ${kib(statSync(join(root, 'out/cli/attest.cjs')).size)}`);

console.log(`\nCLI cold start, ${runs} fresh processes each (median)`);
console.log(`  attest --version (out/cli/attest.cjs)      ${ms(coldStart(['out/cli/attest.cjs', '--version'], runs))}   goal ≤ 300 ms`);
console.log(`  attest --help (loads the whole core)       ${ms(coldStart(['out/cli/attest.cjs', '--help'], runs))}`);
console.log(`  node -e 0 (Node itself)                    ${ms(coldStart(['-e', '0'], runs))}`);
const sourceRuns = Math.max(3, Math.floor(runs / 4));
console.log(
  `  attest --version via tsx (checkout bin, ${sourceRuns} runs)  ${ms(coldStart(['main/cli/bin.cjs', '--version'], sourceRuns))}`,
);
