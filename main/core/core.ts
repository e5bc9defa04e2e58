// Assembles the core: every domain's handlers behind one dispatcher. The Electron
// shell, the CLI and the tests each create one of these and talk to nothing else.
import { appHandlers } from './app/handlers';
import { assessmentHandlers } from './assessment/handlers';
import { catalogHandlers, catalogLibrary, type CatalogLibrary } from './catalog/handlers';
import { libraryDir } from './catalog/starter-library';
import { checkHandlers } from './checks/handlers';
import { createDispatcher, type Dispatch, type DispatchObserver, type HandlerMap } from './dispatcher';
import { createJobRegistry, type JobRegistry } from './jobs';
import { osKeychain, type Keychain } from './keychain/keychain';
import { questionnaireHandlers } from './questionnaire/handlers';
import { reportHandlers } from './report/handlers';
import { sessionHandlers } from './session/handlers';
import { Session } from './session/session';
import { vendorHandlers } from './vendor/handlers';
import type { Clock, KdfParams } from './workspace';

export interface CoreOptions {
  runtime: 'electron' | 'node';
  /** Folder for per-device preferences (recent files, auto-lock time). */
  dataDir: string;
  keychain?: Keychain;
  observer?: DispatchObserver;
  /** KDF cost for new workspaces: tests and the demo may lower it; users get the default. */
  kdf?: KdfParams;
  allowWeakKdf?: boolean;
  /** A workspace file to offer first on the home screen (the app's --workspace argument). */
  initialWorkspace?: string;
  /** Folder of the built-in catalogues; a packaged app passes its resources path. */
  catalogueDir?: string;
  /** The core's one clock: every "now" in the core reads it (default: the system's). */
  clock?: Clock;
}

export interface Core {
  dispatch: Dispatch;
  session: Session;
  close(): Promise<void>;
}

/** What each domain's handlers may use: the session, the catalogue library, the keychain. */
export interface CoreDeps {
  session: Session;
  library: CatalogLibrary;
  keychain: Keychain;
  options: CoreOptions;
  /** Long-lived work (check runs, report issues), disposed when the core closes. */
  jobs: JobRegistry;
}

export function createCore(options: CoreOptions): Core {
  const keychain = options.keychain ?? osKeychain();
  const session = new Session({
    dataDir: options.dataDir,
    keychain,
    kdf: options.kdf,
    allowWeakKdf: options.allowWeakKdf,
    clock: options.clock,
  });
  const ready = options.initialWorkspace ? session.suggest(options.initialWorkspace) : Promise.resolve();
  const library = catalogLibrary(session, options.catalogueDir);
  const jobs = createJobRegistry();
  const deps: CoreDeps = { session, library, keychain, options, jobs };
  const handlers: HandlerMap = {
    ...appHandlers(options.runtime),
    ...sessionHandlers(session, ready),
    ...catalogHandlers(library, libraryDir(options.catalogueDir)),
    ...assessmentHandlers(library),
    ...vendorHandlers(deps),
    ...questionnaireHandlers(deps),
    ...checkHandlers(deps),
    ...reportHandlers(deps),
  };
  return {
    dispatch: createDispatcher(handlers, options.observer, () => session.lastSeq()),
    session,
    // Jobs first (runs cancelled, issues finished), then the workspace they write to.
    close: async () => {
      await jobs.dispose();
      await session.close();
    },
  };
}
