// A real workspace with the demo's Northwind assessments and one live-check run, for
// tests that build reports and exports from workspace data.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { osKeychain, type Keychain } from '../../../main/core/keychain/keychain';
import type { Core } from '../../../main/core/core';
import { assessmentDemo } from '../../../main/core/demo/assessment-demo';
import { demoContext } from '../../../main/core/demo/demo';
import { questionnaireDemo } from '../../../main/core/demo/questionnaire-demo';
import { vendorDemo } from '../../../main/core/demo/vendor-demo';
import { fixedClock } from '../../../main/core/time/clock';
import { tempDir, testCore } from '../../support/core';
import { call, chosen } from '../../support/dispatch';

export const PASS = 'report test passphrase';
/** The fixture's clock: the day the reports of these tests are made and signed. */
export const FIXTURE_NOW = '2026-12-01T09:00:00.000Z';

export interface Fixture {
  core: Core;
  path: string;
  dir: string;
  q4: string;
  q2: string;
  keychain: Keychain;
}

/** With `vendors`, the demo's vendors and questionnaires are seeded too (slower). */
export async function withWorkspace(run: (f: Fixture) => Promise<void>, opts: { vendors?: boolean } = {}): Promise<void> {
  const keychain = osKeychain(`Attest.test.${randomUUID()}`);
  const core = testCore({ keychain, clock: fixedClock(FIXTURE_NOW) });
  const dir = tempDir('attest-report-');
  const path = join(dir, 'report.attest');
  try {
    await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Report test', passphrase: PASS });
    const ws = core.session.workspace();
    const context = demoContext(core, 'test');
    await assessmentDemo.seed(context);
    if (opts.vendors) {
      await vendorDemo.seed(context);
      await questionnaireDemo.seed(context);
    }
    const list = (await call(core, 'assessment.list', {})).assessments;
    const q4 = list.find((a) => a.state === 'review')!.id;
    const q2 = list.find((a) => a.state === 'final')!.id;
    // A live-check run as the checks room records it (columns of schema v4).
    await ws.commit({
      actor: 'test',
      action: 'check.run',
      entity: `assessment:${q4}`,
      statements: [
        {
          sql: `INSERT INTO check_runs (id, assessment_id, target_id, check_id, target, inputs, status, summary, remediation, observations,
                suggested_status, controls, started_at, finished_at, run_by) VALUES (?, ?, NULL, ?, ?, '{}', ?, ?, '', '[]', 'met', '[]', ?, ?, 'test')`,
          params: [
            'run_1',
            q4,
            'tls.version',
            'portal.northwind.example:443',
            'pass',
            'TLS 1.3 negotiated; certificate valid until 2027-03-01.',
            '2026-11-02T10:00:00.000Z',
            '2026-11-02T10:00:02.000Z',
          ],
        },
      ],
    });
    await run({ core, path, dir, q4, q2, keychain });
  } finally {
    await core.close();
  }
}
