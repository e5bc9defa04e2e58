import { WorkspaceScreen } from '../WorkspaceScreen';

// Placeholder until this screen is built.
export function CataloguesScreen() {
  return <WorkspaceScreen id="catalogues" />;
}
