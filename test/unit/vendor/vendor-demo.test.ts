// The demo's vendor registry: all three tiers, an override with its reason, the expired
// and expiring certificates as of the day the demo is made, issued credentials and a document.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoDates } from '../../../main/core/demo/dates';
import { createDemoWorkspace } from '../../../main/core/demo/demo';
import { DEMO_VENDORS } from '../../../main/core/demo/vendor-demo';
import { tempDir, testCore } from '../../support/core';
import { call } from '../../support/dispatch';

test('the demo holds a realistic vendor programme over all three tiers', async () => {
  const core = testCore();
  try {
    await createDemoWorkspace(core, join(tempDir(), 'demo.attest'));
    // The demo is dated from the day it is made; the core's clock says which day that is.
    const today = demoDates(core.session.workspace().now()).today;
    const { vendors } = await call(core, 'vendor.list', { today });
    assert.equal(vendors.length, DEMO_VENDORS.length);
    assert.ok(vendors.length >= 10);
    assert.deepEqual([...new Set(vendors.map((v) => v.tier))].sort(), [1, 2, 3]);
    const overridden = vendors.filter((v) => v.tierOverridden);
    assert.equal(overridden.length, 1);
    const desk = await call(core, 'vendor.get', { id: overridden[0]!.id, today });
    assert.equal(desk.rubric.tier, 3);
    assert.equal(desk.tier, 2);
    assert.match(desk.tierOverrideReason ?? '', /off-boarding/);

    const s = await call(core, 'vendor.schedule', { today });
    assert.ok(s.certificates.some((c) => c.state === 'expired' && c.vendorName === 'PayFlow Payroll'));
    assert.ok(s.certificates.some((c) => c.state === 'expiring' && c.vendorName === 'Relay CRM' && c.daysLeft <= 60));

    const sky = await call(core, 'vendor.get', { id: vendors.find((v) => v.name === 'Skyline Cloud')!.id, today });
    assert.equal(sky.tier, 1);
    assert.deepEqual(
      sky.documents.map((d) => d.name),
      ['skyline-dpa-summary.txt'],
    );
    assert.ok(sky.credentials.length >= 1 && sky.exitPlan.length > 0 && sky.contractEnd);
    const all = await Promise.all(vendors.map((v) => call(core, 'vendor.get', { id: v.id, today })));
    assert.ok(all.filter((v) => v.credentials.length).length >= 4);
    assert.ok(all.some((v) => v.credentials.some((c) => c.revokedAt)));
  } finally {
    await core.close();
  }
});
