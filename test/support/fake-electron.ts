// A recording stand-in for the `electron` module. The Electron binary cannot be
// installed on this project's machines, so the shell's checklist logic (navigation,
// windows, permissions, protocol, IPC sender checks, webPreferences) is exercised
// against this double; the real binary is covered by test/e2e/electron-app.test.ts
// wherever it exists.
import Module, { createRequire } from 'node:module';
import { sep } from 'node:path';

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

const freshState = () => ({
  opened: [] as string[],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  appListeners: new Map<string, Listener>(),
  sandboxEnabled: false,
  sessionHardened: false,
  exitCode: undefined as number | undefined,
  /** What the app would report: set by a test before it loads a main bundle. */
  isPackaged: false,
  appPath: '',
  userData: '',
  /** Paths the next dialogs answer, in order (none left: the user cancels). */
  dialogAnswers: [] as string[],
  /** What each dialog was asked to show: kind and options. */
  dialogs: [] as { kind: 'open' | 'save'; options: Record<string, unknown> }[],
});

export const fake = freshState();

/** Forgets everything recorded, so a test can start a main bundle again. */
export function resetFake(settings: Partial<Pick<typeof fake, 'isPackaged' | 'appPath' | 'userData'>> = {}): void {
  Object.assign(fake, freshState(), settings);
}

let readyResolve: () => void = () => {};
let ready = new Promise<void>((resolve) => (readyResolve = resolve));
/** Fires app 'ready' (the shell creates the core and the window then). */
export async function emitReady(): Promise<void> {
  readyResolve();
  await ready;
  await new Promise((resolve) => setImmediate(resolve));
  ready = new Promise<void>((resolve) => (readyResolve = resolve));
}

/** The dialog's options are its last argument (the parent window, when given, comes first). */
const lastOf = (args: unknown[]) => args[args.length - 1] as Record<string, unknown>;

export const fakeElectron = {
  dialog: {
    showOpenDialog: async (...args: unknown[]) => {
      fake.dialogs.push({ kind: 'open', options: lastOf(args) });
      const path = fake.dialogAnswers.shift();
      return { canceled: path === undefined, filePaths: path === undefined ? [] : [path] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      fake.dialogs.push({ kind: 'save', options: lastOf(args) });
      const path = fake.dialogAnswers.shift();
      return { canceled: path === undefined, filePath: path ?? '' };
    },
  },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.schemes.push(...schemes),
    handle: (scheme: string, handler: (req: { url: string; method: string }) => Promise<Response>) =>
      void fake.protocolHandlers.set(scheme, handler),
  },
  ipcMain: { handle: (channel: string, handler: Listener) => void fake.ipcHandlers.set(channel, handler) },
  nativeTheme: { shouldUseDarkColors: false },
  app: {
    get isPackaged() {
      return fake.isPackaged;
    },
    requestSingleInstanceLock: () => true,
    enableSandbox: () => void (fake.sandboxEnabled = true),
    on: (event: string, listener: Listener) => void fake.appListeners.set(event, listener),
    whenReady: () => ready,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`fake electron: no path "${name}"`);
      return fake.userData;
    },
    getAppPath: () => fake.appPath,
    quit: () => {},
    exit: (code: number) => void (fake.exitCode = code),
    dock: undefined,
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => void (fake.sessionHardened = true),
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
      webRequest: { onBeforeRequest: () => {} },
    },
  },
  BrowserWindow: class {
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
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

const fakeId = `${sep}fake-electron${sep}electron.js`;
type Resolver = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolver };

/**
 * Installs the double so that `require('electron')` resolves to it: from main/shell, and
 * from a packaged main bundle, which has no node_modules/electron beside it.
 */
export function installFakeElectron(): void {
  const require = createRequire(__filename);
  require.cache[fakeId] = { id: fakeId, filename: fakeId, loaded: true, exports: fakeElectron } as NodeJS.Module;
  const resolve = moduleInternals._resolveFilename;
  if ((resolve as { fake?: boolean }).fake) return;
  const patched: Resolver = (request, ...rest) => (request === 'electron' ? fakeId : resolve(request, ...rest));
  (patched as { fake?: boolean }).fake = true;
  moduleInternals._resolveFilename = patched;
}

/** Native modules loaded through the emulated asar redirect, by the path actually loaded. */
export const nativeLoads: string[] = [];

/**
 * Electron loads a native module that a packaged app requires from inside app.asar from
 * the same path in app.asar.unpacked (a .node file cannot be loaded from an archive);
 * it does so in process.dlopen. Plain Node has no asar support, so a test that runs an
 * extracted package mimics that one rule here and records what was loaded.
 */
export function emulateAsarNativeRedirect(): void {
  const dlopen = process.dlopen as (module: object, file: string, flags?: number) => void;
  if ((dlopen as { fake?: boolean }).fake) return;
  const marker = `${sep}app.asar${sep}`;
  const patched = (module: object, file: string, flags?: number) => {
    const real = file.includes(marker) ? file.replace(marker, `${sep}app.asar.unpacked${sep}`) : file;
    nativeLoads.push(real);
    return flags === undefined ? dlopen(module, real) : dlopen(module, real, flags);
  };
  (patched as { fake?: boolean }).fake = true;
  process.dlopen = patched as typeof process.dlopen;
}
