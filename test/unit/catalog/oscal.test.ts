import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { AttestError } from '../../../main/core/errors';
import { importOscalCatalog, type OscalImportResult } from '../../../main/core/catalog/import-oscal';
import { catalogueIssues } from '../../../main/core/catalog/integrity';
import { catalogueSchema } from '../../../main/core/catalog/schema';
import { requirePart } from '../../support/require';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'oscal');
const fileOf = (level: 'LOW' | 'HIGH') => join(corpus, `NIST_SP-800-53_rev5_${level}-baseline-resolved-profile_catalog-min.json`);
const have = existsSync(fileOf('LOW')) && existsSync(fileOf('HIGH'));

/** Counts by a method unrelated to the importer: a regex over the raw text for control ids. */
function countByRegex(text: string) {
  const ids = [...text.matchAll(/"id"\s*:\s*"([a-z]{2}-\d+(?:\.\d+)?)"/g)].map((m) => m[1]!);
  const groups = [...text.matchAll(/"class"\s*:\s*"family"/g)].length;
  return { groups, controls: ids.filter((id) => !id.includes('.')).length, enhancements: ids.filter((id) => id.includes('.')).length };
}

const results = new Map<string, OscalImportResult>();
const run = (level: 'LOW' | 'HIGH') => {
  if (!results.has(level)) results.set(level, importOscalCatalog(readFileSync(fileOf(level), 'utf8')));
  return results.get(level)!;
};

for (const [level, pinned] of [
  ['LOW', { groups: 18, controls: 131, enhancements: 18 }],
  ['HIGH', { groups: 18, controls: 188, enhancements: 182 }],
] as const) {
  test(`NIST SP 800-53 rev5 ${level}: every group, control and enhancement is imported`, (t) => {
    if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
    const text = readFileSync(fileOf(level), 'utf8');
    const result = run(level);
    assert.deepEqual(result.counts, countByRegex(text), 'importer agrees with an independent count');
    assert.deepEqual(result.counts, pinned, 'known baseline sizes');
    assert.equal(result.catalogue.categories.length, pinned.groups);
    assert.equal(result.catalogue.controls.length, pinned.controls + pinned.enhancements);
    assert.equal(result.catalogue.controls.filter((c) => c.parent).length, pinned.enhancements);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.catalogue.origin, 'oscal');
    assert.equal(result.catalogue.version, '5.1.1+u4');
    // The result is a valid catalogue of the shared model.
    assert.ok(catalogueSchema.safeParse(result.catalogue).success);
    assert.deepEqual(catalogueIssues(result.catalogue), []);
    for (const c of result.catalogue.controls) {
      assert.ok(!c.statement.includes('{{'), `${c.id}: parameters substituted`);
      assert.ok(!c.guidance.includes('{{'), `${c.id}: parameters substituted in guidance`);
      assert.ok(c.guidance.length > 0, `${c.id}: guidance kept`);
    }
  });
}

test('statements keep their nested labelled parts and show parameters NIST-style', (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const { catalogue } = run('HIGH');
  const ac1 = catalogue.controls.find((c) => c.id === 'ac-1')!;
  assert.equal(ac1.label, 'AC-1');
  assert.equal(ac1.category, 'ac');
  assert.deepEqual(
    ac1.statementParts?.map((p) => p.label),
    ['a.', 'b.', 'c.'],
  );
  assert.deepEqual(
    ac1.statementParts?.[0]?.parts?.[0]?.parts?.map((p) => p.label),
    ['(a)', '(b)'],
  );
  assert.match(
    ac1.statement,
    /^a\. Develop, document, and disseminate to \[Assignment: organization-defined personnel or roles\]:\n {2}1\. \[Selection \(one or more\): organization-level; mission\/business process-level; system-level\] access control policy that:\n {4}\(a\) /,
  );
  assert.ok(ac1.parameters?.some((p) => p.id === 'ac-01_odp.03' && p.choices?.length === 3 && p.howMany === 'one-or-more'));
  // A selection whose choices insert further parameters is resolved all the way down.
  const ac7 = catalogue.controls.find((c) => c.id === 'ac-7')!;
  assert.match(
    ac7.statement,
    /\[Selection \(one or more\): lock the account or node for \[Assignment: organization-defined time period\];/,
  );
  // References resolve into the back-matter with their links; related controls are kept.
  assert.ok(ac1.references.some((r) => r.title === 'SP 800-12' && r.url === 'https://doi.org/10.6028/NIST.SP.800-12r1'));
  assert.ok(ac1.references.some((r) => r.section === 'pm-9'));
  const enh = catalogue.controls.find((c) => c.id === 'ac-2.1')!;
  assert.equal(enh.parent, 'ac-2');
  assert.equal(enh.label, 'AC-2(1)');
  assert.ok(enh.tags.includes('enhancement'));
});

test('the corpus files are valid OSCAL 1.0.6 catalogs, and ajv catches a broken one', (t) => {
  const schemaFile = join(corpus, 'oscal_catalog_schema-1.0.6.json');
  if (!requirePart(t, have && existsSync(schemaFile), 'the OSCAL corpus and schema in ../shared/corpora/oscal')) return;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const low = JSON.parse(readFileSync(fileOf('LOW'), 'utf8')) as { catalog: { metadata: { title?: string } } };
  assert.ok(validate(low), ajv.errorsText(validate.errors));
  delete low.catalog.metadata.title;
  assert.equal(validate(low), false);
  assert.throws(() => importOscalCatalog(low), /missing catalog\.metadata\.title/);
});

test('malformed input fails with a clear message and code', () => {
  const fails = (input: unknown, code: string, pattern: RegExp) =>
    assert.throws(
      () => importOscalCatalog(input),
      (e: unknown) => e instanceof AttestError && e.code === code && pattern.test(e.message),
    );
  const notCatalog = (input: unknown, pattern: RegExp) => fails(input, 'OSCAL_NOT_CATALOG', pattern);
  fails('{ nope', 'IMPORT_NOT_JSON', /not valid JSON/);
  fails('[]', 'OSCAL_NOT_CATALOG', /top level is not an object/);
  fails('<catalog><metadata>', 'OSCAL_UNREADABLE', /OSCAL XML/);
  fails({ profile: { uuid: 'x' } }, 'OSCAL_PROFILE_INVALID', /imports nothing/);
  notCatalog({ catalog: {} }, /missing catalog\.metadata/);
  notCatalog({ catalog: { metadata: { title: '' } } }, /missing catalog\.metadata\.title/);
  notCatalog({ catalog: { metadata: { title: 'Empty' } } }, /no groups and no controls/);
});

test('a bad control is reported and skipped while the rest imports', () => {
  const doc = {
    catalog: {
      uuid: 'u',
      metadata: { title: 'Small Catalog', version: 'draft 2' },
      groups: [
        {
          id: 'g1',
          title: 'Group one',
          controls: [
            {
              id: 'x-1',
              title: 'Good',
              params: [{ id: 'p1', label: 'frequency' }],
              parts: [{ name: 'statement', prose: 'Review {{ insert: param, p1 }} and {{ insert: param, missing }} .' }],
            },
            { id: 'x-2', parts: [] },
            { id: 'x-1', title: 'Duplicate', parts: [{ name: 'statement', prose: 'Again.' }] },
          ],
          groups: [
            {
              id: 'g1a',
              title: 'Sub',
              controls: [{ id: 'x-3', title: 'Nested group control', parts: [{ name: 'statement', prose: 'Do it.' }] }],
            },
          ],
        },
      ],
      controls: [
        {
          id: 'y-1',
          title: 'Loose',
          parts: [{ name: 'statement', prose: 'Loose control.' }],
          controls: [{ id: 'y-1.1', title: 'Withdrawn one', props: [{ name: 'status', value: 'withdrawn' }] }],
        },
      ],
    },
  };
  const r = importOscalCatalog(JSON.stringify(doc), { id: 'small' });
  assert.equal(r.catalogue.id, 'small');
  assert.equal(r.catalogue.version, '0.0.0+draft.2');
  // A control without a title is titled by its id (see oscal-in.test.ts), so only the duplicate is skipped.
  assert.deepEqual(
    r.catalogue.controls.map((c) => c.id),
    ['x-1', 'x-2', 'x-3', 'y-1', 'y-1.1'],
  );
  assert.deepEqual(
    r.catalogue.categories.map((c) => [c.id, c.title]),
    [
      ['g1', 'Group one'],
      ['g1a', 'Group one / Sub'],
      ['ungrouped', 'Ungrouped controls'],
    ],
  );
  assert.deepEqual(r.counts, { groups: 2, controls: 5, enhancements: 1 });
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0]!.message, /"x-1" is used twice/);
  assert.equal(r.catalogue.controls[0]!.statement, 'Review [Assignment: organization-defined frequency] and [Assignment: missing].');
  assert.ok(r.warnings.some((w) => /"missing" is used but not defined/.test(w.message)));
  assert.ok(r.warnings.some((w) => w.path === 'y-1.1' && /withdrawn/.test(w.message)));
  assert.ok(r.catalogue.controls.find((c) => c.id === 'y-1.1')?.tags.includes('withdrawn'));
});
