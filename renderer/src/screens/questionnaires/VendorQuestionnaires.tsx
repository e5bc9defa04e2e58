// A vendor's questionnaires, embedded in the vendor page: start one from a template,
// send it out (XLSX or JSON), bring the filled file back, score, conclude, follow up;
// the vendor's findings, and year over year once there are two cycles.
import { useState } from 'react';
import { useQuery } from '../../api/query';
import { SeverityBadge, FindingStatusBadge } from '../../components/Badges';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import { CONCLUSION_LABELS, score, STATE_LABELS } from './labels';
import { NewQuestionnaireDialog } from './NewQuestionnaireDialog';
import { QuestionnaireDetail } from './QuestionnaireDetail';
import type { QuestionnaireSummary, VendorFindingView } from './types';
import { YearOverYear } from './YearOverYear';
import './questionnaires.css';

const NO_FINDINGS: VendorFindingView[] = [];

export function VendorQuestionnaires({ vendorId, vendorName }: { vendorId: string; vendorName: string }) {
  const questionnaires = useQuery('questionnaire.list', { vendorId });
  const vendorFindings = useQuery('questionnaire.vendorFindings', { vendorId });
  const list: QuestionnaireSummary[] | null = questionnaires.data?.questionnaires ?? null;
  const findings: VendorFindingView[] = vendorFindings.data?.findings ?? NO_FINDINGS;
  const failed = questionnaires.error ?? vendorFindings.error;
  const error = failed ? messageOf(failed) : null;
  // The one picked, while it exists; otherwise the newest.
  const [picked, setSelected] = useState<string | null>(() => {
    // A jump from the command palette to one of this vendor's questionnaires.
    const j = useAppStore.getState().jump;
    return j?.kind === 'questionnaire' && j.vendorId === vendorId ? (useAppStore.getState().takeJump('questionnaire')?.questionnaireId ?? null) : null;
  });
  const selected = picked && list?.some((x) => x.id === picked) ? picked : (list?.[0]?.id ?? null);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <section className="card vendor-questionnaires" aria-labelledby="vq-h">
        <div className="card-head">
          <h2 id="vq-h">Questionnaires</h2>
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            New questionnaire
          </button>
        </div>
        <ErrorText error={error} />
        {list && list.length === 0 ? (
          <div className="teach-inline">
            <p>No questionnaire has been sent to {vendorName} yet.</p>
            <p className="muted">
              Choose New questionnaire, pick a template and the review cycle, then export it as XLSX or JSON for the vendor. When the filled file comes back, import it here to see
              the score, the gaps and to record your conclusion.
            </p>
          </div>
        ) : null}
        {list && list.length > 0 ? (
          <table className="data-table q-table" data-testid="questionnaire-table">
            <caption className="visually-hidden">Questionnaires of {vendorName}, newest cycle first</caption>
            <thead>
              <tr>
                <th scope="col">Cycle</th>
                <th scope="col">Template</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Answered
                </th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Conclusion</th>
              </tr>
            </thead>
            <tbody>
              {list.map((q) => (
                <tr key={q.id} className={q.id === selected ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link-button" aria-pressed={q.id === selected} aria-label={`Open ${q.cycle} ${q.templateTitle}`} onClick={() => setSelected(q.id)}>
                      {q.cycle}
                    </button>
                  </td>
                  <td className="wrap">{q.templateTitle}</td>
                  <td>
                    <span className={`badge q-state-${q.state}`}>{STATE_LABELS[q.state]}</span>
                  </td>
                  <td className="num">
                    {q.answered} / {q.questions}
                  </td>
                  <td className="num">{score(q.score)}</td>
                  <td>{q.conclusion ? CONCLUSION_LABELS[q.conclusion] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {selected ? <QuestionnaireDetail key={selected} id={selected} findings={findings} /> : null}
        <NewQuestionnaireDialog
          vendorId={vendorId}
          vendorName={vendorName}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(q) => {
            setCreating(false);
            setSelected(q.id);
          }}
        />
      </section>
      {list && list.length >= 2 ? <YearOverYear key={list.map((q) => q.id).join()} list={list} /> : null}
      <section className="card" aria-labelledby="vf-h">
        <h2 id="vf-h">Findings of {vendorName}</h2>
        {findings.length === 0 ? (
          <p className="muted">No findings yet. Raise one from a gap in a scored questionnaire: it carries the answer, the expectation and the mapped controls.</p>
        ) : (
          <table className="data-table" data-testid="vendor-findings">
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">Title</th>
                <th scope="col">Severity</th>
                <th scope="col">Status</th>
                <th scope="col">Controls</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={f.id}>
                  <td>{f.ref}</td>
                  <td className="wrap">{f.title}</td>
                  <td>
                    <SeverityBadge severity={f.severity} />
                  </td>
                  <td>
                    <FindingStatusBadge status={f.status} />
                  </td>
                  <td>{f.controls.map((c) => c.controlId).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
