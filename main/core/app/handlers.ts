import type { CoreDeps } from '../deps';
import type { HandlerMap } from '../dispatcher';
import { appName, appVersion } from './version';

export type AppHandlers = Pick<HandlerMap, 'app.info'>;

export function appHandlers({ options }: CoreDeps): AppHandlers {
  return {
    'app.info': () => ({ name: appName, version: appVersion, runtime: options.runtime, platform: process.platform }),
  };
}
