// `attest demo` issues one signed engagement report of the Northwind Q4 review, recorded
// in issued_reports and the audit log; its identity's passphrase is in the core's keychain.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDemoWorkspace } from '../../../main/core/demo/demo';
import { DEMO_REPORT_TIME } from '../../../main/core/demo/report-demo';
import { signingAccount } from '../../../main/core/signing/store';
import { tempDir, testCore } from '../../support/core';
import { call } from '../../support/dispatch';
import { osKeychain } from '../../../main/core/keychain/keychain';
import { randomUUID } from 'node:crypto';

test('the demo has a signed engagement report of the Q4 review that verifies as valid', async () => {
  const keychain = osKeychain(`Attest.test.${randomUUID()}`);
  const core = testCore({ keychain });
  try {
    await createDemoWorkspace(core, join(tempDir(), 'demo.attest'));
    const [report, ...others] = (await call(core, 'report.list', {})).reports;
    assert.equal(others.length, 0);
    assert.equal(report?.kind, 'engagement');
    assert.match(report!.title, /Q4 2026/);
    assert.equal(report!.issuedAt, DEMO_REPORT_TIME);
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
