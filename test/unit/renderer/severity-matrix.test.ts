// The Findings form shows severity live from a copy of the core's table; the two must agree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { severityFor as coreSeverity } from '../../../main/core/assessment/severity';
import { RATINGS, severityFor as formSeverity } from '../../../renderer/src/screens/findings/severity';

test('the renderer severity matrix agrees with the core on all 25 cells', () => {
  let cells = 0;
  for (const likelihood of RATINGS) {
    for (const impact of RATINGS) {
      assert.equal(formSeverity(likelihood, impact), coreSeverity(likelihood, impact), `likelihood ${likelihood} × impact ${impact}`);
      cells++;
    }
  }
  assert.equal(cells, 25);
  assert.equal(formSeverity(4, 5), 'critical');
  assert.equal(formSeverity(1, 2), 'info');
});
