// VSAQ imports keep every item: the counts of each file, taken by an independent scan of
// the raw text, equal what the importer read and what the stored template holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { countVsaqItems, relaxedJsonToStrict } from '../../../main/core/questionnaire/vsaq';
import { call, failure, upload } from '../../support/dispatch';
import { withVendor } from './support';

// The corpus sits beside the project folder, in shared/.
const DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'vsaq');
const FILES = ['webapp.json', 'security_privacy_programs.json', 'physical_and_datacenter.json'];

/** Counts by regex over the text with `//` comment lines removed: one "type" per item, one choice entry per radio/check item. */
function independentCount(text: string) {
  const code = text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');
  const byType: Record<string, number> = {};
  for (const m of code.matchAll(/"type":\s*"([a-z]+)"/g)) byType[m[1]!] = (byType[m[1]!] ?? 0) + 1;
  // Choices are {"<id>": "<label>"} objects inside "choices" lists; count them per group kind.
  const groups = [...code.matchAll(/"type":\s*"(radiogroup|checkgroup)"[\s\S]*?"choices":\s*\[([\s\S]*?)\]/g)];
  for (const g of groups) {
    const n = [...g[2]!.matchAll(/\{\s*"[A-Za-z0-9_]+"\s*:/g)].length;
    const kind = g[1] === 'radiogroup' ? 'radioitem' : 'checkitem';
    byType[kind] = (byType[kind] ?? 0) + n;
  }
  return {
    byType,
    conditions: [...code.matchAll(/"cond":/g)].length,
    warnings: [...code.matchAll(/"warn":\s*"yes"/g)].length,
    ids: [...code.matchAll(/"id":/g)].length,
  };
}

test('the tolerant reader takes comments, "a" + "b" strings, raw line breaks and trailing commas', () => {
  const src = '// head\n{ "a": "one" +\n  // between\n  "two", "b": "x\ny", "c": [1, 2,], }\n';
  assert.deepEqual(JSON.parse(relaxedJsonToStrict(src)), { a: 'onetwo', b: 'x\ny', c: [1, 2] });
  assert.deepEqual(JSON.parse(relaxedJsonToStrict('{"u": "http://x // not a comment"}')), { u: 'http://x // not a comment' });
});

test('VSAQ: every item of the three files is kept, with its type, conditions and warnings', async () => {
  await withVendor(async (core) => {
    for (const file of FILES) {
      const text = readFileSync(`${DIR}/${file}`, 'utf8');
      const expected = independentCount(text);
      const r = await call(core, 'template.import', { file: upload(file, text) });
      assert.deepEqual(r.counts.byType, expected.byType, `${file}: counts by type`);
      assert.equal(r.counts.conditions, expected.conditions, `${file}: conditions`);
      assert.equal(r.counts.warnings, expected.warnings, `${file}: warnings`);
      const stored = await call(core, 'template.get', { id: r.template.id });
      assert.deepEqual(countVsaqItems(stored.body), expected.byType, `${file}: the stored template holds every item`);
      const items = stored.body.sections.flatMap((s) => s.items);
      const keptIds = items.flatMap((i) => [i.origin?.id, ...(i.kind === 'question' ? i.options.map((o) => o.id) : [])]).filter(Boolean);
      const sectionIds = stored.body.sections.filter((s) => s.origin?.id).length;
      assert.equal(
        keptIds.length + sectionIds,
        expected.ids + (expected.byType.radioitem ?? 0) + (expected.byType.checkitem ?? 0),
        `${file}: every id kept`,
      );
      assert.equal(items.filter((i) => i.cond).length, expected.conditions, `${file}: every condition kept on its item`);
      assert.equal(items.filter((i) => i.kind === 'note' && i.warn).length, expected.warnings, `${file}: every warning kept`);
    }
    const fixed = { webapp: [296, 73], security_privacy_programs: [190, 46], physical_and_datacenter: [118, 30] } as const;
    const list = (await call(core, 'template.list', {})).templates;
    const bodies = new Map(
      await Promise.all(list.map(async (t) => [t.id, (await call(core, 'template.get', { id: t.id })).body] as const)),
    );
    const countChoices = (id: string) =>
      bodies
        .get(id)!
        .sections.flatMap((s) => s.items)
        .reduce((n, i) => n + (i.kind === 'question' ? i.options.length : 0), 0);
    for (const [name, [total, questions]] of Object.entries(fixed)) {
      const t = list.find((x) => x.id === `vsaq-${name.replace(/_/g, '-')}`);
      assert.ok(t, name);
      assert.equal(t.questions, questions);
      assert.equal(t.items + t.sections + 1 + countChoices(t.id), total, `${name}: items + sections + the top block + options`);
    }
  });
});

test('VSAQ: a file that is not a questionnaire is refused with a clear message and nothing stored', async () => {
  await withVendor(async (core) => {
    const before = (await call(core, 'template.list', {})).templates.length;
    const broken = await failure(core, 'template.import', {
      file: upload('x.json', '{"questionnaire": [ {"type": "block", "text": "unterminated } ] }'),
    });
    assert.equal(broken.code, 'VSAQ_UNREADABLE');
    const other = await failure(core, 'template.import', { file: upload('y.json', '{"hello": 1}') });
    assert.equal(other.code, 'IMPORT_UNSUPPORTED_FILE');
    assert.equal((await call(core, 'template.list', {})).templates.length, before);
  });
});
