// Start a questionnaire for this vendor: a template and the review cycle it belongs to,
// optionally from an earlier questionnaire of the vendor, whose answers come in pre-filled
// and flagged "carried forward, needs review".
import { useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, SelectField } from '../../components/Field';
import { ORIGIN_LABELS, STATE_LABELS } from './labels';
import type { QuestionnaireSummary, TemplateSummary } from './types';

type Props = { vendorId: string; vendorName: string; open: boolean; onClose(): void; onCreated(q: QuestionnaireSummary): void };

export function NewQuestionnaireDialog(props: Props) {
  return (
    <Dialog title="New questionnaire" open={props.open} onClose={props.onClose}>
      <NewQuestionnaireForm {...props} />
    </Dialog>
  );
}

function NewQuestionnaireForm({ vendorId, vendorName, onClose, onCreated }: Props) {
  const list = useQuery('template.list', {});
  const earlier = useQuery('questionnaire.list', { vendorId });
  const templates: TemplateSummary[] = list.data?.templates ?? [];
  const previous: QuestionnaireSummary[] = earlier.data?.questionnaires ?? [];
  const [carryFrom, setCarryFrom] = useState('');
  const [picked, setTemplateId] = useState('');
  const templateId = picked || (templates.find((t) => t.origin === 'builtin') ?? templates[0])?.id || '';
  const [cycle, setCycle] = useState(String(new Date().getFullYear()));
  const { write, error: writeError, clearError } = useWrite();
  const [pickError, setPickError] = useState<string | null>(null);
  const error = pickError ?? writeError ?? (list.error ? messageOf(list.error) : null);
  const submit = async () => {
    clearError();
    setPickError(templateId ? null : 'Choose a template.');
    if (!templateId) return;
    const created = await write(() => call('questionnaire.create', { vendorId, templateId, cycle, ...(carryFrom ? { carryFrom } : {}) }), {
      done: (q) =>
        q.carry
          ? `Cycle ${q.cycle} started from ${q.carry.fromCycle}: ${q.carry.carried} answers carried forward (they need review)${q.carry.notCarried.length ? `, ${q.carry.notCarried.length} not carried` : ''}.`
          : `Questionnaire for cycle ${q.cycle} created.`,
    });
    if (created) onCreated(created);
  };
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="muted">The template is copied into the questionnaire for {vendorName}: later edits of the template do not change it.</p>
      <SelectField label="Template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title} ({ORIGIN_LABELS[t.origin]}, v{t.version}, {t.questions} questions)
          </option>
        ))}
      </SelectField>
      <Field
        label="Review cycle"
        value={cycle}
        onChange={(e) => setCycle(e.target.value)}
        hint="Usually the year of the review, e.g. 2026."
        required
      />
      {previous.length ? (
        <SelectField
          label="Start from"
          value={carryFrom}
          onChange={(e) => setCarryFrom(e.target.value)}
          hint="Answers whose question is still in the template come in pre-filled, marked “carried forward, needs review”; the rest are listed as not carried."
        >
          <option value="">Nothing: a blank questionnaire</option>
          {previous.map((q) => (
            <option key={q.id} value={q.id}>
              {q.cycle} · {q.templateTitle} ({STATE_LABELS[q.state]}, {q.answered} answers)
            </option>
          ))}
        </SelectField>
      ) : null}
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Create questionnaire
        </button>
      </div>
    </form>
  );
}
