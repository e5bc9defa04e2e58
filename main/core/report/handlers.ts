// IPC handlers of reports, signing identities, verification and exports.
import type { CoreDeps } from '../core';
import type { HandlerMap } from '../dispatcher';

type ReportChannels = never;

export function reportHandlers(deps: CoreDeps): Pick<HandlerMap, ReportChannels> {
  void deps;
  return {};
}
