import type { CoreDeps } from '../deps';
import type { HandlerMap } from '../dispatcher';
import { systemUser } from '../actor';
import { appName, appVersion } from './version';

export type AppHandlers = Pick<HandlerMap, 'app.info' | 'app.profile' | 'app.setDisplayName'>;

export function appHandlers({ options, session, ready }: CoreDeps): AppHandlers {
  return {
    'app.info': () => ({ name: appName, version: appVersion, runtime: options.runtime, platform: process.platform }),
    'app.profile': async () => {
      await ready;
      return { displayName: session.displayName, systemUser: systemUser() };
    },
    'app.setDisplayName': async (r) => ({ displayName: await session.setDisplayName(r.displayName), systemUser: systemUser() }),
  };
}
