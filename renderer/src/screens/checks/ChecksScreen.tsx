import { WorkspaceScreen } from '../WorkspaceScreen';

export function ChecksScreen() {
  return <WorkspaceScreen id="checks" />;
}
