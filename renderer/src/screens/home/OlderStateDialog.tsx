// Asked when a workspace file is older than the state this device last saw (the core
// refused it with WORKSPACE_ROLLED_BACK): it may be an older copy or a backup put in place
// of the current file. Opening it anyway is the user's explicit choice; nothing is written
// to the file until they change something.
import type { ErrorDetails } from '../../../../main/contract/errors';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';

export type Rollback = NonNullable<ErrorDetails['rollback']>;

/** The rollback a failed open reports, or null for any other failure. */
export const rollbackOf = (error: unknown): Rollback | null =>
  error instanceof ApiError && error.code === 'WORKSPACE_ROLLED_BACK' ? (error.details?.rollback ?? null) : null;

export function olderStateMessage(r: Rollback): string {
  const seen = new Date(r.seenAt).toLocaleString();
  return r.missingCommits === null
    ? `This file's history differs from the workspace this device last saw on ${seen} (at change ${r.seenSeq}): it was replaced by another version.`
    : `This file is older than the workspace this device last saw: ${r.missingCommits} ${r.missingCommits === 1 ? 'change is' : 'changes are'} missing. This device last saw change ${r.seenSeq} on ${seen}; the file ends at change ${r.fileSeq}.`;
}

export function OlderStateDialog({ rollback, onAccept, onCancel }: { rollback: Rollback | null; onAccept(): void; onCancel(): void }) {
  return (
    <Dialog title="Open an older state of this workspace?" open={rollback !== null} onClose={onCancel}>
      {rollback ? (
        <>
          <p data-testid="older-state-message">{olderStateMessage(rollback)}</p>
          <p>
            It may be an older copy or a backup put in place of the current file, or a file cut short. Look for the newer file first. If you
            open this one, Attest shows it as it is and writes nothing to it until you make a change.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="button primary danger" onClick={onAccept}>
              Open the older state
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
