// The command palette's matching and order (renderer/src/lib/palette-match.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankItems } from '../../../renderer/src/lib/palette-match';

const items = [
  { id: '1', label: 'Dashboard', detail: 'Screen' },
  { id: '2', label: 'S.A.1 Human access through roles', detail: 'Control · Q4 review' },
  { id: '3', label: 'F-003 Shared admin account', detail: 'Finding · Q4 review' },
  { id: '4', label: 'Acme Payroll', detail: 'Vendor' },
  { id: '5', label: 'Admin console exposed', detail: 'Finding · Q2 review' },
];

test('every word must match, in any order and case, label or detail', () => {
  assert.deepEqual(
    rankItems(items, 'q4 admin').map((i) => i.id),
    ['3'],
  );
  assert.deepEqual(
    rankItems(items, 'VENDOR').map((i) => i.id),
    ['4'],
  );
  assert.deepEqual(rankItems(items, 'nothing like this'), []);
});

test('a label starting with the text first, then a word of the label, then the rest', () => {
  assert.deepEqual(
    rankItems(items, 'admin').map((i) => i.id),
    ['5', '3'],
  );
  assert.deepEqual(
    rankItems(items, 'review').map((i) => i.id),
    ['2', '3', '5'],
    'detail-only matches keep their order',
  );
  assert.equal(rankItems(items, '').length, 5);
  assert.equal(rankItems(items, '', 2).length, 2);
});
