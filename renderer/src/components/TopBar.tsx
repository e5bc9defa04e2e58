import { useAppStore } from '../store';

/** The open workspace, whether every change is on disk, and the lock button. */
export function TopBar() {
  const status = useAppStore((s) => s.status);
  const save = useAppStore((s) => s.save);
  const lockWorkspace = useAppStore((s) => s.lockWorkspace);
  if (status.state !== 'open') return null;
  const saveText =
    save.pending > 0
      ? 'Saving…'
      : save.error
        ? `Last change not saved: ${save.error}`
        : `All changes saved${save.lastSavedAt ? ` · ${new Date(save.lastSavedAt).toLocaleTimeString()}` : ''}`;
  return (
    <div className="topbar">
      <span className="topbar-name" title={status.path}>
        {status.name ?? 'Workspace'}
      </span>
      <span className="save-state" role="status" data-state={save.pending > 0 ? 'saving' : save.error ? 'error' : 'saved'}>
        {saveText}
      </span>
      <button type="button" className="button subtle" onClick={() => void lockWorkspace()} title="Lock the workspace (Ctrl+L)">
        Lock
      </button>
    </div>
  );
}
