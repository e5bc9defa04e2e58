// Bring a vendor's filled questionnaire (XLSX or JSON, or their completed CAIQ or HECVAT)
// back: either every answer is taken and the dialog says how many changed, or nothing is
// written and the dialog lists each missing, invalid and unknown item so the vendor can fix
// the file. A partial import takes the valid answers and lists the rest as flagged.
import { useId, useState } from 'react';
import { call } from '../../api/client';
import { useAppStore } from '../../store';
import { ImportDialog } from './ImportDialog';
import { score } from './labels';
import type { ImportProblem, ResponseOf } from './types';

type Result = ResponseOf<'questionnaire.import'>;

function Problems({ title, items, testId }: { title: string; items: ImportProblem[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section className="problem-group" aria-label={title} data-testid={testId}>
      <h4>
        {title} ({items.length})
      </h4>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Question id</th>
            <th scope="col">Where</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p, i) => (
            <tr key={`${p.questionId}-${i}`}>
              <td>{p.questionId}</td>
              <td className="wrap">{p.where}</td>
              <td className="wrap">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ImportAnswersDialog({ questionnaireId, open, onClose }: { questionnaireId: string; open: boolean; onClose(): void }) {
  const [partial, setPartial] = useState(false);
  const partialId = useId();
  return (
    <ImportDialog<Result>
      title="Import answers"
      accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      open={open}
      onClose={onClose}
      intro={
        <>
          <p>
            Choose the workbook or JSON file the vendor filled in, or their completed CAIQ or HECVAT when the questionnaire uses that
            template. Answers are matched by question id; if any answer is missing, invalid or unknown, nothing is imported.
          </p>
          <label className="check" htmlFor={partialId}>
            <input
              id={partialId}
              type="checkbox"
              checked={partial}
              onChange={(e) => setPartial(e.target.checked)}
              data-testid="import-partial"
            />
            <span>Partial import: take the valid answers and flag the rest</span>
          </label>
        </>
      }
      run={(file) => useAppStore.getState().mutate(() => call('questionnaire.import', { id: questionnaireId, file, partial }))}
      result={(r, again) =>
        r.applied ? (
          <div className="import-result" role="status" aria-label="Import result" data-testid="import-applied">
            <h3>Answers imported</h3>
            <p>
              {r.answered} answers read; <strong>{r.changes.length}</strong> {r.changes.length === 1 ? 'answer changed' : 'answers changed'}{' '}
              since the last import
              {r.score ? `. The new score is ${score(r.score.overall)} / 100 with ${r.score.gaps.length} gaps.` : '.'}
            </p>
            <p className="muted">The change is recorded in the audit log with every answer that moved.</p>
            <Problems title="Flagged: invalid answers, not imported" items={r.invalid} testId="flagged-invalid" />
            <Problems title="Flagged: unknown questions" items={r.unknown} testId="flagged-unknown" />
            <Problems title="Flagged: missing required answers" items={r.missing} testId="flagged-missing" />
            <div className="form-actions">
              <button type="button" className="button primary" onClick={onClose}>
                See the score
              </button>
            </div>
          </div>
        ) : (
          <div className="import-refused" role="alert" aria-label="Import refused" data-testid="import-refused">
            <h3>Nothing was imported</h3>
            <p>
              The file has {r.missing.length} missing, {r.invalid.length} invalid and {r.unknown.length} unknown{' '}
              {r.missing.length + r.invalid.length + r.unknown.length === 1 ? 'item' : 'items'}. No answer was written; fix the file and
              import it again.
            </p>
            <Problems title="Invalid answers" items={r.invalid} testId="problems-invalid" />
            <Problems title="Unknown questions" items={r.unknown} testId="problems-unknown" />
            <Problems title="Missing required answers" items={r.missing} testId="problems-missing" />
            <div className="form-actions">
              <button type="button" className="button" onClick={onClose}>
                Close
              </button>
              <button type="button" className="button primary" onClick={again}>
                Choose another file
              </button>
            </div>
          </div>
        )
      }
    />
  );
}
