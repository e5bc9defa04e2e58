// The form for a new or existing finding, in a modal dialog. Severity is computed live
// from likelihood × impact; an override needs a reason; accepting a risk needs a
// justification and an expiry. A refused save keeps every value and says why, beside
// the field it concerns when there is one.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  FINDING_STATUS_LABELS,
  SEVERITY_LABELS,
  type FindingSeverity,
  type FindingStatus,
} from '../../../../main/contract/vocabulary';
import { ApiError, call } from '../../api/client';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { SeverityBadge } from '../../components/Badges';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import { ControlPicker } from './ControlPicker';
import { draftOf, effectiveSeverity, emptyDraft, fieldsOf, FIELD_OF_CODE, type Draft, type FieldName } from './draft';
import { GuidanceReference } from './GuidanceReference';
import { RiskMatrix } from './RiskMatrix';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RATINGS, severityFor } from './severity';
import type { AssessmentSummary, FindingView } from './types';

export type EditorTarget =
  { mode: 'new'; assessment: AssessmentSummary } | { mode: 'edit'; finding: FindingView; assessment: AssessmentSummary | undefined };

export function FindingEditor({
  target,
  refLabel,
  onClose,
  onRemove,
}: {
  target: EditorTarget;
  /** the ref as the list shows it (with its assessment's or vendor's prefix when several are listed) */
  refLabel?: string | null;
  onClose(): void;
  onRemove(finding: FindingView): void;
}) {
  const [draft, setDraft] = useState<Draft>(() => (target.mode === 'edit' ? draftOf(target.finding) : emptyDraft()));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // After a refused save, take the user to what needs fixing (the dialog body scrolls),
  // once the messages are on screen.
  const [refusals, setRefusals] = useState(0);
  const focusProblem = () => setRefusals((n) => n + 1);
  useEffect(() => {
    if (refusals) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [refusals]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const assessmentId = target.mode === 'edit' ? target.finding.assessmentId : target.assessment.id;
  // A vendor finding (a questionnaire's follow-up) has no assessment: its controls are the mapped question's, shown as they are.
  const vendorName = target.mode === 'edit' && target.finding.vendorId ? (target.finding.vendorName ?? 'a vendor') : null;
  const computed = severityFor(draft.likelihood, draft.impact);
  const final = target.assessment?.state === 'final';
  const title = target.mode === 'edit' ? `Edit ${refLabel ?? target.finding.ref}` : 'New finding';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!draft.title.trim()) {
      setErrors({ title: 'A title is required: name the weakness in a few words.' });
      focusProblem();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const fields = fieldsOf(draft);
      await useAppStore
        .getState()
        .mutate(() =>
          target.mode === 'edit'
            ? call('finding.update', { id: target.finding.id, ...fields })
            : call('finding.create', { assessmentId: target.assessment.id, ...fields }),
        );
      onClose();
    } catch (error) {
      const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
      if (field) setErrors({ [field]: error instanceof Error ? error.message : String(error) });
      setFormError(`Not saved: ${messageOf(error)}`);
      focusProblem();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title={title} open onClose={onClose} wide>
      <form ref={form} className="form finding-form" aria-label={title} onSubmit={(e) => void save(e)} noValidate>
        <p className="card-intro">
          {target.assessment ? `In ${target.assessment.name} (${target.assessment.client}).` : null}
          {vendorName ? `A finding of the vendor ${vendorName}, raised from its questionnaire.` : null}
          {final ? ' This assessment is final: reopen it in Assessments before changing its findings.' : null}
        </p>
        <Field
          label="Title"
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          error={errors.title}
          maxLength={300}
          required
        />
        <TextAreaField label="Description" value={draft.description} onChange={(e) => set('description', e.target.value)} rows={3} />

        <fieldset className="rating">
          <legend>Risk</legend>
          <div className="rating-layout">
            <div className="rating-selects">
              <SelectField label="Likelihood" value={draft.likelihood} onChange={(e) => set('likelihood', Number(e.target.value))}>
                {RATINGS.map((n) => (
                  <option key={n} value={n}>{`${n} — ${LIKELIHOOD_LABELS[n]}`}</option>
                ))}
              </SelectField>
              <SelectField label="Impact" value={draft.impact} onChange={(e) => set('impact', Number(e.target.value))}>
                {RATINGS.map((n) => (
                  <option key={n} value={n}>{`${n} — ${IMPACT_LABELS[n]}`}</option>
                ))}
              </SelectField>
              <p className="computed" aria-live="polite" data-testid="computed-severity">
                Computed severity: <SeverityBadge severity={computed} />{' '}
                <span className="muted">
                  ({draft.likelihood} × {draft.impact} = {draft.likelihood * draft.impact})
                </span>
              </p>
            </div>
            <RiskMatrix
              likelihood={draft.likelihood}
              impact={draft.impact}
              onChange={(l, i) => setDraft((d) => ({ ...d, likelihood: l, impact: i }))}
            />
          </div>
          <label className="check">
            <input type="checkbox" checked={draft.override} onChange={(e) => set('override', e.target.checked)} />
            <span>Override severity</span>
          </label>
          {draft.override ? (
            <div className="override">
              <SelectField
                label="Severity"
                value={draft.overrideSeverity}
                onChange={(e) => set('overrideSeverity', e.target.value as FindingSeverity)}
              >
                {FINDING_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {SEVERITY_LABELS[s]}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                label="Reason for the override"
                hint={`Required when the severity differs from the computed ${SEVERITY_LABELS[computed]}.`}
                value={draft.overrideReason}
                error={errors.overrideReason}
                onChange={(e) => set('overrideReason', e.target.value)}
                rows={2}
              />
            </div>
          ) : null}
          <p className="field-hint">
            The finding will be saved as <SeverityBadge severity={effectiveSeverity(draft)} />.
          </p>
        </fieldset>

        <div className="form-row">
          <Field label="Owner" value={draft.owner} onChange={(e) => set('owner', e.target.value)} maxLength={200} />
          <Field label="Due date" type="date" value={draft.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
          <SelectField label="Status" value={draft.status} onChange={(e) => set('status', e.target.value as FindingStatus)}>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FINDING_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
        </div>
        {draft.status === 'risk-accepted' ? (
          <div className="acceptance">
            <TextAreaField
              label="Justification for accepting the risk"
              hint="Who accepted it and why the risk is tolerable until the expiry."
              value={draft.justification}
              error={errors.justification}
              onChange={(e) => set('justification', e.target.value)}
              rows={2}
            />
            <Field
              label="Acceptance expires"
              type="date"
              hint="After this date the finding shows as overdue for review."
              value={draft.expires}
              error={errors.expires}
              onChange={(e) => set('expires', e.target.value)}
            />
          </div>
        ) : null}
        <div className="remediation-row">
          <TextAreaField
            label="Remediation"
            hint={
              vendorName
                ? 'What the vendor must do, or what you will do about it.'
                : 'Advice for the client; it goes into the report as the recommendation.'
            }
            value={draft.remediation}
            onChange={(e) => set('remediation', e.target.value)}
            rows={6}
          />
          {assessmentId ? <GuidanceReference assessmentId={assessmentId} controls={draft.controls} /> : null}
        </div>
        {assessmentId ? (
          <ControlPicker assessmentId={assessmentId} value={draft.controls} onChange={(controls) => set('controls', controls)} />
        ) : (
          <div className="field">
            <span className="vendor-controls-label" id="vendor-controls-label">
              Related controls
            </span>
            {draft.controls.length ? (
              <ul className="vendor-controls" aria-labelledby="vendor-controls-label">
                {draft.controls.map((c) => (
                  <li key={`${c.catalogueId}\u0000${c.controlId}`}>
                    <span className="ref">{c.controlId}</span> {c.title}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None: the question it follows up maps to no control.</p>
            )}
          </div>
        )}

        {formError ? (
          <p className="error-text form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        ) : null}
        <div className="form-actions">
          {target.mode === 'edit' ? (
            <button type="button" className="button danger-ghost push-start" onClick={() => onRemove(target.finding)}>
              Remove finding
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving} aria-busy={saving}>
            {saving ? 'Saving…' : target.mode === 'edit' ? 'Save finding' : 'Create finding'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
