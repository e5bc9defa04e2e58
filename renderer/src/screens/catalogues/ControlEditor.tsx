// The form for adding or changing a control of a custom or imported catalogue.
import { useId, useState, type FormEvent } from 'react';
import type { CatalogueDetail, ControlView } from '../../../../main/contract/catalog';
import { FINDING_SEVERITIES, SEVERITY_LABELS, type FindingSeverity } from '../../../../main/contract/vocabulary';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, TextAreaField } from '../../components/Field';
import { useAppStore } from '../../store';

export type ControlInput = {
  id: string;
  title: string;
  statement: string;
  guidance: string;
  category: string;
  weight?: number;
  severity?: FindingSeverity;
  tags: string[];
  label?: string;
  parent?: string;
  references?: ControlView['references'];
  mappings?: ControlView['mappings'];
  checks?: string[];
  note?: string;
};

/** Every field catalog.saveControl takes, from a control as the catalogue shows it (undo restores it whole). */
export function controlInput(c: ControlView): ControlInput {
  return {
    id: c.id,
    title: c.title,
    statement: c.statement,
    guidance: c.guidance,
    category: c.category,
    ...(c.weight !== undefined ? { weight: c.weight } : {}),
    ...(c.severity !== undefined ? { severity: c.severity } : {}),
    tags: c.tags,
    ...(c.label !== undefined ? { label: c.label } : {}),
    ...(c.parent !== undefined ? { parent: c.parent } : {}),
    references: c.references,
    mappings: c.mappings,
    checks: c.checks,
    ...(c.note !== undefined ? { note: c.note } : {}),
  };
}

export const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

export function ControlEditor({
  catalogue,
  control,
  onClose,
  onSaved,
}: {
  catalogue: CatalogueDetail;
  /** the control to change; none to add one */
  control?: ControlView;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const ids = useId();
  const [id, setId] = useState(control?.id ?? '');
  const [title, setTitle] = useState(control?.title ?? '');
  const [statement, setStatement] = useState(control?.statement ?? '');
  const [guidance, setGuidance] = useState(control?.guidance ?? '');
  const [category, setCategory] = useState(control?.category ?? catalogue.categories[0]?.id ?? '');
  const [weight, setWeight] = useState(control?.weight !== undefined ? String(control.weight) : '');
  const [severity, setSeverity] = useState<string>(control?.severity ?? '');
  const [tags, setTags] = useState(control?.tags.join(', ') ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const taken = id.trim() !== (control?.id ?? '') && catalogue.controls.some((c) => c.id === id.trim());
  const tagList = parseTags(tags);
  const problems = {
    id: !id.trim()
      ? 'An id is required.'
      : id.trim().length > 80
        ? 'An id has at most 80 characters.'
        : taken
          ? `This catalogue already has a control ${id.trim()}.`
          : null,
    title: !title.trim() ? 'A title is required.' : title.length > 300 ? 'A title has at most 300 characters.' : null,
    statement: !statement.trim() ? 'A statement is required.' : null,
    tags: tagList.some((t) => t.length > 60) ? 'A tag has at most 60 characters.' : tagList.length > 30 ? 'At most 30 tags.' : null,
  };
  const valid = Object.values(problems).every((p) => p === null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid) return;
    setBusy(true);
    setError(null);
    const input: ControlInput = {
      id: id.trim(),
      title: title.trim(),
      statement: statement.trim(),
      guidance: guidance.trim(),
      category,
      ...(weight ? { weight: Number(weight) } : {}),
      ...(severity ? { severity: severity as FindingSeverity } : {}),
      tags: tagList,
    };
    try {
      await useAppStore.getState().mutate(() =>
        call('catalog.saveControl', {
          catalogueId: catalogue.summary.id,
          control: input,
          ...(control ? { previousId: control.id } : {}),
        }),
      );
      onSaved(input.id);
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  const show = (p: string | null) => (tried ? p : null);
  return (
    <Dialog title={control ? `Edit control ${control.id}` : `Add a control to ${catalogue.summary.title}`} open onClose={onClose} wide>
      <form className="form control-editor" onSubmit={(e) => void submit(e)} noValidate aria-label="Control" data-testid="control-editor">
        <div className="cat-form-row">
          <Field
            label="Id"
            value={id}
            onChange={(e) => setId(e.target.value)}
            error={show(problems.id)}
            hint="Unique here, e.g. ACME.1."
            autoFocus
          />
          <Field label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={show(problems.title)} />
        </div>
        <TextAreaField
          label="Statement"
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          rows={3}
          error={show(problems.statement)}
          hint="What must be true for the control to be met."
        />
        <TextAreaField
          label="Guidance"
          value={guidance}
          onChange={(e) => setGuidance(e.target.value)}
          rows={2}
          hint="How an assessor checks it (optional)."
        />
        <div className="cat-form-row three">
          <div className="field">
            <label htmlFor={`${ids}-category`}>Category</label>
            <select id={`${ids}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
              {catalogue.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-weight`}>Weight</label>
            <select id={`${ids}-weight`} value={weight} onChange={(e) => setWeight(e.target.value)}>
              <option value="">None</option>
              {[1, 2, 3, 4, 5].map((w) => (
                <option key={w} value={w}>
                  {w} {w === 1 ? '(least)' : w === 5 ? '(most)' : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-severity`}>Severity</label>
            <select id={`${ids}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value)}>
              <option value="">None</option>
              {FINDING_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Field
          label="Tags"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          hint="Separated by commas, for example identity, sso."
          error={show(problems.tags)}
        />
        <ErrorText error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Saving…' : control ? 'Save control' : 'Add control'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
