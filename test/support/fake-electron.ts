// A recording stand-in for the `electron` module. The Electron binary cannot be
// installed on this project's machines, so the shell's checklist logic (navigation,
// windows, permissions, protocol, IPC sender checks, webPreferences) is exercised
// against this double; the real binary is covered by test/e2e/electron-app.test.ts
// wherever it exists.
import { createRequire } from 'node:module';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  listeners = new Map<string, Listener>();
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits an event with a preventable first argument; returns whether it was prevented. */
  emitPreventable(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export const fake = {
  opened: [] as string[],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  windows: [] as { options: Record<string, unknown>; url?: string }[],
};

export const fakeElectron = {
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.schemes.push(...schemes),
    handle: (scheme: string, handler: (req: { url: string; method: string }) => Promise<Response>) =>
      void fake.protocolHandlers.set(scheme, handler),
  },
  ipcMain: { handle: (channel: string, handler: Listener) => void fake.ipcHandlers.set(channel, handler) },
  nativeTheme: { shouldUseDarkColors: false },
  BrowserWindow: class {
    private record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      fake.windows.push(this.record);
    }
    once() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  },
};

/** Installs the double so that `import 'electron'` in main/shell resolves to it. */
export function installFakeElectron(): void {
  const require = createRequire(__filename);
  const path = require.resolve('electron');
  require.cache[path] = { id: path, filename: path, loaded: true, exports: fakeElectron } as NodeJS.Module;
}
