// Selecting many rows with Ctrl and Shift (renderer/src/lib/row-selection.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_SELECTION, selectRows, selectedRows } from '../../../renderer/src/lib/row-selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const keys = (s: { keys: ReadonlySet<string> }) => [...s.keys].sort();

test('ctrl toggles rows, shift takes the range from the anchor in either direction, a plain click clears', () => {
  let s = selectRows(NO_SELECTION, order, 1, 'toggle');
  s = selectRows(s, order, 3, 'toggle');
  assert.deepEqual(keys(s), ['b', 'd']);
  s = selectRows(s, order, 1, 'toggle');
  assert.deepEqual(keys(s), ['d']);
  assert.equal(s.anchor, 'b');
  s = selectRows(s, order, 4, 'range');
  assert.deepEqual(keys(s), ['b', 'c', 'd', 'e'], 'from the anchor b to e');
  s = selectRows(s, order, 0, 'range');
  assert.deepEqual(keys(s), ['a', 'b'], 'the anchor stays: a new range replaces the old one');
  assert.deepEqual(keys(selectRows(NO_SELECTION, order, 2, 'range')), ['c'], 'no anchor: the range is this row');
  assert.equal(selectRows(s, order, 2, 'clear').keys.size, 0);
});

test('the selected rows are those still shown, in the order shown', () => {
  const s = { keys: new Set(['e', 'a', 'z']), anchor: 'a' };
  assert.deepEqual(
    selectedRows(order, (k) => k, s),
    ['a', 'e'],
  );
});
