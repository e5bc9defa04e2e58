// IPC handlers of credentials, the egress policy and live checks.
import type { CoreDeps } from '../core';
import type { HandlerMap } from '../dispatcher';

type CheckChannels = never;

export function checkHandlers(deps: CoreDeps): Pick<HandlerMap, CheckChannels> {
  void deps;
  return {};
}
