import { WorkspaceScreen } from '../WorkspaceScreen';

// Placeholder until this screen is built.
export function DashboardScreen() {
  return <WorkspaceScreen id="dashboard" />;
}
