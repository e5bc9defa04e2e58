// `attest demo`: a workspace with realistic sample data, so a new user has something
// to look at. Each capability adds its own seeder to `demoSeeders`, in the order they
// run (later seeders may rely on earlier ones).
import type { Core } from '../core';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { assessmentDemo } from './assessment-demo';
import { checksDemo } from './checks-demo';
import { questionnaireDemo } from './questionnaire-demo';
import { reportDemo } from './report-demo';
import { vendorDemo } from './vendor-demo';
import { workspaceBasics } from './workspace-basics';

export const DEMO_PASSPHRASE = 'attest-demo';
export const DEMO_NAME = 'Demo: Northwind Health security review';

/** What a seeder gets: the open workspace for direct records, and the core for its channels. */
export interface DemoContext {
  ws: Workspace;
  actor: string;
  core: Core;
}

export interface DemoSeeder {
  name: string;
  seed(context: DemoContext): Promise<void>;
}

// The settings seeder runs last so its entries are on the first page of the audit log
// (newest first), which test/unit/cli/workspace-cli.test.ts reads; nothing depends on it.
export const demoSeeders: DemoSeeder[] = [assessmentDemo, vendorDemo, questionnaireDemo, checksDemo, reportDemo, workspaceBasics];

export async function createDemoWorkspace(core: Core, path: string, passphrase = DEMO_PASSPHRASE): Promise<{ seeded: string[] }> {
  const created = await core.dispatch('workspace.create', { path, name: DEMO_NAME, passphrase }, { origin: 'cli' });
  if (!created.ok) throw new AttestError(created.error.code, created.error.message);
  const ws = core.session.workspace();
  const actor = 'demo (cli)';
  for (const seeder of demoSeeders) await seeder.seed({ ws, actor, core });
  return { seeded: demoSeeders.map((s) => s.name) };
}
