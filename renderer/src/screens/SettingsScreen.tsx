import { useState, type FormEvent } from 'react';
import type { WorkspaceStatus } from '../../../main/contract/workspace';
import { call } from '../api/client';
import { useJob } from '../api/job';
import { useQuery } from '../api/query';
import { answer, useWrite } from '../api/write';
import { ErrorText, messageOf } from '../components/ErrorText';
import { Field } from '../components/Field';
import { ScreenHeader } from '../components/ScreenHeader';
import { NewPassphraseFields, newPassphraseReady } from '../components/NewPassphraseFields';
import { useAppStore } from '../store';
import { formatBytes } from './assessments/format';

export function SettingsScreen() {
  const info = useAppStore((s) => s.appInfo);
  const error = useAppStore((s) => s.appInfoError);
  const status = useAppStore((s) => s.status);
  return (
    <>
      <ScreenHeader title="Settings" subtitle="Preferences of this Attest installation and of the open workspace." />
      <div className="card-grid">
        <Profile />
        {status.state === 'open' ? <WorkspaceSecurity status={status} /> : null}
        {status.state === 'open' ? <ChangePassphrase /> : null}
        <section className="card" aria-labelledby="settings-appearance">
          <h2 id="settings-appearance">Appearance</h2>
          <p>Attest follows your operating system&apos;s light or dark theme.</p>
        </section>
        <section className="card" aria-labelledby="settings-about">
          <h2 id="settings-about">About</h2>
          {error ? (
            <p role="alert" className="error-text">
              Could not read the version: {error}
            </p>
          ) : (
            <dl className="facts">
              <dt>Version</dt>
              <dd data-testid="app-version">{info?.version ?? '…'}</dd>
              <dt>Runtime</dt>
              <dd>{info ? (info.runtime === 'electron' ? 'Desktop app' : 'Node core') : '…'}</dd>
              <dt>Platform</dt>
              <dd>{info?.platform ?? '…'}</dd>
            </dl>
          )}
        </section>
      </div>
    </>
  );
}

/** Who this device records in the audit log: a display name instead of the OS account. */
function Profile() {
  const profile = useQuery('app.profile', {});
  const [draft, setDraft] = useState<string | null>(null);
  const { write, error, busy } = useWrite();
  const saved = profile.data?.displayName ?? '';
  const value = draft ?? saved;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = await write(() => call('app.setDisplayName', { displayName: value.trim() || null }), {
      done: (p) =>
        p.displayName ? `Changes are now recorded as ${p.displayName}.` : 'Changes are now recorded under your system account.',
      answers: (p) => [answer('app.profile', {}, p)],
    });
    if (done) setDraft(null);
  };
  return (
    <form className="card form" aria-labelledby="settings-profile" onSubmit={(e) => void save(e)}>
      <h2 id="settings-profile">Your name</h2>
      <p className="card-intro">
        The audit log and the history of every control record who made each change. On this device that is{' '}
        <strong data-testid="actor-name">{saved || profile.data?.systemUser || '…'}</strong>.
      </p>
      <Field
        label="Display name"
        value={value}
        maxLength={80}
        onChange={(e) => setDraft(e.target.value)}
        placeholder={profile.data ? `${profile.data.systemUser} (your system account)` : ''}
        autoComplete="name"
        hint="Shown in the audit log, the control history and findings you record. Leave empty to use your system account."
      />
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || value.trim() === saved}>
          Save name
        </button>
      </div>
    </form>
  );
}

const lockChoices = [5, 10, 15, 30, 60, 120, 240];

function WorkspaceSecurity({ status }: { status: Extract<WorkspaceStatus, { state: 'open' }> }) {
  const [error, setError] = useState<string | null>(null);
  const apply = async (run: () => Promise<WorkspaceStatus>) => {
    setError(null);
    try {
      useAppStore.setState({ status: await run() });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section className="card form" aria-labelledby="settings-security">
      <h2 id="settings-security">Workspace security</h2>
      <div className="field">
        <label htmlFor="auto-lock">Lock automatically after</label>
        <select
          id="auto-lock"
          value={status.autoLockMinutes}
          onChange={(e) => void apply(() => call('workspace.setAutoLock', { minutes: Number(e.target.value) }))}
        >
          {[...new Set([...lockChoices, status.autoLockMinutes])]
            .sort((a, b) => a - b)
            .map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`} without activity
              </option>
            ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={status.remembered}
          onChange={(e) => void apply(() => call('workspace.remember', { remember: e.target.checked }))}
        />
        Remember this workspace on this device (its key is kept in the OS keychain)
      </label>
      <ErrorText error={error} />
    </section>
  );
}

function ChangePassphrase() {
  const mutate = useAppStore((s) => s.mutate);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const ready = current && newPassphraseReady(next, confirm) && !busy;
  // The change re-encrypts the whole workspace: follow it while the call runs.
  const progress = useJob('workspace.passphraseProgress', busy ? {} : null, 250, () => false).view;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await mutate(() => call('workspace.changePassphrase', { current, next }));
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="settings-passphrase">
      <h2 id="settings-passphrase">Change passphrase</h2>
      <Field
        label="Current passphrase"
        type="password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        autoComplete="current-password"
      />
      <NewPassphraseFields label="New passphrase" passphrase={next} confirm={confirm} onPassphrase={setNext} onConfirm={setConfirm} />
      <ErrorText error={error} />
      {busy && progress?.running && progress.totalBytes > 0 ? (
        <p role="status">
          Re-encrypting under a new key: {Math.floor((100 * progress.doneBytes) / progress.totalBytes)}% ({formatBytes(progress.doneBytes)}{' '}
          of {formatBytes(progress.totalBytes)})
        </p>
      ) : null}
      {done ? (
        <p role="status" className="ok-text">
          The passphrase was changed and the workspace re-encrypted under a new key; older backups under the old key were removed.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!ready} aria-busy={busy}>
          Change passphrase
        </button>
      </div>
    </form>
  );
}
