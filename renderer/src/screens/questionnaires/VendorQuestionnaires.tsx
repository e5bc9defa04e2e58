// A vendor's questionnaires, embedded in the vendor page: start one from a template,
// send it out (XLSX or JSON), bring the filled file back, score, conclude, follow up
// (the findings raised are listed in the page's Findings tab), and year over year once
// there are two cycles.
import { useState } from 'react';
import { useQuery } from '../../api/query';
import { DataTable } from '../../components/DataTable';
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
    return j?.kind === 'questionnaire' && j.vendorId === vendorId
      ? (useAppStore.getState().takeJump('questionnaire')?.questionnaireId ?? null)
      : null;
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
              Choose New questionnaire, pick a template and the review cycle, then export it as XLSX or JSON for the vendor. When the filled
              file comes back, import it here to see the score, the gaps and to record your conclusion.
            </p>
          </div>
        ) : null}
        {list && list.length > 0 ? (
          <DataTable
            label={`Questionnaires of ${vendorName}, newest cycle first`}
            className="q-table"
            testId="questionnaire-table"
            rows={list}
            rowKey={(q) => q.id}
            rowProps={(q) => ({ className: q.id === selected ? 'selected' : undefined })}
            columns={[
              {
                key: 'cycle',
                header: 'Cycle',
                sort: (q) => q.cycle,
                render: (q) => (
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={q.id === selected}
                    aria-label={`Open ${q.cycle} ${q.templateTitle}`}
                    onClick={() => setSelected(q.id)}
                  >
                    {q.cycle}
                  </button>
                ),
              },
              { key: 'template', header: 'Template', className: 'wrap', sort: (q) => q.templateTitle, render: (q) => q.templateTitle },
              {
                key: 'state',
                header: 'State',
                sort: (q) => STATE_LABELS[q.state],
                render: (q) => <span className={`badge q-state-${q.state}`}>{STATE_LABELS[q.state]}</span>,
              },
              {
                key: 'answered',
                header: 'Answered',
                align: 'end',
                sort: (q) => q.answered,
                render: (q) => `${q.answered} / ${q.questions}`,
              },
              { key: 'score', header: 'Score', align: 'end', sort: (q) => q.score, render: (q) => score(q.score) },
              {
                key: 'conclusion',
                header: 'Conclusion',
                sort: (q) => (q.conclusion ? CONCLUSION_LABELS[q.conclusion] : null),
                render: (q) => (q.conclusion ? CONCLUSION_LABELS[q.conclusion] : '—'),
              },
            ]}
          />
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
    </>
  );
}
