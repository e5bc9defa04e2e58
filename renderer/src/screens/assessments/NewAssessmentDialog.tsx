// Start an assessment: what is assessed (name, client, scope, period, assessor) against
// which catalogues. Mistakes are shown beside their field; nothing typed is lost on error.
import { useId, useState } from 'react';
import type { AssessmentSummary } from '../../../../main/contract/assessment';
import type { CatalogueSummary } from '../../../../main/contract/catalog';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, SelectField } from '../../components/Field';
import { useAppStore } from '../../store';

interface Form {
  name: string;
  client: string;
  scope: string;
  periodStart: string;
  periodEnd: string;
  assessor: string;
  catalogueIds: string[];
  /** An earlier assessment to start from ('' for none). */
  carryFrom: string;
}
type Errors = Partial<Record<keyof Form, string>>;

const EMPTY: Form = { name: '', client: '', scope: '', periodStart: '', periodEnd: '', assessor: '', catalogueIds: [], carryFrom: '' };

export function validate(f: Form): Errors {
  const e: Errors = {};
  if (!f.name.trim()) e.name = 'Give the assessment a name.';
  if (!f.client.trim()) e.client = 'Name the client (or the system owner).';
  if (!f.assessor.trim()) e.assessor = 'Name the assessor.';
  if (f.periodStart && f.periodEnd && f.periodEnd < f.periodStart) e.periodEnd = 'The period ends before it starts.';
  if (!f.catalogueIds.length) e.catalogueIds = 'Pick at least one catalogue.';
  return e;
}

/** Splits the core's "Invalid request for …: field: message; …" into per-field messages. */
function fieldErrors(message: string): Errors | null {
  const m = /^Invalid request for [\w.]+: (.*)$/.exec(message);
  if (!m) return null;
  const out: Errors = {};
  for (const part of m[1]!.split('; ')) {
    const [field, ...rest] = part.split(': ');
    const key = field?.split('.')[0] as keyof Form | undefined;
    if (key && key in EMPTY && rest.length) out[key] = rest.join(': ');
  }
  return Object.keys(out).length ? out : null;
}

export function NewAssessmentDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(a: AssessmentSummary): void;
}) {
  return (
    <Dialog title="New assessment" open={open} onClose={onClose} wide>
      <NewAssessmentForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function NewAssessmentForm({ onCancel, onCreated }: { onCancel(): void; onCreated(a: AssessmentSummary): void }) {
  const id = useId();
  const mutate = useAppStore((s) => s.mutate);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const catalogueList = useQuery('catalog.list', {});
  const catalogues: CatalogueSummary[] | null = catalogueList.data?.catalogues ?? null;
  const catalogueError = catalogueList.error ? messageOf(catalogueList.error) : null;
  const earlier = useQuery('assessment.list', {}).data?.assessments ?? [];

  // Starting from an earlier assessment takes its client, scope, assessor and catalogues
  // (each still editable) and brings its results in marked "carried forward".
  const startFrom = (aid: string) => {
    const a = earlier.find((x) => x.id === aid);
    setForm((f) =>
      a
        ? {
            ...f,
            carryFrom: aid,
            client: f.client || a.client,
            scope: f.scope || a.scope,
            assessor: f.assessor || a.assessor,
            catalogueIds: f.catalogueIds.length ? f.catalogueIds : a.catalogues.map((c) => c.id),
          }
        : { ...f, carryFrom: '' },
    );
    setErrors({});
  };

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async () => {
    const found = validate(form);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const created = await mutate(() =>
        call('assessment.create', {
          name: form.name.trim(),
          client: form.client.trim(),
          scope: form.scope.trim(),
          periodStart: form.periodStart || null,
          periodEnd: form.periodEnd || null,
          assessor: form.assessor.trim(),
          catalogueIds: form.catalogueIds,
          ...(form.carryFrom ? { carryFrom: form.carryFrom } : {}),
        }),
      );
      onCreated(created);
    } catch (e) {
      const message = messageOf(e);
      const perField = fieldErrors(message);
      if (perField) setErrors(perField);
      else setServerError(`The assessment was not created: ${message}`);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (cid: string, on: boolean) =>
    set('catalogueIds', on ? [...form.catalogueIds, cid] : form.catalogueIds.filter((c) => c !== cid));

  return (
    <form
      className="form asm-new"
      aria-label="New assessment"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="asm-new-grid">
        {earlier.length ? (
          <div className="asm-span">
            <SelectField
              label="Start from"
              hint="An earlier assessment: its results come in marked “carried forward, needs review” until you set each again."
              value={form.carryFrom}
              onChange={(e) => startFrom(e.target.value)}
            >
              <option value="">Nothing (a fresh assessment)</option>
              {earlier.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} — {a.client} ({a.assessed} of {a.total} assessed)
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
        <Field label="Name" value={form.name} error={errors.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoFocus />
        <Field label="Client" value={form.client} error={errors.client} onChange={(e) => set('client', e.target.value)} maxLength={200} />
        <div className="field asm-span">
          <label htmlFor={`${id}-scope`}>Scope</label>
          <textarea
            id={`${id}-scope`}
            className="asm-textarea"
            rows={3}
            maxLength={5000}
            value={form.scope}
            aria-describedby={`${id}-scope-hint`}
            onChange={(e) => set('scope', e.target.value)}
          />
          <div id={`${id}-scope-hint`} className="field-hint">
            What is in and out: systems, environments, teams.
          </div>
        </div>
        <Field
          label="Period start"
          type="date"
          value={form.periodStart}
          error={errors.periodStart}
          onChange={(e) => set('periodStart', e.target.value)}
        />
        <Field
          label="Period end"
          type="date"
          value={form.periodEnd}
          error={errors.periodEnd}
          onChange={(e) => set('periodEnd', e.target.value)}
        />
        <Field
          label="Assessor"
          value={form.assessor}
          error={errors.assessor}
          onChange={(e) => set('assessor', e.target.value)}
          maxLength={200}
          autoComplete="name"
        />
      </div>
      <fieldset className="asm-catalogues" aria-describedby={`${id}-cat-hint${errors.catalogueIds ? ` ${id}-cat-error` : ''}`}>
        <legend>Catalogues</legend>
        <p id={`${id}-cat-hint`} className="field-hint">
          Each chosen catalogue is snapshotted into the assessment with its version and content hash, so later edits or imports never change
          what this assessment was measured against, and a report can be reproduced years later.
        </p>
        {catalogueError ? <ErrorText error={`The catalogues could not be listed: ${catalogueError}`} /> : null}
        {catalogues === null && !catalogueError ? <p className="asm-muted">Loading catalogues…</p> : null}
        {catalogues?.length === 0 ? (
          <p className="asm-muted">This workspace has no catalogues yet; import one on the Catalogues screen.</p>
        ) : null}
        <ul className="asm-catalogue-list">
          {catalogues?.map((c) => (
            <li key={c.id}>
              <label className="check">
                <input
                  type="checkbox"
                  value={c.id}
                  checked={form.catalogueIds.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                <span>
                  <span className="asm-catalogue-title">{c.title}</span>
                  <span className="asm-muted">
                    {' '}
                    version {c.version} · {c.controlCount.toLocaleString()} controls
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors.catalogueIds ? (
          <div id={`${id}-cat-error`} className="field-error" role="alert">
            {errors.catalogueIds}
          </div>
        ) : null}
      </fieldset>
      <ErrorText error={serverError} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Creating…' : 'Create assessment'}
        </button>
      </div>
    </form>
  );
}
