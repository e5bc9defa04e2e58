// The contract's primitives are declared once (main/contract/primitives.ts) and every
// domain uses them: a date that is not on the calendar is refused on every channel that
// takes a day, a finding's due date included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channels } from '../../../main/contract/ipc';
import { day } from '../../../main/contract/primitives';

test('a day is a real calendar date', () => {
  for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31', '1999-01-01']) assert.equal(day.safeParse(ok).success, true, ok);
  for (const bad of [
    '2026-02-31',
    '2027-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '26-01-01',
    '2026-1-1',
    '2026-01-01T00:00:00Z',
    '',
  ])
    assert.equal(day.safeParse(bad).success, false, bad);
});

test('channels that take a day refuse one that does not exist', () => {
  const finding = { assessmentId: 'asm_1', title: 'Weak TLS', likelihood: 3, impact: 3 };
  assert.equal(channels['finding.create'].request.safeParse({ ...finding, dueDate: '2026-02-28' }).success, true);
  assert.equal(channels['finding.create'].request.safeParse({ ...finding, dueDate: '2026-02-31' }).success, false);
  assert.equal(channels['finding.create'].request.safeParse({ ...finding, acceptanceExpires: '2027-02-29' }).success, false);
  assert.equal(channels['vendor.list'].request.safeParse({ today: '2026-04-31' }).success, false);
});
