// The findings of the chosen assessment as CSV or XLSX, from the Findings screen itself
// (the same exports as on Reports: formula-safe cells).
import { useState } from 'react';
import { call } from '../../api/client';
import { messageOf } from '../../components/ErrorText';
import { saveDownload } from '../../lib/files';
import { useAppStore } from '../../store';

const FORMATS = [
  ['export.findingsCsv', 'CSV'],
  ['export.findingsXlsx', 'XLSX'],
] as const;

export function FindingsExport({ assessmentId }: { assessmentId: string | null }) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (channel: (typeof FORMATS)[number][0], label: string) => {
    setBusy(label);
    const say = useAppStore.getState().say;
    try {
      const file = await call(channel, { assessmentId: assessmentId! });
      saveDownload(file);
      say({ text: `Findings exported: ${file.name} saved.`, tone: 'ok' });
    } catch (e) {
      say({ text: `Findings ${label} export: ${messageOf(e)}`, tone: 'error' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="findings-export" role="group" aria-label="Export findings">
      {FORMATS.map(([channel, label]) => (
        <button
          key={channel}
          type="button"
          className="button"
          disabled={!assessmentId || busy !== null}
          title={assessmentId ? undefined : 'Choose one assessment to export its findings'}
          onClick={() => void run(channel, label)}
        >
          {busy === label ? 'Exporting…' : `Export ${label}`}
        </button>
      ))}
    </div>
  );
}
