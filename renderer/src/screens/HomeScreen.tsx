import { ScreenHeader } from '../components/ScreenHeader';
import { useAppStore } from '../store';
import { CreateWorkspaceForm } from './home/CreateWorkspaceForm';
import { OpenWorkspacePanel } from './home/OpenWorkspacePanel';
import { WorkspaceSummary } from './home/WorkspaceSummary';

export function HomeScreen() {
  const status = useAppStore((s) => s.status);
  if (status.state === 'open') {
    return (
      <>
        <ScreenHeader title={status.name ?? 'Workspace'} subtitle="The workspace is open. Everything you change is saved as you go." />
        <div className="card-grid">
          <WorkspaceSummary status={status} />
          <OpenWorkspacePanel />
        </div>
      </>
    );
  }
  return (
    <>
      <ScreenHeader
        title="Welcome to Attest"
        subtitle="An offline workbench for security reviews and vendor risk. Nothing leaves this device unless you enable live checks."
      />
      <div className="card-grid">
        <OpenWorkspacePanel />
        <CreateWorkspaceForm />
      </div>
    </>
  );
}
