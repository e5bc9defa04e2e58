// Where the app's own pages live. Everything else is foreign content.
export const appScheme = 'attest';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** The Vite dev server during `npm run dev`; unset in every built app. */
export const devServerUrl = process.env.ELECTRON_RENDERER_URL;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
