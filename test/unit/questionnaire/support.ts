// A workspace with one vendor (through vendor.create), for questionnaire tests.
import { join } from 'node:path';
import type { Core } from '../../../main/core/core';
import { tempDir, testCore } from '../../support/core';
import { call, chosen } from '../../support/dispatch';

export const PASS = 'questionnaire test passphrase';

export async function withVendor(run: (core: Core, vendorId: string, path: string) => Promise<void>) {
  const core = testCore();
  const path = join(tempDir(), 'vendors.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Vendor risk', passphrase: PASS });
    const v = await call(core, 'vendor.create', {
      name: 'Acme <b>Hosting</b>',
      owner: 'Dana',
      dataTypes: ['personal'],
      criticality: 'high',
    });
    await run(core, v.id, path);
  } finally {
    await core.close();
  }
}
