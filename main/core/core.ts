// Assembles the core: every domain's handlers behind one dispatcher. The Electron
// shell, the CLI and the tests each create one of these and talk to nothing else.
import { appHandlers } from './app/handlers';
import { createDispatcher, type Dispatch, type DispatchObserver, type HandlerMap } from './dispatcher';

export interface CoreOptions {
  runtime: 'electron' | 'node';
  observer?: DispatchObserver;
}

export interface Core {
  dispatch: Dispatch;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const handlers: HandlerMap = {
    ...appHandlers(options.runtime),
  };
  return {
    dispatch: createDispatcher(handlers, options.observer),
    async close() {},
  };
}
