// Start a questionnaire for this vendor: a template and the review cycle it belongs to.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, SelectField } from '../../components/Field';
import { useAppStore } from '../../store';
import { ORIGIN_LABELS } from './labels';
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
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [cycle, setCycle] = useState(String(new Date().getFullYear()));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('template.list', {}).then(
      (r) => {
        setTemplates(r.templates);
        setTemplateId((id) => id || (r.templates.find((t) => t.origin === 'builtin') ?? r.templates[0])?.id || '');
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  const submit = async () => {
    setError(null);
    if (!templateId) return setError('Choose a template.');
    try {
      onCreated(await useAppStore.getState().mutate(() => call('questionnaire.create', { vendorId, templateId, cycle })));
    } catch (e) {
      setError(messageOf(e));
    }
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
