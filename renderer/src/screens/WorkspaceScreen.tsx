import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';
import { useAppStore } from '../store';
import { screens, type ScreenId } from '../store/navigation';
import { screenDescriptions } from './descriptions';

/** A screen whose content lives in a workspace; without one it explains how to get there. */
export function WorkspaceScreen({ id }: { id: keyof typeof screenDescriptions }) {
  const navigate = useAppStore((s) => s.navigate);
  const label = screens.find((s) => s.id === (id as ScreenId))?.label ?? id;
  const { subtitle, empty } = screenDescriptions[id];
  return (
    <>
      <ScreenHeader title={label} subtitle={subtitle} />
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
    </>
  );
}
