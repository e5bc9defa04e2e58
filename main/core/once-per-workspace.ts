// Built-in data (catalogues, questionnaire templates) is installed into a workspace the
// first time a domain uses it after opening, not on every call: the returned function
// opens the workspace and runs `install` once per opened Workspace object.
import type { Workspace } from './workspace';

export function oncePerWorkspace(open: () => Workspace | Promise<Workspace>, install: (ws: Workspace) => Promise<void>): () => Promise<Workspace> {
  const ready = new WeakSet<Workspace>();
  return async () => {
    const ws = await open();
    if (!ready.has(ws)) {
      await install(ws);
      ready.add(ws);
    }
    return ws;
  };
}
