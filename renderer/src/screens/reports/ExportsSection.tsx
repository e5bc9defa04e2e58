// Standard exports of the selected assessment, and a backup of the whole workspace.
import { useState } from 'react';
import type { DownloadView } from '../../../../main/contract/report';
import { call } from '../../api/client';
import { messageOf } from '../../components/ErrorText';
import { readUpload, saveDownload } from '../../lib/files';
import { useAppStore } from '../../store';

type Kind =
  'export.oscalAssessmentPlan' | 'export.oscalAssessmentResults' | 'export.oscalPoam' | 'export.findingsCsv' | 'export.findingsXlsx';
const EXPORTS: [Kind, string][] = [
  ['export.oscalAssessmentPlan', 'OSCAL assessment plan'],
  ['export.oscalAssessmentResults', 'OSCAL assessment results'],
  ['export.oscalPoam', 'OSCAL POA&M'],
  ['export.findingsCsv', 'Findings CSV'],
  ['export.findingsXlsx', 'Findings XLSX'],
];

export function ExportsSection({ assessmentId, onDone }: { assessmentId: string | null; onDone(text: string): void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (label: string, get: () => Promise<DownloadView>) => {
    setBusy(label);
    setError(null);
    try {
      const d = await get();
      saveDownload(d);
      onDone(`${label}: ${d.name} saved.`);
    } catch (e) {
      setError(`${label}: ${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };
  // The backup goes where the user says in the system's save dialog (which asked before
  // replacing a file); the renderer holds only the dialog's handle, never a path.
  const backup = async () => {
    setBusy('Workspace backup');
    setError(null);
    try {
      const file = await call('dialog.save', { purpose: 'backup' });
      if (file.canceled) return;
      const b = await call('export.backup', { to: file.handle, overwrite: true });
      onDone(`Workspace backup: ${b.name} saved.`);
    } catch (e) {
      setError(`Workspace backup: ${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card report-card" aria-labelledby="exports-title">
      <h2 id="exports-title">Exports</h2>
      <p className="muted">Of the assessment chosen above. Spreadsheet cells that look like formulas are kept as text.</p>
      <div className="export-buttons">
        {EXPORTS.map(([channel, label]) => (
          <button
            key={channel}
            type="button"
            className="button"
            disabled={!assessmentId || busy !== null}
            onClick={() => void run(label, () => call(channel, { assessmentId: assessmentId! }))}
          >
            {busy === label ? 'Exporting…' : label}
          </button>
        ))}
        <button type="button" className="button" disabled={busy !== null} onClick={() => void backup()}>
          {busy === 'Workspace backup' ? 'Copying…' : 'Encrypted backup'}
        </button>
      </div>
      <div className="field">
        <label htmlFor="import-oscal-ar">Bring back an assessment from OSCAL assessment results exported by Attest</label>
        <input
          id="import-oscal-ar"
          type="file"
          accept=".json,application/json"
          data-testid="import-oscal-ar"
          disabled={busy !== null}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setBusy('import');
            setError(null);
            try {
              const upload = await readUpload(file);
              const a = await useAppStore.getState().mutate(() => call('import.oscalAssessmentResults', { file: upload }));
              onDone(`Imported assessment "${a.name}" (${a.assessed} of ${a.total} controls assessed).`);
            } catch (err) {
              setError(`Import: ${messageOf(err)}`);
            } finally {
              setBusy(null);
            }
          }}
        />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
