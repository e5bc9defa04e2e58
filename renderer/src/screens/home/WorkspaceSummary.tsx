import type { WorkspaceStatus } from '../../../../main/contract/workspace';
import { useAppStore } from '../../store';

const size = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

export function WorkspaceSummary({ status }: { status: Extract<WorkspaceStatus, { state: 'open' }> }) {
  const lockWorkspace = useAppStore((s) => s.lockWorkspace);
  const closeWorkspace = useAppStore((s) => s.closeWorkspace);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section className="card" aria-labelledby="ws-title">
      <h2 id="ws-title">{status.name ?? 'Workspace'}</h2>
      <dl className="facts">
        <dt>File</dt>
        <dd className="path">{status.path}</dd>
        <dt>Size</dt>
        <dd>{size(status.fileBytes)}</dd>
        <dt>Saved changes</dt>
        <dd>{status.lastSeq}</dd>
        <dt>Auto-lock</dt>
        <dd>after {status.autoLockMinutes} minutes without activity</dd>
        <dt>On this device</dt>
        <dd>{status.remembered ? 'Key remembered in the keychain' : 'Passphrase asked at every open'}</dd>
      </dl>
      {status.recoveredTornTailBytes > 0 ? (
        <p className="warning-text" role="status">
          Attest found an unfinished save from an earlier crash and ignores it:{' '}
          {status.recoveredTornTail ?? `${status.recoveredTornTailBytes} bytes`}. It was never confirmed as saved; every change that was
          confirmed is intact.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => navigate('audit')}>
          View audit log
        </button>
        <button type="button" className="button" onClick={() => void closeWorkspace()}>
          Close
        </button>
        <button type="button" className="button primary" onClick={() => void lockWorkspace()}>
          Lock now
        </button>
      </div>
    </section>
  );
}
