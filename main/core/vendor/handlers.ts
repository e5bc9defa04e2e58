// IPC handlers of the vendor registry.
import type { CoreDeps } from '../core';
import type { HandlerMap } from '../dispatcher';

type VendorChannels = never;

export function vendorHandlers(deps: CoreDeps): Pick<HandlerMap, VendorChannels> {
  void deps;
  return {};
}
