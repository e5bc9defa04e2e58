// Time to read and import each OSCAL file of the corpus (JSON, XML, YAML), each profile
// resolution, and each library catalogue from its compressed file: median of --runs
// (default 5) after one warm-up, with the file size and control count it ran at.
// Run: npx tsx bench/catalog/oscal.ts [--runs 5]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importOscalCatalog } from '../../main/core/catalog/import-oscal';
import { readOscal } from '../../main/core/catalog/oscal-read';
import { libraryEntries, loadLibraryCatalogue } from '../../main/core/catalog/starter-library';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const corpus = join(import.meta.dirname, '../../../shared/corpora/oscal');

function time(fn: () => number): { ms: number; controls: number } {
  let controls = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    controls = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, controls };
}

const rows: string[][] = [];
const files = [
  ...readdirSync(corpus).filter((f) => /catalog/.test(f) && !/schema/.test(f)),
  'examples/basic-catalog.xml',
  'examples/basic-catalog.json',
];
for (const f of files) {
  const bytes = readFileSync(join(corpus, f));
  const r = time(() => importOscalCatalog(bytes).catalogue.controls.length);
  rows.push([f, `${(statSync(join(corpus, f)).size / 1e6).toFixed(2)} MB`, String(r.controls), r.ms.toFixed(0)]);
}
const high = readOscal(readFileSync(join(corpus, 'NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json')));
for (const [f, href] of [
  ['NIST_SP-800-53_rev5_LOW-baseline_profile.json', '#84cbf061-eb87-4ec1-8112-1f529232e907'],
  ['FedRAMP_rev5_MODERATE-baseline_profile.json', 'NIST_SP-800-53_rev5_catalog.json'],
] as const) {
  const text = readFileSync(join(corpus, f), 'utf8');
  const r = time(() => importOscalCatalog(text, { sources: new Map([[href, high]]) }).catalogue.controls.length);
  rows.push([`${f} (resolved against HIGH)`, `${(text.length / 1e6).toFixed(2)} MB`, String(r.controls), r.ms.toFixed(0)]);
}
for (const e of libraryEntries()) {
  const r = time(() => loadLibraryCatalogue(e.id).result.catalogue.controls.length);
  rows.push([`library ${e.id} (${e.file})`, '', String(r.controls), r.ms.toFixed(0)]);
}
console.log(`OSCAL import, median of ${runs} runs after a warm-up, node ${process.version}`);
console.log(['file', 'size', 'controls', 'median ms'].join('\t'));
for (const r of rows) console.log(r.join('\t'));
