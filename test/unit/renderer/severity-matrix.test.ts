// The Findings form shows severity live; the core stores it. Both use the contract's
// likelihood × impact table: this test holds that table against the 25 cells written out
// by hand (the product rule: 20+ critical, 12+ high, 6+ medium, 3+ low, else info), and
// checks that the form and the core are the same function, so neither can drift.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { severityFor as coreSeverity } from '../../../main/core/assessment/severity';
import { RATINGS, severityFor as formSeverity } from '../../../renderer/src/screens/findings/severity';

const C = 'critical',
  H = 'high',
  M = 'medium',
  L = 'low',
  I = 'info';
// Rows: likelihood 1..5; columns: impact 1..5.
const EXPECTED = [
  [I, I, L, L, L],
  [I, L, M, M, M],
  [L, M, M, H, H],
  [L, M, H, H, C],
  [L, M, H, C, C],
];

test('the severity matrix is the documented table on all 25 cells, in the form and in the core', () => {
  assert.deepEqual([...RATINGS], [1, 2, 3, 4, 5]);
  for (const likelihood of RATINGS) {
    for (const impact of RATINGS) {
      const want = EXPECTED[likelihood - 1]![impact - 1];
      assert.equal(coreSeverity(likelihood, impact), want, `core: likelihood ${likelihood} × impact ${impact}`);
      assert.equal(formSeverity(likelihood, impact), want, `form: likelihood ${likelihood} × impact ${impact}`);
    }
  }
  assert.equal(formSeverity, coreSeverity, "the form uses the core's function, not a copy");
});
