// What every domain's handlers receive: one shape, `(deps: CoreDeps) => handlers`.
// Its own module so the domains never import core.ts, which imports them.
import type { CatalogLibrary } from './catalog/open-library';
import type { FileDialog } from './files/dialogs';
import type { FileHandles } from './files/handles';
import type { JobRegistry } from './jobs';
import type { Keychain } from './keychain/keychain';
import type { Session } from './session/session';
import type { Clock, KdfParams } from './workspace';
import type { DispatchObserver } from './dispatcher';

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
  /**
   * PEM of a CA this device trusts for live checks on every host, credentials included
   * (tests pass their test CA). It belongs to the device, unlike a workspace's custom CA.
   */
  deviceCaPem?: string;
  /** The system's file dialog (the Electron shell's; the browser harness's stand-in). Without one, dialog.* refuse. */
  dialog?: FileDialog;
}

export interface CoreDeps {
  session: Session;
  /** Settles when the workspace named on the command line has been offered. */
  ready: Promise<void>;
  library: CatalogLibrary;
  keychain: Keychain;
  options: CoreOptions;
  /** Long-lived work (check runs, report issues), disposed when the core closes. */
  jobs: JobRegistry;
  /** Files the user chose in a dialog (or the CLI was given), by handle. */
  files: FileHandles;
}
