// The tables' sorting and the finding refs of several assessments, as plain functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortOrder } from '../../../renderer/src/components/table/sorting';
import { assessmentPrefixes, distinctNames, shownRef } from '../../../renderer/src/lib/finding-refs';
import { compareNatural } from '../../../renderer/src/lib/natural-sort';

test('natural order: numbers inside text compare as numbers, empty values last', () => {
  assert.deepEqual(['VSB-10', 'VSB-2', 'VSB-1', 'AC-2(1)', 'AC-10'].sort(compareNatural), ['AC-2(1)', 'AC-10', 'VSB-1', 'VSB-2', 'VSB-10']);
  assert.deepEqual([3, null, 1, 20].sort(compareNatural), [1, 3, 20, null]);
  assert.equal(compareNatural('abc', 'ABC'), 0);
});

test('sortOrder sorts stably both ways and keeps empty values last', () => {
  const rows = [{ id: 'VSB-10' }, { id: '' }, { id: 'VSB-2' }, { id: 'VSB-2' }];
  const columns = [{ key: 'id', sort: (r: { id: string }) => r.id }];
  assert.deepEqual(sortOrder(rows, columns, { key: 'id', direction: 'ascending' }), [2, 3, 0, 1]);
  assert.deepEqual(sortOrder(rows, columns, { key: 'id', direction: 'descending' }), [0, 2, 3, 1]);
  assert.equal(sortOrder(rows, columns, null), null);
  assert.equal(
    sortOrder(rows, [{ key: 'id' }], { key: 'id', direction: 'ascending' }),
    null,
    'a column without a sort value does not sort',
  );
});

test('assessment prefixes are short and unique, and refs carry them only when given', () => {
  const prefixes = assessmentPrefixes([
    { id: 'a', name: 'Northwind Health – Q2 2026 platform review' },
    { id: 'b', name: 'Northwind Health – Q4 2026 platform review' },
    { id: 'c', name: 'Tines tenant hardening' },
    { id: 'd', name: 'Tines tenant hardening' },
  ]);
  assert.deepEqual([...prefixes.values()], ['Q2-26', 'Q4-26', 'TTH', 'TTH2']);
  assert.equal(shownRef('F-001', 'b', prefixes), 'Q4-26/F-001');
  assert.equal(shownRef('F-001', 'b', null), 'F-001');
});

test('distinct names drop the words every listed name starts with', () => {
  const names = distinctNames([
    { id: 'a', name: 'Northwind Health – Q2 2026 platform review' },
    { id: 'b', name: 'Northwind Health – Q4 2026 platform review' },
  ]);
  assert.deepEqual([...names.values()], ['Q2 2026 platform review', 'Q4 2026 platform review']);
  assert.equal(distinctNames([{ id: 'a', name: 'Only one' }]).get('a'), 'Only one');
  assert.deepEqual(
    [
      ...distinctNames([
        { id: 'a', name: 'Same' },
        { id: 'b', name: 'Same' },
      ]).values(),
    ],
    ['Same', 'Same'],
  );
});
