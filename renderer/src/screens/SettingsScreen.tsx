import { ScreenHeader } from '../components/ScreenHeader';
import { useAppStore } from '../store';

export function SettingsScreen() {
  const info = useAppStore((s) => s.appInfo);
  const error = useAppStore((s) => s.appInfoError);
  return (
    <>
      <ScreenHeader title="Settings" subtitle="Preferences of this Attest installation." />
      <div className="card-grid">
        <section className="card" aria-labelledby="settings-appearance">
          <h2 id="settings-appearance">Appearance</h2>
          <p>Attest follows your operating system&apos;s light or dark theme.</p>
        </section>
        <section className="card" aria-labelledby="settings-about">
          <h2 id="settings-about">About</h2>
          {error ? (
            <p role="alert" className="error-text">Could not read the version: {error}</p>
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
