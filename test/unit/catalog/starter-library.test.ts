// The starter library: each shipped catalogue is the publisher's file, byte for byte
// (checked against the corpus copy, independently of the index's own checksum), it imports
// with the counts of a raw scan, and it can be added from the app's channel and the CLI.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { test } from 'node:test';
import { libraryDir, libraryEntries, loadLibraryCatalogue } from '../../../main/core/catalog/starter-library';
import { cli } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { call, chosen, failure } from '../../support/dispatch';
import { requirePart } from '../../support/require';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'oscal');
const have = existsSync(corpus);
const WANTED = [
  'nist-800-53-rev5-low',
  'nist-800-53-rev5-moderate',
  'nist-800-53-rev5-high',
  'nist-800-53-rev5-privacy',
  'fedramp-rev5-li-saas',
  'fedramp-rev5-moderate',
];

function scan(text: string, yaml: boolean) {
  const ids = yaml
    ? [...text.matchAll(/^\s*(?:- )?id: ([a-z]{2}-\d+(?:\.\d+)?)\s*$/gm)].map((m) => m[1]!)
    : [...text.matchAll(/"id"\s*:\s*"([a-z]{2}-\d+(?:\.\d+)?)"/g)].map((m) => m[1]!);
  return { controls: ids.filter((i) => !i.includes('.')).length, enhancements: ids.filter((i) => i.includes('.')).length };
}

test('the library ships the six baselines, each the published file compressed, importing with the counts of a raw scan', (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const entries = libraryEntries();
  assert.deepEqual(entries.map((e) => e.id).sort(), [...WANTED].sort());
  for (const e of entries) {
    const published = join(corpus, e.source.split(' ')[0]!);
    const original = readFileSync(published);
    const shipped = readFileSync(join(libraryDir(), e.file));
    assert.ok(shipped.length < original.length / 5, `${e.id}: stored compressed (${shipped.length} of ${original.length} bytes)`);
    assert.ok(brotliDecompressSync(shipped).equals(original), `${e.id}: the same bytes as ${published}`);
    assert.equal(e.sha256, createHash('sha256').update(original).digest('hex'));
    const { result } = loadLibraryCatalogue(e.id);
    const expected = scan(original.toString('utf8'), published.endsWith('.yaml'));
    assert.deepEqual({ controls: result.counts.controls, enhancements: result.counts.enhancements }, expected, e.id);
    assert.equal(result.catalogue.id, e.id);
    assert.deepEqual(result.errors, []);
  }
});

test('a damaged library file is refused with a clear message', () => {
  const dir = tempDir('attest-library-');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(libraryDir(), 'index.json'), join(dir, 'index.json'));
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { entries: { id: string; file: string }[] };
  const low = index.entries.find((e) => e.id === 'nist-800-53-rev5-low')!;
  writeFileSync(join(dir, low.file), Buffer.from('not brotli'));
  assert.throws(() => loadLibraryCatalogue(low.id, dir), /LIBRARY_DAMAGED|missing or damaged/);
  assert.throws(() => loadLibraryCatalogue('no-such', dir), /has no catalogue "no-such"/);
});

test('Add from library: listed with what is installed, added once, then again only as a new version', async () => {
  const core = testCore();
  try {
    await call(core, 'workspace.create', {
      handle: chosen(core, join(tempDir('attest-lib-'), 'w.attest'), 'save:workspace'),
      name: 'Library',
      passphrase: 'library passphrase',
    });
    const before = await call(core, 'catalog.library', {});
    assert.equal(before.entries.length, 6);
    assert.ok(before.entries.every((e) => !e.installed && e.licence.length > 0));
    const added = await call(core, 'catalog.addFromLibrary', { id: 'fedramp-rev5-li-saas', replace: false });
    assert.equal(added.catalogue.id, 'fedramp-rev5-li-saas');
    assert.equal(added.catalogue.origin, 'oscal');
    assert.equal(added.imported, added.catalogue.controlCount);
    assert.ok((await call(core, 'catalog.library', {})).entries.find((e) => e.id === 'fedramp-rev5-li-saas')!.installed);
    const again = await failure(core, 'catalog.addFromLibrary', { id: 'fedramp-rev5-li-saas', replace: false });
    assert.equal(again.code, 'CATALOG_EXISTS');
    const unknown = await failure(core, 'catalog.addFromLibrary', { id: 'nope', replace: false });
    assert.equal(unknown.code, 'LIBRARY_NOT_FOUND');
  } finally {
    await core.close();
  }
});

test('attest catalog add lists the library and adds a baseline', async () => {
  const dir = tempDir('attest-lib-cli-');
  const ws = join(dir, 'w.attest');
  const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: 'library cli passphrase' };
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, ws, 'save:workspace'),
    name: 'Library CLI',
    passphrase: env.ATTEST_PASSPHRASE,
    remember: false,
  });
  await core.close();
  const listed = await cli(['catalog', 'add', ws], env);
  assert.equal(listed.code, 0, listed.stderr);
  for (const id of WANTED) assert.match(listed.stdout, new RegExp(`^${id}\\s`, 'm'));
  const added = await cli(['catalog', 'add', ws, 'nist-800-53-rev5-low', '--json'], env);
  assert.equal(added.code, 0, added.stderr);
  const value = JSON.parse(added.stdout) as { imported: number; catalogue: { id: string } };
  assert.equal(value.catalogue.id, 'nist-800-53-rev5-low');
  const low = scan(brotliDecompressSync(readFileSync(join(libraryDir(), 'nist-800-53-rev5-low.json.br'))).toString('utf8'), false);
  assert.equal(value.imported, low.controls + low.enhancements);
  const missing = await cli(['catalog', 'add', ws, 'nope'], env);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /The library has no catalogue "nope"/);
});

test('attest catalog import resolves a profile with --source href=file, and names the href it lacks', async (t) => {
  if (!requirePart(t, have, 'the OSCAL corpus in ../shared/corpora/oscal')) return;
  const dir = tempDir('attest-profile-cli-');
  const ws = join(dir, 'w.attest');
  const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: 'profile cli passphrase' };
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, ws, 'save:workspace'),
    name: 'Profile CLI',
    passphrase: env.ATTEST_PASSPHRASE,
    remember: false,
  });
  await core.close();
  const profile = join(corpus, 'NIST_SP-800-53_rev5_LOW-baseline_profile.json');
  const text = readFileSync(profile, 'utf8');
  const href = /"imports"\s*:\s*\[\s*\{\s*"href"\s*:\s*"([^"]+)"/.exec(text)![1]!;
  const lacking = await cli(['catalog', 'import', ws, profile], env);
  assert.notEqual(lacking.code, 0);
  assert.ok(lacking.stderr.includes(`--source ${href}=<file>`), lacking.stderr);
  const high = join(corpus, 'NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json');
  const r = await cli(['catalog', 'import', ws, profile, '--source', `${href}=${high}`, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  const asked = new Set(
    [...text.matchAll(/"with-ids"\s*:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!)),
  );
  assert.equal((JSON.parse(r.stdout) as { imported: number }).imported, asked.size);
});
