import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';
import { useAppStore } from '../store';
import { screens, type ScreenId } from '../store/navigation';
import { screenDescriptions } from './descriptions';

/**
 * A screen whose content lives in a workspace. Without one it explains how to get
 * there; with one, it says plainly that this build does not offer the screen yet.
 */
export function WorkspaceScreen({ id }: { id: keyof typeof screenDescriptions }) {
  const navigate = useAppStore((s) => s.navigate);
  const open = useAppStore((s) => s.status.state === 'open');
  const label = screens.find((s) => s.id === (id as ScreenId))?.label ?? id;
  const { subtitle, empty } = screenDescriptions[id];
  return (
    <>
      <ScreenHeader title={label} subtitle={subtitle} />
      {open ? (
        <EmptyState title={`The ${label} screen is not available in this version yet`}>
          <p>This version of Attest stores and protects the workspace; this screen comes with a later version.</p>
        </EmptyState>
      ) : (
        <EmptyState
          title="No workspace is open"
          action={
            <button type="button" className="button primary" onClick={() => navigate('home')}>
              Go to Home
            </button>
          }
        >
          <p>{empty}</p>
        </EmptyState>
      )}
    </>
  );
}
