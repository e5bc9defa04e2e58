import { WorkspaceScreen } from '../WorkspaceScreen';

// Placeholder until this screen is built.
export function FindingsScreen() {
  return <WorkspaceScreen id="findings" />;
}
