// `attest demo`: a workspace with realistic sample data, so a new user has something
// to look at. Each capability adds its own seeder to `demoSeeders`, in the order they
// run (later seeders may rely on earlier ones).
import type { Core } from '../core';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { demoDates, type DemoDates } from './dates';
import { assessmentDemo } from './assessment-demo';
import { caiqDemo } from './caiq-demo';
import { checksDemo } from './checks-demo';
import { libraryDemo } from './library-demo';
import { questionnaireDemo } from './questionnaire-demo';
import { reportDemo } from './report-demo';
import { vendorDemo } from './vendor-demo';
import { vendorFollowUpDemo } from './vendor-followup-demo';
import { workspaceBasics } from './workspace-basics';

export const DEMO_PASSPHRASE = 'attest-demo';
export const DEMO_NAME = 'Demo: Northwind Health security review';

/** What a seeder gets: the open workspace for direct records, and the core for its channels. */
export interface DemoContext {
  ws: Workspace;
  actor: string;
  core: Core;
  /** The story's dates moved to the day the demo is made. */
  dates: DemoDates;
}

export interface DemoSeeder {
  name: string;
  seed(context: DemoContext): Promise<void>;
}

// The settings seeder runs last so its entries are on the first page of the audit log
// (newest first), which test/unit/cli/workspace-cli.test.ts reads; nothing depends on it.
export const demoSeeders: DemoSeeder[] = [
  assessmentDemo,
  libraryDemo,
  vendorDemo,
  questionnaireDemo,
  caiqDemo,
  vendorFollowUpDemo,
  checksDemo,
  reportDemo,
  workspaceBasics,
];

/** The context seeders run in, for the core's open workspace, dated by the core's clock. */
export function demoContext(core: Core, actor = 'demo (cli)'): DemoContext {
  const ws = core.session.workspace();
  return { ws, actor, core, dates: demoDates(ws.now()) };
}

export async function createDemoWorkspace(core: Core, path: string, passphrase = DEMO_PASSPHRASE): Promise<{ seeded: string[] }> {
  const handle = core.files.grant(path, 'save:workspace').handle;
  const created = await core.dispatch('workspace.create', { handle, name: DEMO_NAME, passphrase }, { origin: 'cli' });
  if (!created.ok) throw new AttestError(created.error.code, created.error.message);
  const context = demoContext(core);
  for (const seeder of demoSeeders) await seeder.seed(context);
  return { seeded: demoSeeders.map((s) => s.name) };
}
