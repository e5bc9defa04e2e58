import { WorkspaceScreen } from '../WorkspaceScreen';

// Placeholder until this screen is built.
export function AssessmentsScreen() {
  return <WorkspaceScreen id="assessments" />;
}
