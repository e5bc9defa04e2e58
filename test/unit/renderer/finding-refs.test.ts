// Refs of findings listed across subjects: an assessment's short code or a vendor's name
// in front, plain when one subject is listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refLabeller } from '../../../renderer/src/lib/finding-refs';

const assessments = [
  { id: 'a1', name: 'Northwind – Q2 2026 review' },
  { id: 'a2', name: 'Northwind – Q4 2026 review' },
];
const f = (ref: string, assessmentId: string | null, vendorId: string | null = null, vendorName: string | null = null) => ({
  ref,
  assessmentId,
  vendorId,
  vendorName,
});

test('one subject listed: plain refs; several, or a list across subjects: each with its prefix', () => {
  const one = [f('V-001', null, 'v1', 'DeskDirect'), f('V-002', null, 'v1', 'DeskDirect')];
  assert.deepEqual(one.map(refLabeller(one, assessments, false)), ['V-001', 'V-002']);
  assert.deepEqual(one.map(refLabeller(one, assessments, true)), ['DeskDirect/V-001', 'DeskDirect/V-002']);

  const mixed = [f('F-001', 'a1'), f('F-001', 'a2'), f('V-001', null, 'v1', 'DeskDirect'), f('V-001', null, 'v2', 'Relay CRM')];
  const shown = mixed.map(refLabeller(mixed, assessments, false));
  assert.deepEqual(shown, ['Q2-26/F-001', 'Q4-26/F-001', 'DeskDirect/V-001', 'Relay CRM/V-001']);
  assert.equal(new Set(shown).size, shown.length, 'unambiguous');
});
