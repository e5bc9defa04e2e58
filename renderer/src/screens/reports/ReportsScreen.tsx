import { WorkspaceScreen } from '../WorkspaceScreen';

export function ReportsScreen() {
  return <WorkspaceScreen id="reports" />;
}
