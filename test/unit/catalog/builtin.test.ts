import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { AttestError } from '../../../main/core/errors';
import { canonicalJson, contentHash } from '../../../main/core/catalog/canonical';
import { catalogueJsonSchemaText } from '../../../main/core/catalog/json-schema';
import { defaultCatalogueDir, loadBuiltinCatalogues, validateCatalogueSources } from '../../../main/core/catalog/loader';
import { CHECK_IDS } from '../../../main/core/catalog/schema';
import { requirePart } from '../../support/require';

const dir = defaultCatalogueDir();
const loaded = loadBuiltinCatalogues();
const byId = new Map(loaded.map((l) => [l.catalogue.id, l.catalogue]));
const get = (id: string) => {
  const c = byId.get(id);
  assert.ok(c, `catalogue ${id} is loaded`);
  return c;
};

test('all five built-in catalogues load with the expected control counts', () => {
  const counts = Object.fromEntries(loaded.map((l) => [l.catalogue.id, l.catalogue.controls.length]));
  assert.deepEqual(counts, {
    'automation-trust': 10,
    'platform-baseline': 78,
    'retool-hardening': 16,
    'threat-model-review': 31,
    'tines-hardening': 34,
  });
  for (const l of loaded) {
    assert.match(l.hash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(l.version, l.catalogue.version);
    assert.ok(l.catalogue.source.url?.startsWith('https://'), `${l.catalogue.id} names its public source`);
    assert.ok(l.catalogue.licence.note.length > 20, `${l.catalogue.id} has a licence note`);
  }
});

test('the platform baseline has every code S.A.1 to S.P.6 in the seven categories, and S.V.8b for the repeated S.V.8', () => {
  const baseline = get('platform-baseline');
  const ranges: [string, number, string][] = [
    ['S.A', 25, 'system-access'],
    ['S.C', 6, 'system-configuration'],
    ['S.N', 15, 'network-traffic'],
    ['S.V', 8, 'vendor-management'],
    ['S.S', 10, 'software-supply-chain'],
    ['S.D', 7, 'data-storage'],
    ['S.P', 6, 'physical-access'],
  ];
  const expected: [string, string][] = ranges.flatMap(([prefix, n, cat]) =>
    Array.from({ length: n }, (_v, i): [string, string] => [`${prefix}.${i + 1}`, cat]),
  );
  expected.splice(expected.findIndex(([id]) => id === 'S.V.8') + 1, 0, ['S.V.8b', 'vendor-management']);
  assert.equal(expected.length, 78);
  assert.deepEqual(
    baseline.controls.map((c) => [c.id, c.category]),
    expected,
  );
  assert.deepEqual(
    baseline.categories.map((c) => c.id),
    ranges.map(([, , cat]) => cat),
  );
  const second = baseline.controls.find((c) => c.id === 'S.V.8b');
  assert.match(second?.note ?? '', /S\.V\.8/);
  assert.match(second?.statement ?? '', /source code/);
});

test('every control is fully described and cites only known live checks', () => {
  const allowed = new Set<string>(CHECK_IDS);
  for (const { catalogue } of loaded) {
    const categoryIds = new Set(catalogue.categories.map((c) => c.id));
    const ids = new Set<string>();
    for (const c of catalogue.controls) {
      assert.ok(!ids.has(c.id), `${catalogue.id}/${c.id} is unique`);
      ids.add(c.id);
      assert.ok(categoryIds.has(c.category), `${catalogue.id}/${c.id} has a defined category`);
      assert.ok(c.statement.length >= 20 && c.guidance.length >= 20, `${catalogue.id}/${c.id} has a statement and guidance`);
      assert.ok(c.weight !== undefined && c.weight >= 1 && c.weight <= 5);
      assert.ok(c.severity !== undefined);
      assert.ok(c.references.length >= 1);
      for (const check of c.checks) assert.ok(allowed.has(check), `${catalogue.id}/${c.id} cites unknown check ${check}`);
    }
  }
});

test('mappings resolve and are symmetric (walked independently of the loader)', () => {
  const edges = new Set<string>();
  for (const { catalogue } of loaded)
    for (const c of catalogue.controls) for (const m of c.mappings) edges.add(`${catalogue.id}/${c.id} ${m.catalogue}/${m.control}`);
  assert.ok(edges.size >= 60, `a useful number of mappings exists (${edges.size})`);
  for (const edge of edges) {
    const [from, to] = edge.split(' ') as [string, string];
    const [cat, ...rest] = to.split('/');
    assert.ok(
      get(cat!).controls.some((c) => c.id === rest.join('/')),
      `${edge}: target exists`,
    );
    assert.ok(edges.has(`${to} ${from}`), `${edge}: reverse mapping exists`);
  }
  for (const pair of [
    'tines-hardening/TN.ACC.1 platform-baseline/S.A.4',
    'retool-hardening/RT.AUTHN.3 platform-baseline/S.A.3',
    'tines-hardening/TN.ACC.3 platform-baseline/S.A.3',
    'retool-hardening/RT.AUTHN.2 platform-baseline/S.A.4',
  ])
    assert.ok(edges.has(pair), `expected mapping ${pair}`);
});

test('the threat-model review covers STRIDE, lateral movement and the eight design principles', () => {
  const tm = get('threat-model-review');
  for (const cat of [
    'spoofing',
    'tampering',
    'repudiation',
    'information-disclosure',
    'denial-of-service',
    'elevation-of-privilege',
    'lateral-movement',
  ]) {
    assert.ok(
      tm.controls.some((c) => c.category === cat),
      `threats for ${cat}`,
    );
  }
  const principles = tm.controls.filter((c) => c.category === 'design-principles').map((c) => c.title);
  assert.deepEqual(principles, [
    'Least privilege',
    'Fail-safe defaults',
    'Economy of mechanism',
    'Complete mediation',
    'Open design',
    'Separation of privilege',
    'Least common mechanism',
    'Psychological acceptability',
  ]);
});

test('the content hash is canonical: key order and formatting do not change it, content does', () => {
  assert.equal(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }] }), '{"a":[1,{"c":"x"}],"b":1}');
  const baseline = get('platform-baseline');
  const entry = loaded.find((l) => l.catalogue.id === 'platform-baseline')!;
  const reordered = Object.fromEntries(Object.entries(structuredClone(baseline)).reverse());
  assert.equal(contentHash(reordered), entry.hash);
  const edited = structuredClone(baseline);
  edited.controls[0]!.title += '.';
  assert.notEqual(contentHash(edited), entry.hash);
  // Loading twice gives the same hashes: reproducible across runs.
  assert.deepEqual(
    loadBuiltinCatalogues().map((l) => l.hash),
    loaded.map((l) => l.hash),
  );
});

test('catalog/schema.json is up to date with the zod schema', () => {
  const committed = readFileSync(join(dir, 'schema.json'), 'utf8');
  assert.equal(committed, catalogueJsonSchemaText(), 'run `npx tsx main/core/catalog/write-json-schema.ts` and commit catalog/schema.json');
});

test('catalog/schema.json, checked by ajv, accepts every built-in file and rejects a broken one', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8')));
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const doc = parseYaml(readFileSync(join(dir, file), 'utf8'));
    assert.ok(validate(doc), `${file}: ${ajv.errorsText(validate.errors)}`);
  }
  const broken = parseYaml(readFileSync(join(dir, 'tines-hardening.yaml'), 'utf8'));
  broken.controls[0].weight = 7;
  assert.equal(validate(broken), false);
});

const minimal = (id: string, controls: string) => `format: 1
id: ${id}
version: 1.0.0
title: Test ${id}
source: { name: Test, url: "https://example.test/" }
licence: { note: Test data only. }
categories: [{ id: main, title: Main }]
controls:
${controls}`;
const control = (id: string, overrides: Record<string, string> = {}) => {
  const fields = {
    id,
    title: 'T',
    statement: 'A statement.',
    guidance: 'Some guidance.',
    category: 'main',
    weight: '3',
    severity: 'low',
    references: '[{ title: R }]',
    ...overrides,
  };
  return `  - { ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }\n`;
};

test('the validator reports duplicates, unknown categories, unknown checks and one-sided or dangling mappings', () => {
  const { problems } = validateCatalogueSources([
    {
      file: 'a.yaml',
      text: minimal(
        'cat-a',
        control('A.1') +
          control('A.1') +
          control('A.2', { category: 'nowhere' }) +
          control('A.3', { mappings: '[{ catalogue: cat-b, control: B.1 }]' }) +
          control('A.4', { mappings: '[{ catalogue: cat-b, control: B.9 }]' }),
      ),
    },
    { file: 'b.yaml', text: minimal('cat-b', control('B.1')) },
  ]);
  const text = JSON.stringify(problems);
  assert.match(text, /control id \\"A\.1\\" is used twice/);
  assert.match(text, /category \\"nowhere\\"/);
  assert.match(text, /A\.3 maps to cat-b\/B\.1, but that control does not map back/);
  assert.match(text, /A\.4 maps to cat-b\/B\.9, which does not exist/);
  const unknownCheck = validateCatalogueSources([
    { file: 'c.yaml', text: minimal('cat-c', control('C.1', { checks: '[web.not-a-check]' })) },
  ]);
  assert.match(JSON.stringify(unknownCheck.problems), /c\.yaml.*checks\[0\]/);
  assert.equal(unknownCheck.loaded.length, 0);
});

test('loadBuiltinCatalogues refuses an invalid folder with CATALOG_INVALID and a missing one with CATALOG_DIR_MISSING', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'attest-catalog-'));
  try {
    writeFileSync(join(tmp, 'x.yaml'), minimal('cat-x', control('X.1', { weight: '9' })));
    assert.throws(
      () => loadBuiltinCatalogues(tmp),
      (e: unknown) => e instanceof AttestError && e.code === 'CATALOG_INVALID' && /x\.yaml/.test(e.message) && /weight/.test(e.message),
    );
    writeFileSync(join(tmp, 'x.yaml'), minimal('cat-x', control('X.1')));
    assert.equal(loadBuiltinCatalogues(tmp)[0]?.catalogue.controls.length, 1);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  assert.throws(
    () => loadBuiltinCatalogues(join(tmpdir(), 'attest-no-such-dir-' + process.pid)),
    (e: unknown) => e instanceof AttestError && e.code === 'CATALOG_DIR_MISSING',
  );
});

// The catalogues must be in Attest's own words: no run of 9 or more consecutive words in any
// title, statement, guidance or description may appear in the seed document it was written from.
test('catalogue text does not copy sentences from the seed documents', (t) => {
  const seedDir = join(dir, '..', '..', 'shared', 'seeds');
  if (!requirePart(t, existsSync(seedDir), 'the seed documents in ../shared/seeds')) return;
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
  const seedFor: Record<string, string> = {
    'tines-hardening': '000',
    'retool-hardening': '001',
    'threat-model-review': '002',
    'platform-baseline': '003',
    'automation-trust': '004',
  };
  const N = 9;
  for (const { catalogue } of loaded) {
    const seedFile = readdirSync(seedDir).find((f) => f.startsWith(`${seedFor[catalogue.id]}_`));
    assert.ok(seedFile, `seed for ${catalogue.id}`);
    const seedWords = words(readFileSync(join(seedDir, seedFile), 'utf8'));
    const grams = new Set<string>();
    for (let i = 0; i + N <= seedWords.length; i++) grams.add(seedWords.slice(i, i + N).join(' '));
    const texts = [catalogue.description, ...catalogue.controls.flatMap((c) => [c.title, c.statement, c.guidance])];
    for (const text of texts) {
      const w = words(text);
      for (let i = 0; i + N <= w.length; i++)
        assert.ok(!grams.has(w.slice(i, i + N).join(' ')), `${catalogue.id}: "${w.slice(i, i + N).join(' ')}" is copied from the seed`);
    }
  }
});
