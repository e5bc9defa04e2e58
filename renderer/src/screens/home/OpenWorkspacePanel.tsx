import { useState, type FormEvent } from 'react';
import type { RecentWorkspace } from '../../../../main/contract/workspace';
import { call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useAppStore } from '../../store';
import { formatDateTime } from '../../lib/dates';
import { OlderStateDialog, rollbackOf, type Rollback } from './OlderStateDialog';

/** What to open: a recent entry by its id, or a file the user chose in the open dialog, by handle. */
type Target = { source: { recent: string } | { handle: string }; key: string; label: string; remembered: boolean };

export function OpenWorkspacePanel() {
  const recent = useAppStore((s) => s.recent);
  const [target, setTarget] = useState<Target | null>(null);
  const [error, setError] = useState<string | null>(null);

  const chooseFile = async () => {
    setError(null);
    try {
      const file = await call('dialog.open', { purpose: 'workspace' });
      if (!file.canceled) setTarget({ source: { handle: file.handle }, key: file.handle, label: file.name, remembered: false });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="card" aria-labelledby="open-title">
      <h2 id="open-title">Open a workspace</h2>
      {recent.length === 0 ? (
        <p className="card-intro">Workspaces you open or create appear here.</p>
      ) : (
        <ul className="recent-list" aria-label="Recent workspaces">
          {recent.map((r) => (
            <RecentItem
              key={r.id}
              entry={r}
              selected={target?.key === r.id}
              onSelect={() => setTarget({ source: { recent: r.id }, key: r.id, label: r.path, remembered: r.remembered })}
            />
          ))}
        </ul>
      )}
      {target ? (
        <OpenForm key={target.key} target={target} onCancel={() => setTarget(null)} />
      ) : (
        <div className="inline-form">
          <button type="button" className="button" onClick={() => void chooseFile()}>
            Open another file…
          </button>
          <ErrorText error={error} />
        </div>
      )}
    </section>
  );
}

function RecentItem({ entry, selected, onSelect }: { entry: RecentWorkspace; selected: boolean; onSelect: () => void }) {
  const forgetRecent = useAppStore((s) => s.forgetRecent);
  const label = entry.name ?? entry.path.split('/').pop() ?? entry.path;
  return (
    <li className="recent-item" data-selected={selected || undefined}>
      <button type="button" className="recent-open" onClick={onSelect} disabled={!entry.exists} aria-pressed={selected}>
        <span className="recent-name">{label}</span>
        <span className="recent-path">{entry.path}</span>
        <span className="recent-meta">
          {entry.exists ? `Opened ${formatDateTime(entry.lastOpenedAt)}` : 'File not found'}
          {entry.remembered ? ' · remembered on this device' : ''}
        </span>
      </button>
      <button
        type="button"
        className="button subtle"
        onClick={() => void forgetRecent(entry.id)}
        aria-label={`Remove ${label} from the recent list`}
      >
        Remove
      </button>
    </li>
  );
}

function OpenForm({ target, onCancel }: { target: Target; onCancel: () => void }) {
  const openWorkspace = useAppStore((s) => s.openWorkspace);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A file older than this device last saw: asked about, then opened again with acceptOlder.
  const [older, setOlder] = useState<{ rollback: Rollback; useRemembered: boolean } | null>(null);

  const attempt = async (useRemembered: boolean, acceptOlder: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await openWorkspace({ ...target.source, passphrase: useRemembered ? undefined : passphrase, remember, acceptOlder });
    } catch (e) {
      const rollback = rollbackOf(e);
      if (rollback && !acceptOlder) setOlder({ rollback, useRemembered });
      else {
        // Nothing was lost: the workspace that was open stays open, and the user is told so.
        const current = useAppStore.getState().status;
        setError(current.state === 'open' ? `${messageOf(e)} “${current.name ?? 'Your workspace'}” is still open.` : messageOf(e));
      }
      setBusy(false);
    }
  };
  const submit = (event: FormEvent, useRemembered = false) => {
    event.preventDefault();
    return attempt(useRemembered, false);
  };

  return (
    <form className="open-form" onSubmit={(e) => void submit(e)} aria-label={`Open ${target.label}`}>
      <p className="open-path">{target.label}</p>
      {target.remembered ? (
        <button type="button" className="button primary" onClick={(e) => void submit(e, true)} disabled={busy}>
          Open with the remembered key
        </button>
      ) : null}
      <Field
        label="Passphrase"
        type="password"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        autoFocus
        autoComplete="current-password"
      />
      <label className="check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember on this device
      </label>
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={!passphrase || busy} aria-busy={busy}>
          {busy ? 'Opening…' : 'Open'}
        </button>
      </div>
      <OlderStateDialog
        rollback={older?.rollback ?? null}
        onCancel={() => (setOlder(null), setError('Not opened: the file is older than this device last saw.'))}
        onAccept={() => {
          const useRemembered = older?.useRemembered ?? false;
          setOlder(null);
          void attempt(useRemembered, true);
        }}
      />
    </form>
  );
}
