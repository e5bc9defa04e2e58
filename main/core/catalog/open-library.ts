// The catalogue library every domain reads through: the open workspace, with the
// built-in catalogues installed before first use.
import type { Session } from '../session/session';
import type { Workspace } from '../workspace';
import { oncePerWorkspace } from '../once-per-workspace';
import { ensureBuiltins } from './library';
import { loadBuiltinCatalogues, type LoadedCatalogue } from './loader';

export interface CatalogLibrary {
  /** The open workspace with the built-in catalogues installed. */
  workspace(): Promise<Workspace>;
}

/** Built-ins are read once per process and installed once per opened workspace. */
export function catalogLibrary(session: Session, catalogueDir?: string): CatalogLibrary {
  let builtins: LoadedCatalogue[] | null = null;
  return {
    workspace: oncePerWorkspace(
      () => session.workspace(),
      async (ws) => {
        builtins ??= loadBuiltinCatalogues(catalogueDir);
        await ensureBuiltins(ws, builtins, 'attest (built-in catalogues)');
      },
    ),
  };
}
