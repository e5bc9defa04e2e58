import { useAppStore } from '../store';
import { formatTime } from '../lib/dates';

/**
 * The workspace as the core reports it (open, locked or none), whether every change is
 * on disk, and the lock button. It never scrolls away: the content scrolls beneath it.
 * (`.topbar` marks the open state only: tests and styles read it as "a workspace is open".)
 */
export function TopBar() {
  const status = useAppStore((s) => s.status);
  const save = useAppStore((s) => s.save);
  const lockWorkspace = useAppStore((s) => s.lockWorkspace);
  if (status.state === 'none') {
    return (
      <div className="appbar" data-state="none">
        <span className="topbar-name muted">No workspace open</span>
      </div>
    );
  }
  if (status.state === 'locked') {
    return (
      <div className="appbar" data-state="locked">
        <span className="topbar-name" title={status.path}>
          {status.name ?? 'Workspace'}
        </span>
        <span className="save-state" role="status" data-state="locked">
          Locked
        </span>
      </div>
    );
  }
  const saveText =
    save.pending > 0
      ? 'Saving…'
      : save.error
        ? `Last change not saved: ${save.error}`
        : `All changes saved${save.lastSavedAt ? ` · ${formatTime(save.lastSavedAt)}` : ''}`;
  return (
    <div className="appbar topbar" data-state="open">
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
