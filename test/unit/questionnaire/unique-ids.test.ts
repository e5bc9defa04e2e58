// Duplicate VSAQ ids are made unique in linear time, on the sanitised id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIdAllocator } from '../../../main/core/questionnaire/unique-ids';
import { importVsaq } from '../../../main/core/questionnaire/vsaq';

test('a duplicate keeps the sanitised id and gets the next free suffix', () => {
  const ids = createIdAllocator();
  assert.deepEqual(
    ['a b', 'a b', 'a_b_2', 'a b', '', '', '!!x'].map((w) => ids.take(w)),
    ['a_b', 'a_b_2', 'a_b_2_2', 'a_b_3', 'item', 'item_2', 'x'],
  );
});

test('20,000 copies of one id take linear work, not quadratic', () => {
  const n = 20_000;
  const ids = createIdAllocator();
  const out = new Set<string>();
  for (let i = 0; i < n; i++) out.add(ids.take('dup id!'));
  assert.equal(out.size, n, 'every id is unique');
  assert.ok(out.has('dup_id_') && out.has(`dup_id__${n}`));
  // Each take tries its base once and at most one suffix; quadratic would be ~n²/2 = 2·10⁸.
  assert.ok(ids.probes <= 2 * n, `${ids.probes} candidates tried for ${n} ids`);
});

test('ids that collide with earlier suffixes are skipped once, not re-scanned', () => {
  const n = 10_000;
  const ids = createIdAllocator();
  for (let i = 2; i <= n; i++) ids.take(`q_${i}`);
  for (let i = 0; i < n; i++) ids.take('q');
  assert.ok(ids.probes <= 4 * n, `${ids.probes} candidates tried`);
});

test('a VSAQ file with 20,000 items of one id imports them all, with unique sanitised ids', () => {
  const n = 20_000;
  const items = Array.from({ length: n }, () => ({ type: 'line', id: 'same id', text: 'Q?' }));
  const data = { questionnaire: [{ type: 'block', text: 'T', items: [{ type: 'block', id: 'sec', text: 'S', items }] }] };
  const t0 = performance.now();
  const { body } = importVsaq(data, 'vsaq-dups', 'dups.json');
  const elapsed = performance.now() - t0;
  const got = body.sections.flatMap((s) => s.items).map((i) => i.id ?? '');
  assert.equal(new Set(got).size, n);
  assert.ok(
    got.every((id) => /^same_id(_\d+)?$/.test(id)),
    'every id is the sanitised id with a suffix',
  );
  // Generous: the quadratic version took tens of seconds here.
  assert.ok(elapsed < 5_000, `took ${Math.round(elapsed)} ms`);
});
