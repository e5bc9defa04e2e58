// `attest demo` issues one signed engagement report of the Northwind review in progress,
// recorded in issued_reports and the audit log; its identity's passphrase is in the core's
// keychain. The report is issued at the moment the demo is made, so it verifies on any day.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDemoWorkspace } from '../../../main/core/demo/demo';
import { signingAccount } from '../../../main/core/signing/store';
import { tempDir, testCore } from '../../support/core';
import { call } from '../../support/dispatch';
import { osKeychain } from '../../../main/core/keychain/keychain';
import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../../main/core/time/clock';

for (const [label, at] of [
  ['today', undefined],
  ['400 days ahead', new Date(Date.now() + 400 * 86_400_000)],
  ['on the last day of a year', new Date('2029-12-31T23:59:30Z')],
] as const)
  test(`the demo made ${label} has a signed engagement report of the review in progress that verifies as valid`, async () => {
    const keychain = osKeychain(`Attest.test.${randomUUID()}`);
    const core = testCore({ keychain, ...(at ? { clock: fixedClock(at) } : {}) });
    const before = at ? at.getTime() : Date.now();
    try {
      await createDemoWorkspace(core, join(tempDir(), 'demo.attest'));
      const [report, ...others] = (await call(core, 'report.list', {})).reports;
      assert.equal(others.length, 0);
      assert.equal(report?.kind, 'engagement');
      const current = (await call(core, 'assessment.list', {})).assessments.find((a) => a.state === 'review')!;
      assert.equal(report!.subjectId, current.id);
      assert.ok(
        Date.parse(report!.issuedAt) >= Math.floor(before / 1000) * 1000 - 1000,
        `issued ${report!.issuedAt}, the demo was made at ${new Date(before).toISOString()}`,
      );
      assert.ok(report!.signerFingerprint);
      const ws = core.session.workspace();
      assert.ok(await keychain.get(signingAccount(ws.info().workspaceId, report!.signerFingerprint!)), 'passphrase in the keychain');
      const audit = (await call(core, 'audit.list', { limit: 500 })).entries.filter((e) => e.action === 'report.issue');
      assert.equal(audit.length, 1);
      assert.match(audit[0]!.entity, new RegExp(report!.sha256));
      const file = await call(core, 'report.file', { id: report!.id });
      const v = await call(core, 'report.verify', { pdf: { name: 'demo.pdf', dataBase64: file.dataBase64 } });
      assert.equal(v.status, 'valid', v.problems.join(' '));
    } finally {
      await core.close();
    }
  });
