import { WorkspaceScreen } from '../WorkspaceScreen';

export function VendorsScreen() {
  return <WorkspaceScreen id="vendors" />;
}
