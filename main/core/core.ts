// Assembles the core: every domain's handlers behind one dispatcher. The Electron
// shell, the CLI and the tests each create one of these and talk to nothing else.
import { auditActor } from './actor';
import { appHandlers } from './app/handlers';
import { assessmentHandlers } from './assessment/handlers';
import { catalogHandlers } from './catalog/handlers';
import { catalogLibrary } from './catalog/open-library';
import { checkHandlers } from './checks/handlers';
import { fileHandlers } from './files/handlers';
import { FileHandles } from './files/handles';
import { createDispatcher, type Dispatch, type HandlerMap } from './dispatcher';
import { createJobRegistry } from './jobs';
import { osKeychain } from './keychain/keychain';
import { questionnaireHandlers } from './questionnaire/handlers';
import { reportHandlers } from './report/handlers';
import { sessionHandlers } from './session/handlers';
import { Session } from './session/session';
import { vendorHandlers } from './vendor/handlers';
import type { CoreDeps, CoreOptions } from './deps';

export type { CoreDeps, CoreOptions };

export interface Core {
  dispatch: Dispatch;
  session: Session;
  /** The chosen-file handles: the CLI registers the paths it was given here. */
  files: FileHandles;
  close(): Promise<void>;
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
  const ready = Promise.all([options.initialWorkspace ? session.suggest(options.initialWorkspace) : undefined, session.loadProfile()]).then(
    () => undefined,
  );
  const library = catalogLibrary(session, options.catalogueDir);
  const jobs = createJobRegistry();
  const files = new FileHandles();
  const deps: CoreDeps = { session, ready, library, keychain, options, jobs, files };
  const handlers: HandlerMap = {
    ...appHandlers(deps),
    ...sessionHandlers(deps),
    ...fileHandlers(deps),
    ...catalogHandlers(deps),
    ...assessmentHandlers(deps),
    ...vendorHandlers(deps),
    ...questionnaireHandlers(deps),
    ...checkHandlers(deps),
    ...reportHandlers(deps),
  };
  return {
    dispatch: createDispatcher(
      handlers,
      options.observer,
      () => session.lastSeq(),
      // The display name set in Settings, once the preferences are read.
      async (context) => {
        await ready;
        return auditActor(context, session.displayName);
      },
    ),
    session,
    files,
    // Jobs first (runs cancelled, issues finished), then the workspace they write to.
    close: async () => {
      await jobs.dispose();
      await session.close();
    },
  };
}
