// Where the app's own pages live. Everything else is foreign content.
import { app } from 'electron';
export const appScheme = 'attest';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * The Vite dev server during `npm run dev`. A dev-only switch: a packaged app ignores
 * it, so nothing in the environment can point the window at other content.
 */
export const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
