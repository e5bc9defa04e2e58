import { join } from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { appEntryUrl, devServerUrl } from './origin';

/** Checklist: context isolation, sandbox, no Node integration, web security on. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Attest',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#101418' : '#f6f7f9',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK reviewed: exposes only invoke methods derived from the IPC contract
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? appEntryUrl);
  return window;
}

export const preloadFile = (mainDir: string) => join(mainDir, '../preload/index.js');
export const rendererDir = (mainDir: string) => join(mainDir, '../renderer');
