// Every file in ../shared/corpora/oscal goes through the OSCAL import, and each count is
// checked against a separate scan of the raw file (regular expressions over the text, or
// a tag-depth count over the XML twin), never against the importer's own output. The table
// of expected and actual counts is printed as a test diagnostic.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import { importOscalCatalog, type OscalCounts } from '../../../main/core/catalog/import-oscal';
import { readOscal } from '../../../main/core/catalog/oscal-read';
import { requirePart } from '../../support/require';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'oscal');
const have = existsSync(corpus);

/** NIST-style ids as values of an `id` key (JSON or YAML); families by their class. */
function scanNist(text: string, yaml: boolean): OscalCounts & { ids: Set<string> } {
  const ids = yaml
    ? [...text.matchAll(/^\s*(?:- )?id: ([a-z]{2}-\d+(?:\.\d+)?)\s*$/gm)].map((m) => m[1]!)
    : [...text.matchAll(/"id"\s*:\s*"([a-z]{2}-\d+(?:\.\d+)?)"/g)].map((m) => m[1]!);
  const groups = yaml ? [...text.matchAll(/^\s*(?:- )?class: family\s*$/gm)].length : [...text.matchAll(/"class"\s*:\s*"family"/g)].length;
  return {
    groups,
    controls: ids.filter((id) => !id.includes('.')).length,
    enhancements: ids.filter((id) => id.includes('.')).length,
    ids: new Set(ids),
  };
}

/** Groups, controls and nested controls by tag depth over XML text. */
function scanXml(text: string): OscalCounts {
  const counts = { groups: 0, controls: 0, enhancements: 0 };
  let depth = 0;
  for (const m of text.matchAll(/<(\/?)(group|control)\b[^>]*?(\/?)>/g)) {
    if (m[2] === 'group') {
      if (!m[1]) counts.groups++;
      continue;
    }
    if (m[1]) depth--;
    else {
      if (depth > 0) counts.enhancements++;
      else counts.controls++;
      if (!m[3]) depth++;
    }
  }
  return counts;
}

const rows: { file: string; expected: string; actual: string }[] = [];
const fmt = (c: OscalCounts) => `${c.groups} groups, ${c.controls} controls, ${c.enhancements} enhancements`;

test('every OSCAL catalog in the corpus imports with the counts of an independent scan', (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const files = readdirSync(corpus).filter((f) => /catalog/.test(f) && !/schema/.test(f));
  assert.ok(files.length >= 6);
  for (const file of files) {
    const text = readFileSync(join(corpus, file), 'utf8');
    const expected = scanNist(text, file.endsWith('.yaml'));
    const r = importOscalCatalog(text);
    rows.push({ file, expected: fmt(expected), actual: fmt(r.counts) });
    assert.deepEqual(r.counts, { groups: expected.groups, controls: expected.controls, enhancements: expected.enhancements }, file);
    assert.deepEqual(new Set(r.catalogue.controls.map((c) => c.id)), expected.ids, `${file}: the same ids`);
    assert.deepEqual(r.errors, [], file);
  }
  for (const file of ['examples/basic-catalog.xml', 'examples/basic-catalog.json']) {
    // The JSON twin is counted by scanning the XML: both forms must give the same catalogue.
    const expected = scanXml(readFileSync(join(corpus, 'examples/basic-catalog.xml'), 'utf8'));
    const r = importOscalCatalog(readFileSync(join(corpus, file)));
    rows.push({ file, expected: fmt(expected), actual: fmt(r.counts) });
    assert.deepEqual(r.counts, expected, file);
    assert.equal(r.catalogue.controls.length, expected.controls + expected.enhancements);
  }
});

test('the corpus profiles resolve offline against a local catalog to the controls they select', (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const highText = readFileSync(join(corpus, 'NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json'), 'utf8');
  const high = readOscal(highText);
  const highIds = scanNist(highText, false).ids;
  for (const [file, published] of [
    ['NIST_SP-800-53_rev5_LOW-baseline_profile.json', 'NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json'],
    ['FedRAMP_rev5_MODERATE-baseline_profile.json', 'FedRAMP_rev5_MODERATE-baseline-resolved-profile_catalog.yaml'],
  ] as const) {
    const text = readFileSync(join(corpus, file), 'utf8');
    // The ids the profile asks for, read from its with-ids arrays by a regex over the raw text.
    const asked = new Set(
      [...text.matchAll(/"with-ids"\s*:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!)),
    );
    const href = /"imports"\s*:\s*\[\s*\{\s*"href"\s*:\s*"([^"]+)"/.exec(text)![1]!;
    const r = importOscalCatalog(text, { sources: new Map([[href, high]]) });
    const expected = new Set([...asked].filter((id) => highIds.has(id)));
    const got = new Set(r.catalogue.controls.map((c) => c.id));
    const counts = {
      controls: [...expected].filter((id) => !id.includes('.')).length,
      enhancements: [...expected].filter((id) => id.includes('.')).length,
    };
    rows.push({
      file: `${file} (imports mapped to the HIGH catalog)`,
      expected: `${counts.controls} controls, ${counts.enhancements} enhancements; ${asked.size - expected.size} asked for but not in HIGH`,
      actual: `${r.counts.controls} controls, ${r.counts.enhancements} enhancements; ${r.warnings.filter((w) => /not in the imported catalog/.test(w.message)).length} reported`,
    });
    assert.deepEqual(got, expected, file);
    assert.equal(
      r.warnings.filter((w) => /not in the imported catalog/.test(w.message)).length,
      asked.size - expected.size,
      `${file}: every missing id is reported`,
    );
    // The publisher's own resolution selects the same ids (where HIGH has them).
    const publishedIds = scanNist(readFileSync(join(corpus, published), 'utf8'), published.endsWith('.yaml')).ids;
    assert.deepEqual(new Set([...publishedIds].filter((id) => highIds.has(id))), got, `${file}: same selection as ${published}`);
  }
});

test('the other OSCAL documents and the schemas are refused as catalogues with a clear message', (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  for (const file of readdirSync(corpus).filter((f) => f.startsWith('ifa_') || f.includes('schema'))) {
    const text = readFileSync(join(corpus, file), 'utf8');
    const model = Object.keys(JSON.parse(text) as object).find((k) =>
      ['assessment-plan', 'assessment-results', 'plan-of-action-and-milestones'].includes(k),
    );
    let message = '';
    assert.throws(
      () => importOscalCatalog(text),
      (e: unknown) =>
        e instanceof AttestError && ['OSCAL_NOT_CATALOG', 'OSCAL_UNREADABLE'].includes(e.code) && ((message = e.message), true),
    );
    if (model) assert.match(message, new RegExp(model), file);
    rows.push({ file, expected: model ? `refused: an OSCAL ${model}` : 'refused: not an OSCAL document', actual: `refused: ${message}` });
  }
});

test('table of every file tried', (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  assert.ok(rows.length >= 16, 'every corpus file appears in the table');
  t.diagnostic(
    ['| file | expected | actual |', '|---|---|---|', ...rows.map((r) => `| ${r.file} | ${r.expected} | ${r.actual} |`)].join('\n'),
  );
});
