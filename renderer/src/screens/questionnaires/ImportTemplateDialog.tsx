// Import a Google VSAQ questionnaire, an Attest template file or a questionnaire workbook
// (CSA CAIQ, the HECVAT family) into the workspace, and
// show what it held: items per type, questions, notes, conditions and warnings.
import { call } from '../../api/client';
import { useAppStore } from '../../store';
import { ImportDialog } from './ImportDialog';
import { ORIGIN_LABELS } from './labels';
import type { ResponseOf } from './types';

type Result = ResponseOf<'template.import'>;

export function ImportTemplateDialog({ open, onClose, onOpen }: { open: boolean; onClose(): void; onOpen(id: string): void }) {
  return (
    <ImportDialog<Result>
      title="Import a questionnaire template"
      accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      open={open}
      onClose={onClose}
      intro={
        <p>
          Choose a Google VSAQ questionnaire (its <code>.json</code> files may carry comments and multi-line strings), a template file
          exported from Attest, or a CSA CAIQ or HECVAT workbook (<code>.xlsx</code>, blank or completed). Every item is kept with its type,
          display conditions and warnings.
        </p>
      }
      run={(file) => useAppStore.getState().mutate(() => call('template.import', { file }))}
      result={(r, again) => (
        <div className="import-result" role="status" aria-label="Import result">
          <h3>
            Imported “{r.template.title}” ({ORIGIN_LABELS[r.template.origin]}, version {r.template.version})
          </h3>
          <p className="import-total">
            <strong data-testid="import-total">{r.counts.total}</strong> items: {r.counts.questions} questions and {r.counts.notes} notes in{' '}
            {r.template.sections} sections; {r.counts.conditions} with a display condition, {r.counts.warnings} warnings.
          </p>
          <table className="data-table counts-table">
            <caption className="visually-hidden">Items per type in the file</caption>
            <thead>
              <tr>
                <th scope="col">Item type in the file</th>
                <th scope="col" className="num">
                  Items
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(r.counts.byType)
                .sort((a, b) => b[1] - a[1])
                .map(([type, n]) => (
                  <tr key={type}>
                    <td>{type}</td>
                    <td className="num">{n}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="button" onClick={again}>
              Import another
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                onClose();
                onOpen(r.template.id);
              }}
            >
              Open the template
            </button>
          </div>
        </div>
      )}
    />
  );
}
