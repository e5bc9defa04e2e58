// Built-in data (catalogues, questionnaire templates) is installed into a workspace the
// first time a domain uses it after opening, not on every call: the returned function
// opens the workspace and runs `install` once per opened Workspace object. Installing is
// setup, not a change: it is held in memory until the first real change (Workspace.setup),
// so listing or showing never writes the file.
import type { Workspace } from './workspace';

export function oncePerWorkspace(
  open: () => Workspace | Promise<Workspace>,
  install: (ws: Workspace) => Promise<void>,
): () => Promise<Workspace> {
  const ready = new WeakSet<Workspace>();
  return async () => {
    const ws = await open();
    if (!ready.has(ws)) {
      await ws.setup(() => install(ws));
      ready.add(ws);
    }
    return ws;
  };
}
