// The Electron application lifecycle: everything here is wiring of the core into
// Electron; behaviour lives in main/core and is tested there.
import { quitAfterClose } from './quit';
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { createCore } from '../core/core';
import { electronFileDialog } from './dialogs';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, preloadFile, rendererDir } from './window';

/** `--workspace <file>`: offer this file first on the home screen (npm start uses the demo). */
function workspaceArgument(argv: string[]): string | undefined {
  const i = argv.indexOf('--workspace');
  return i >= 0 ? argv[i + 1] : undefined;
}

export function startApp(mainDir: string): void {
  registerAppScheme();
  // Checklist: single-instance lock; a second launch focuses the first window.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveRenderer(rendererDir(mainDir));
    const core = createCore({
      runtime: 'electron',
      dataDir: app.getPath('userData'),
      initialWorkspace: workspaceArgument(process.argv),
      // catalog/ ships beside out/ in the app folder (electron-builder.yml "files").
      catalogueDir: join(app.getAppPath(), 'catalog'),
      // Files reach channels only as handles for what the user chose in these dialogs.
      dialog: electronFileDialog(),
      observer: { onError: (channel, error) => console.error(`[ipc] ${channel} failed:`, error instanceof Error ? error.name : 'error') },
    });
    registerIpc(core.dispatch);
    quitAfterClose(app, () => core.close());
    createMainWindow(preloadFile(mainDir));
  });
}
