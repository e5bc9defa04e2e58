import { useState, type FormEvent } from 'react';
import type { WorkspaceStatus } from '../../../main/contract/workspace';
import { ErrorText, messageOf } from '../components/ErrorText';
import { Field } from '../components/Field';
import { useAppStore } from '../store';
import { OlderStateDialog, rollbackOf, type Rollback } from './home/OlderStateDialog';

/** Shown instead of every screen while the workspace is locked: its keys are not in memory. */
export function UnlockScreen({ status }: { status: Extract<WorkspaceStatus, { state: 'locked' }> }) {
  const unlockWorkspace = useAppStore((s) => s.unlockWorkspace);
  const closeWorkspace = useAppStore((s) => s.closeWorkspace);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The file was replaced by an older one while locked: asked about, then unlocked with acceptOlder.
  const [older, setOlder] = useState<Rollback | null>(null);
  const attempt = async (acceptOlder: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await unlockWorkspace(passphrase, acceptOlder);
    } catch (e) {
      const rollback = rollbackOf(e);
      if (rollback && !acceptOlder) setOlder(rollback);
      else setError(messageOf(e));
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return attempt(false);
  };
  return (
    <div className="unlock">
      <form className="card form unlock-card" onSubmit={(e) => void submit(e)} aria-labelledby="screen-title">
        <h1 id="screen-title" tabIndex={-1}>
          {status.name ?? 'Workspace'} is locked
        </h1>
        <p className="card-intro">
          {status.reason === 'idle' ? 'It locked itself after a period without activity.' : 'You locked it.'} Its keys were wiped from
          memory; enter the passphrase to continue where you left off.
        </p>
        <Field
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="current-password"
          autoFocus
        />
        <ErrorText error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void closeWorkspace()}>
            Close workspace
          </button>
          <button type="submit" className="button primary" disabled={!passphrase || busy} aria-busy={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
        <OlderStateDialog
          rollback={older}
          onCancel={() => (setOlder(null), setError('Not unlocked: the file is older than this device last saw.'))}
          onAccept={() => (setOlder(null), void attempt(true))}
        />
      </form>
    </div>
  );
}
