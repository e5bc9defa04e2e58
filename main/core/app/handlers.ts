import type { HandlerMap } from '../dispatcher';
import { appName, appVersion } from './version';

export type AppHandlers = Pick<HandlerMap, 'app.info'>;

export function appHandlers(runtime: 'electron' | 'node'): AppHandlers {
  return {
    'app.info': () => ({ name: appName, version: appVersion, runtime, platform: process.platform }),
  };
}
