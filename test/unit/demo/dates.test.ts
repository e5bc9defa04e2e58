// The demo's story is told as of the day the demo is made: every date moves by the same
// number of days, and month, quarter and cycle names move with them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STORY_DAY, demoDates } from '../../../main/core/demo/dates';

const at = (day: string) => demoDates(new Date(`${day}T15:30:00Z`));

test('on the story day nothing moves', () => {
  const d = at(STORY_DAY);
  assert.equal(d.offsetDays, 0);
  const text = 'Due 2026-11-20, seen 2026-10-20T09:12:04.000Z, tested in March 2026, moved in August, Q4 2026 review';
  assert.equal(d.text(text), text);
  assert.deepEqual(d.shift({ cycle: '2026', n: 3 }), { cycle: '2026', n: 3 });
});

test('dates and timestamps move by whole days, keeping the time of day', () => {
  const d = at('2027-01-01'); // 31 days later
  assert.equal(d.offsetDays, 31);
  assert.equal(d.text('2026-11-20'), '2026-12-21');
  assert.equal(d.text('2026-12-31'), '2027-01-31');
  assert.equal(d.text('2026-10-20T09:12:04.000Z'), '2026-11-20T09:12:04.000Z');
  // Intervals are kept: 2028-02-28 → 2028-03-30 spans the leap day.
  assert.equal(d.text('2028-02-28'), '2028-03-30');
  assert.equal(d.today, '2027-01-01');
});

test('months, quarters and cycles move to the ones their middle lands in', () => {
  const d = at('2027-02-04'); // 65 days later
  assert.equal(d.text('tested in March 2026'), 'tested in May 2026');
  assert.equal(d.text('moved to OIDC in August.'), 'moved to OIDC in October.');
  assert.equal(d.text('Northwind Health – Q4 2026 platform review'), 'Northwind Health – Q1 2027 platform review');
  assert.equal(d.text('budgeted for Q2 2027'), 'budgeted for Q3 2027');
  assert.deepEqual(d.shift({ cycle: '2026', list: [{ dueDate: '2026-12-15' }] }), { cycle: '2026', list: [{ dueDate: '2027-02-18' }] });
  const ahead = at('2028-01-05'); // 400 days later
  assert.equal(ahead.text('Q4 2026'), 'Q4 2027');
  assert.deepEqual(ahead.shift({ cycle: '2025' }), { cycle: '2026' });
});

test('other text is left alone: version strings, policy names, ids, bytes', () => {
  const d = at('2027-06-30');
  for (const s of [
    'ELBSecurityPolicy-TLS13-1-2-2021-06',
    'SIG Lite (version 2026.1)',
    '0f9c2d1e-2026-4a1b-9c3d-1234567890ab',
    'TLS 1.2',
    'may be',
  ])
    assert.equal(d.text(s), s);
  const bytes = new Uint8Array([1, 2, 3]);
  assert.equal(d.shift({ bytes }).bytes, bytes);
});

test('moved to a date before the story day, dates go back', () => {
  const d = at('2026-11-01');
  assert.equal(d.offsetDays, -30);
  assert.equal(d.text('2026-11-30'), '2026-10-31');
});
