// OSCAL in, one test per defect of issue 15: forms told apart by content, FedRAMP's values
// in constraints, withdrawn in any case and out of new assessments, every part kept and
// shown, titles that fall back, and profile resolution (selection, merge, set-parameters,
// alters) with its imports mapped to local files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { importOscalCatalog } from '../../../main/core/catalog/import-oscal';
import { readOscal } from '../../../main/core/catalog/oscal-read';
import type { Core } from '../../../main/core/core';
import { AttestError } from '../../../main/core/errors';
import { engagementModel } from '../../../main/core/report/from-workspace';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure } from '../../support/dispatch';
import { requirePart } from '../../support/require';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'oscal');
const have = existsSync(join(corpus, 'examples', 'basic-catalog.xml'));
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

let core: Core;
before(async () => {
  core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, join(tempDir('attest-oscal-in-'), 'w.attest'), 'save:workspace'),
    name: 'OSCAL in',
    passphrase: 'oscal in passphrase',
  });
});
after(() => core.close());

test('XML and YAML are read by content: an XML catalog named .json and a YAML catalog named .txt both import', async (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const xml = readFileSync(join(corpus, 'examples/basic-catalog.xml'), 'utf8');
  const preview = await call(core, 'catalog.preview', { file: { name: 'misnamed.json', dataBase64: b64(xml) } });
  assert.equal(preview.kind, 'oscal');
  // The XML and JSON forms give the same controls, statements and parameters (JSON writes links as Markdown).
  const fromXml = importOscalCatalog(xml).catalogue.controls;
  const fromJson = importOscalCatalog(readFileSync(join(corpus, 'examples/basic-catalog.json'), 'utf8')).catalogue.controls;
  const unlink = (s: string) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  assert.deepEqual(
    fromXml.map((c) => [c.id, c.title, unlink(c.statement), c.parameters]),
    fromJson.map((c) => [c.id, c.title, unlink(c.statement), c.parameters]),
  );
  const s111 = fromXml.find((c) => c.id === 's1.1.1')!;
  assert.match(
    s111.statement,
    /A value has been assigned to \[Selection \(one or more\): initiating a device lock after \[Assignment: organization-defined a duration\] of inactivity;/,
  );
  assert.ok(
    s111.parts?.some((p) => p.name === 'overview' && /management framework/.test(p.text)),
    'overview part kept',
  );

  const yaml = [
    'catalog:',
    '  uuid: 4b5a5c2e-0d7e-4b8e-9a59-1d2c3e4f5a6b',
    '  metadata:',
    '    title: Small YAML catalog',
    '    version: "1.0"',
    '  controls:',
    '    - id: y-1',
    '      title: One',
    '      parts:',
    '        - name: statement',
    '          prose: Do one thing.',
  ].join('\n');
  const imported = await call(core, 'catalog.import', { file: { name: 'controls.txt', dataBase64: b64(yaml) }, replace: false });
  assert.equal(imported.imported, 1);
  assert.equal(imported.catalogue.title, 'Small YAML catalog');
});

test('FedRAMP values in constraints: AC-1 reads the FedRAMP frequency, not "organization-defined frequency"', (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  for (const file of [
    'FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog.json',
    'FedRAMP_rev5_MODERATE-baseline-resolved-profile_catalog.yaml',
  ]) {
    const text = readFileSync(join(corpus, file), 'utf8');
    // The constraint of ac-01_odp.05, found by a scan of the raw text.
    const value = file.endsWith('.yaml')
      ? /- id: ac-01_odp\.05\s+label: [^\n]+\s+constraints:\s+- description: ([^\n]+)/.exec(text)![1]!.trim()
      : /"id"\s*:\s*"ac-01_odp\.05"[^}]*?"constraints"\s*:\s*\[\s*\{\s*"description"\s*:\s*"([^"]+)"/.exec(text)![1]!;
    const ac1 = importOscalCatalog(text).catalogue.controls.find((c) => c.id === 'ac-1')!;
    assert.ok(!/organization-defined frequency/.test(ac1.statement), `${file}: ${ac1.statement}`);
    assert.ok(ac1.statement.includes(`Policy ${value}`), `${file}: AC-1 c.1 reads "${value}"`);
    assert.deepEqual(ac1.parameters?.find((p) => p.id === 'ac-01_odp.05')?.values, [value]);
  }
});

const rev4 = {
  catalog: {
    uuid: '8f2d0f8a-8d60-4c35-9d7e-0a4f6c1b2d3e',
    metadata: { title: 'Rev4 style catalog', version: '4.0' },
    groups: [
      {
        id: 'ac',
        title: 'Access Control',
        controls: [
          { id: 'ac-1', title: 'Policy', parts: [{ name: 'statement', prose: 'Have a policy.' }] },
          {
            id: 'ac-2',
            title: 'Account Management',
            parts: [{ name: 'statement', prose: 'Manage accounts.' }],
            controls: [{ id: 'ac-2.6', title: 'Dynamic Privilege Management', props: [{ name: 'status', value: 'Withdrawn' }] }],
          },
          { id: 'ac-13', title: 'Supervision and Review', props: [{ name: 'status', value: 'WITHDRAWN' }] },
          { id: 'ac-99', props: [{ name: 'label', value: 'AC-99' }], parts: [{ name: 'statement', prose: 'A control without a title.' }] },
          { id: 'ac-98', parts: [{ name: 'statement', prose: 'Neither title nor label.' }] },
        ],
      },
    ],
  },
};

test('withdrawn is recognised in any case, shown as withdrawn and left out of new assessments', async () => {
  const r = importOscalCatalog(rev4);
  const tagged = r.catalogue.controls.filter((c) => c.tags.includes('withdrawn')).map((c) => c.id);
  assert.deepEqual(tagged, ['ac-2.6', 'ac-13']);
  await call(core, 'catalog.import', {
    file: { name: 'rev4.json', dataBase64: b64(JSON.stringify(rev4)) },
    id: 'rev4-style',
    replace: false,
  });
  const detail = await call(core, 'catalog.get', { id: 'rev4-style' });
  assert.ok(detail.controls.find((c) => c.id === 'ac-13')!.tags.includes('withdrawn'), 'the catalogue view shows it withdrawn');
  const a = await call(core, 'assessment.create', {
    name: 'Rev4',
    client: 'C',
    scope: 'S',
    periodStart: null,
    periodEnd: null,
    assessor: 'A',
    catalogueIds: ['rev4-style'],
  });
  const got = await call(core, 'assessment.get', { id: a.id });
  assert.deepEqual(
    got.rows.map((x) => x.controlId),
    ['ac-1', 'ac-2', 'ac-99', 'ac-98'],
  );
  assert.equal(got.assessment.total, 4);
});

test('a control without a title is titled by its label, else its id', () => {
  const r = importOscalCatalog(rev4);
  assert.equal(r.catalogue.controls.find((c) => c.id === 'ac-99')!.title, 'AC-99');
  assert.equal(r.catalogue.controls.find((c) => c.id === 'ac-98')!.title, 'ac-98');
  assert.deepEqual(r.errors, []);
});

test('every part is kept and shown: all guidance, control-level items, objectives, in the catalogue, the assessment panel and the report', async (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const file = 'FedRAMP_rev5_LI-SaaS-baseline-resolved-profile_catalog.json';
  const text = readFileSync(join(corpus, file), 'utf8');
  // A separate walk of the raw JSON: every control's guidance prose and top-level non-statement part titles.
  type P = { name?: string; title?: string; prose?: string; parts?: P[] };
  type C = { id: string; parts?: P[]; controls?: C[] };
  const all: C[] = [];
  const walk = (n: { controls?: C[]; groups?: unknown[] }) => {
    for (const c of n.controls ?? []) {
      all.push(c);
      walk(c);
    }
    for (const g of (n.groups ?? []) as { controls?: C[]; groups?: unknown[] }[]) walk(g);
  };
  walk((JSON.parse(text) as { catalog: { groups: unknown[] } }).catalog);
  const imported = new Map(importOscalCatalog(text).catalogue.controls.map((c) => [c.id, c]));
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  let multiGuidance = 0;
  for (const raw of all) {
    const c = imported.get(raw.id)!;
    const guidance = (raw.parts ?? []).filter((p) => p.name === 'guidance');
    if (guidance.length > 1) multiGuidance++;
    for (const g of guidance)
      if (g.prose) assert.ok(squash(c.guidance).includes(squash(g.prose).slice(0, 60).trim()), `${raw.id}: every guidance part`);
    for (const p of (raw.parts ?? []).filter((x) => x.name !== 'statement' && x.name !== 'guidance')) {
      assert.ok(
        c.parts?.some((k) => k.name === p.name),
        `${raw.id}: part ${p.name} kept`,
      );
      if (p.title)
        assert.ok(
          c.parts?.some((k) => k.title === p.title),
          `${raw.id}: "${p.title}" kept`,
        );
    }
  }
  assert.ok(multiGuidance > 0, 'the file has controls with more than one guidance part');
  const ia21 = imported.get('ia-2.1')!;
  assert.ok(
    ia21.parts?.some(
      (p) => /Additional FedRAMP Requirements/.test(p.title) && /multi-factor authentication for all Federal privileged users/.test(p.text),
    ),
  );

  // Shown: the catalogue view, the assessment panel and the report model carry them.
  await call(core, 'catalog.import', { file: { name: file, dataBase64: b64(text) }, id: 'fedramp-li-saas-parts', replace: false });
  const view = (await call(core, 'catalog.get', { id: 'fedramp-li-saas-parts' })).controls.find((c) => c.id === 'ia-2.1')!;
  assert.deepEqual(view.parts, ia21.parts);
  const a = await call(core, 'assessment.create', {
    name: 'Parts',
    client: 'C',
    scope: 'S',
    periodStart: null,
    periodEnd: null,
    assessor: 'A',
    catalogueIds: ['fedramp-li-saas-parts'],
  });
  const panel = await call(core, 'assessment.control', { assessmentId: a.id, catalogueId: 'fedramp-li-saas-parts', controlId: 'ia-2.1' });
  assert.deepEqual(panel.parts, ia21.parts);
  await call(core, 'assessment.setResult', {
    assessmentId: a.id,
    catalogueId: 'fedramp-li-saas-parts',
    controlId: 'ia-2.1',
    status: 'met',
    rationale: 'MFA on all admin accounts.',
  });
  const model = await engagementModel(core.session.workspace(), {
    assessmentId: a.id,
    classification: 'internal' as never,
    issuedAt: new Date('2026-12-01T00:00:00Z'),
  });
  const row = model.catalogues[0]!.controls.find((c) => c.controlId === 'IA-2(1)')!;
  assert.deepEqual(
    row.parts?.map((p) => p.title),
    ia21.parts!.map((p) => p.title),
  );
});

// ---- profiles ---------------------------------------------------------------------------

const source = {
  catalog: {
    uuid: '0b3c6a51-9d1f-4a87-8f39-3b7c3f4a0e11',
    metadata: { title: 'Source catalog', version: '1.0' },
    groups: [
      {
        id: 'ac',
        title: 'Access',
        controls: [
          {
            id: 'ac-1',
            title: 'Policy',
            params: [{ id: 'ac-1_prm_1', label: 'frequency' }],
            parts: [
              { id: 'ac-1_smt', name: 'statement', prose: 'Review the policy {{ insert: param, ac-1_prm_1 }}.' },
              { id: 'ac-1_gdn', name: 'guidance', prose: 'Original guidance.' },
            ],
          },
          {
            id: 'ac-2',
            title: 'Accounts',
            parts: [{ id: 'ac-2_smt', name: 'statement', prose: 'Manage accounts.' }],
            controls: [
              { id: 'ac-2.1', title: 'Automated', parts: [{ id: 'ac-2.1_smt', name: 'statement', prose: 'Automate it.' }] },
              { id: 'ac-2.2', title: 'Temporary', parts: [{ id: 'ac-2.2_smt', name: 'statement', prose: 'Remove temporary accounts.' }] },
            ],
          },
          { id: 'ac-3', title: 'Enforcement', parts: [{ id: 'ac-3_smt', name: 'statement', prose: 'Enforce access.' }] },
        ],
      },
      {
        id: 'au',
        title: 'Audit',
        controls: [
          { id: 'au-1', title: 'Audit policy', parts: [{ id: 'au-1_smt', name: 'statement', prose: 'Audit.' }] },
          { id: 'au-2', title: 'Events', parts: [{ id: 'au-2_smt', name: 'statement', prose: 'Log events.' }] },
        ],
      },
    ],
  },
};

const profile = (extra: Record<string, unknown>) => ({
  profile: {
    uuid: '5d1f5e0c-7a57-4b5e-8f0a-6a3e8c9b1f22',
    metadata: { title: 'Tailored baseline', version: '2.0' },
    imports: [
      {
        href: '#src',
        'include-controls': [
          { 'with-ids': ['ac-1'] },
          { 'with-ids': ['ac-2'], 'with-child-controls': 'yes' },
          { matching: [{ pattern: 'au-*' }] },
        ],
        'exclude-controls': [{ 'with-ids': ['ac-2.2', 'au-1'] }],
      },
    ],
    merge: { 'as-is': true },
    'back-matter': {
      resources: [{ uuid: 'src', title: 'Source catalog', rlinks: [{ href: 'https://example.invalid/source_catalog.json' }] }],
    },
    ...extra,
  },
});

test('a profile selects with with-ids, with-child-controls, matching and exclude, keeping groups as-is', () => {
  const r = importOscalCatalog(profile({}), { sources: new Map([['#src', readOscal(JSON.stringify(source))]]) });
  assert.deepEqual(
    r.catalogue.controls.map((c) => c.id),
    ['ac-1', 'ac-2', 'ac-2.1', 'au-2'],
  );
  assert.deepEqual(
    r.catalogue.categories.map((c) => c.title),
    ['Access', 'Audit'],
  );
  assert.equal(r.catalogue.title, 'Tailored baseline');
  // flat merge: no groups from the source.
  const flat = importOscalCatalog(profile({ merge: { flat: {} } }), {
    sources: new Map([['source_catalog.json', readOscal(JSON.stringify(source))]]),
  });
  assert.deepEqual(
    flat.catalogue.categories.map((c) => c.id),
    ['ungrouped'],
  );
  assert.equal(flat.catalogue.controls.length, 4);
});

test('a profile sets parameters and alters controls (adds at every position, removes by name and id)', () => {
  const modify = {
    'set-parameters': [{ 'param-id': 'ac-1_prm_1', constraints: [{ description: 'at least annually' }] }],
    alters: [
      {
        'control-id': 'ac-1',
        removes: [{ 'by-name': 'guidance' }],
        adds: [
          { position: 'ending', parts: [{ id: 'ac-1_fr', name: 'item', title: 'Added requirement', prose: 'Also do this.' }] },
          { position: 'starting', 'by-id': 'ac-1_smt', parts: [{ id: 'ac-1_smt.x', name: 'item', prose: 'First of all.' }] },
          { position: 'after', 'by-id': 'ac-1_smt', parts: [{ id: 'ac-1_gdn2', name: 'guidance', prose: 'Tailored guidance.' }] },
        ],
      },
      { 'control-id': 'ac-3', adds: [{ parts: [{ name: 'item', prose: 'ignored' }] }] },
    ],
  };
  const r = importOscalCatalog(profile({ modify }), { sources: new Map([['#src', readOscal(JSON.stringify(source))]]) });
  const ac1 = r.catalogue.controls.find((c) => c.id === 'ac-1')!;
  assert.equal(ac1.statement, 'Review the policy at least annually.\n  First of all.');
  assert.equal(ac1.guidance, 'Tailored guidance.');
  assert.deepEqual(ac1.parts, [{ name: 'item', title: 'Added requirement', text: 'Also do this.' }]);
  assert.ok(
    r.warnings.some((w) => /"ac-3" is not selected/.test(w.message)),
    'an alter of an unselected control is reported',
  );
});

test('a profile whose imports have no local file is refused by name; the app is told which hrefs to ask for', async () => {
  assert.throws(
    () => importOscalCatalog(profile({})),
    (e: unknown) =>
      e instanceof AttestError &&
      e.code === 'OSCAL_PROFILE_SOURCE_MISSING' &&
      /#src \(Source catalog\)/.test(e.message) &&
      /--source/.test(e.message),
  );
  const file = { name: 'profile.json', dataBase64: b64(JSON.stringify(profile({}))) };
  const asked = await call(core, 'catalog.preview', { file });
  assert.deepEqual(asked, {
    kind: 'profile',
    title: 'Tailored baseline',
    imports: [{ href: '#src', title: 'Source catalog', resolved: false }],
  });
  const sources = [{ href: '#src', file: { name: 'source.xml', dataBase64: b64(JSON.stringify(source)) } }];
  const ready = await call(core, 'catalog.preview', { file, sources });
  assert.equal(ready.kind, 'oscal');
  const err = await failure(core, 'catalog.import', { file, replace: false });
  assert.equal(err.code, 'OSCAL_PROFILE_SOURCE_MISSING');
  const done = await call(core, 'catalog.import', { file, sources, replace: false });
  assert.equal(done.imported, 4);
});

test('a profile may import another profile, resolved in turn', () => {
  const outer = {
    profile: {
      uuid: '9e0f3c55-2a1b-4d3c-8e7f-1a2b3c4d5e6f',
      metadata: { title: 'Outer', version: '1' },
      imports: [{ href: 'inner.json', 'include-all': {}, 'exclude-controls': [{ 'with-ids': ['au-2'] }] }],
    },
  };
  const sources = new Map([
    ['inner.json', readOscal(JSON.stringify(profile({})))],
    ['#src', readOscal(JSON.stringify(source))],
  ]);
  const r = importOscalCatalog(outer, { sources });
  assert.deepEqual(
    r.catalogue.controls.map((c) => c.id),
    ['ac-1', 'ac-2', 'ac-2.1'],
  );
});
