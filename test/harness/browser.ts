// The browser harness: the built renderer in Debian's Chromium, driven by Playwright,
// with window.attest bound to the real core dispatcher through page.exposeBinding.
// Only Electron's IPC transport is missing; the contract, validation and core are real.
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { channelNames } from '../../main/contract/ipc';
import type { Core } from '../../main/core/core';
import type { DialogRequest, FileDialog } from '../../main/core/files/dialogs';
import { testCore } from '../support/core';
import { serveRenderer, type StaticServer } from './serve';

export const chromiumPath = process.env.ATTEST_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(chromiumPath);
export const resultsDir = join(__dirname, '../../test-results');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Harness {
  core: Core;
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Every channel the page called, in order (tests measure round trips with it). */
  calls: string[];
  /**
   * Stands in for the system's open and save dialogs: the next dialog the page asks for
   * answers this path (as if the user had picked it); with none queued, the user cancels.
   */
  chooseFile(path: string): void;
  /** Every dialog the page asked for, in order. */
  dialogs: DialogRequest[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  colorScheme?: 'light' | 'dark';
  /** A core made by the test: give it `dialog: harnessDialog.dialog` from harnessDialog() to use chooseFile. */
  core?: Core;
  dialog?: HarnessDialog;
}

export interface HarnessDialog {
  dialog: FileDialog;
  answers: string[];
  asked: DialogRequest[];
}

/** The dialog stand-in: answers queued paths in order, cancels when none is queued. */
export function harnessDialog(): HarnessDialog {
  const answers: string[] = [];
  const asked: DialogRequest[] = [];
  return {
    answers,
    asked,
    dialog: async (request) => {
      asked.push(request);
      return answers.shift() ?? null;
    },
  };
}

let browser: Browser | undefined;
let server: StaticServer | undefined;

async function shared(): Promise<{ browser: Browser; server: StaticServer }> {
  browser ??= await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  server ??= await serveRenderer();
  return { browser, server };
}

/** Closes the shared browser and server; call once in an after() hook. */
export async function closeShared(): Promise<void> {
  await browser?.close();
  await server?.close();
  browser = undefined;
  server = undefined;
}

export async function openApp(options: HarnessOptions = {}): Promise<Harness> {
  const { browser, server } = await shared();
  const stand = options.dialog ?? harnessDialog();
  const core = options.core ?? testCore({ dialog: stand.dialog });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const calls: string[] = [];
  await context.exposeBinding('__attestInvoke', (_source, channel: string, payload: unknown) => {
    calls.push(channel);
    return core.dispatch(channel, payload, { origin: 'renderer' });
  });
  await context.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __attestInvoke: (c: string, p: unknown) => Promise<unknown> }).__attestInvoke;
    const api = Object.freeze(Object.fromEntries(names.map((name) => [name, (request: unknown) => invoke(name, request)])));
    Object.defineProperty(window, 'attest', { value: api, writable: false, configurable: false });
  }, channelNames as string[]);

  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(server.url);
  await page.waitForSelector('main#main');

  return {
    core,
    page,
    context,
    problems,
    calls,
    chooseFile: (path) => void stand.answers.push(path),
    dialogs: stand.asked,
    async screenshot(name) {
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      if (!options.core) await core.close();
    },
  };
}
