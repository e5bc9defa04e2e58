#!/usr/bin/env node
// Every benchmark at a tiny scale, so a broken bench fails `npm test` (the figures at this
// scale mean nothing; the full-scale runs are manual, see README "Long trials and
// benchmarks"). Add a line here with each new bench.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const tsx = ['--import', 'tsx'];
const benches = [
  ['store', [...tsx, 'bench/store/run.ts', '--size-mb', '1']],
  ['report', [...tsx, 'bench/report/run.ts', '--runs', '1', '--controls', '40', '--findings', '5', '--no-chromium']],
  ['report memory', [...tsx, 'bench/report/rss.ts', '--controls', '40', '--findings', '5']],
  ['checks', [...tsx, 'bench/checks/run.ts', '--targets=3', '--runs=1', '--concurrency=2', '--delay-scale=0.1']],
  ['packaging', [...tsx, 'bench/packaging/run.ts', '--runs', '1']],
  ['catalog search', [...tsx, 'bench/catalog/search.ts', '--controls', '600', '--searches', '10']],
  [
    'catalog table (browser)',
    ['bash', 'test/support/keyring-session.sh', process.execPath, ...tsx, 'bench/catalog/table.ts', '--controls', '300', '--runs', '1'],
    'bash',
  ],
];

let failed = 0;
for (const [name, args, cmd] of benches) {
  const started = Date.now();
  const [exe, argv] = cmd ? [args[0], args.slice(1)] : [process.execPath, args];
  const r = spawnSync(exe, argv, { cwd: root, encoding: 'utf8', timeout: 300_000 });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✖'} bench ${name} at tiny scale (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) {
    failed++;
    console.log((r.stdout ?? '').slice(-2000), (r.stderr ?? '').slice(-4000), r.error ?? '');
  }
}
console.log(failed ? `${failed} of ${benches.length} benches broken` : `all ${benches.length} benches ran at tiny scale`);
process.exit(failed ? 1 : 0);
