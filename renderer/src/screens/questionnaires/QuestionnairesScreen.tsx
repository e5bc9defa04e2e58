import { WorkspaceScreen } from '../WorkspaceScreen';

export function QuestionnairesScreen() {
  return <WorkspaceScreen id="questionnaires" />;
}
