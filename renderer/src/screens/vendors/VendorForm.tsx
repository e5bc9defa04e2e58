// The vendor profile form: used by the "Add vendor" dialog and on the vendor page. The
// tier is not asked for; the core works it out from data types and criticality.
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Field, SelectField, TextAreaField } from '../../components/Field';
import { messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import { CRITICALITIES, CRITICALITY_LABELS, DATA_TYPES, DATA_TYPE_LABELS } from './labels';
import type { RequestOf, VendorCriticality, VendorDataType, VendorView } from './types';

export type Profile = RequestOf<'vendor.create'>;

export const emptyProfile = (): Profile => ({
  name: '',
  services: '',
  owner: '',
  dataTypes: [],
  criticality: 'medium',
  contractStart: null,
  contractEnd: null,
  exitPlan: '',
  notes: '',
});

export const profileOf = (v: VendorView): Profile => ({
  name: v.name,
  services: v.services,
  owner: v.owner,
  dataTypes: v.dataTypes,
  criticality: v.criticality,
  contractStart: v.contractStart,
  contractEnd: v.contractEnd,
  exitPlan: v.exitPlan,
  notes: v.notes,
});

export function VendorForm({
  initial,
  submitLabel,
  onSaved,
  onCancel,
  save,
}: {
  initial: Profile;
  submitLabel: string;
  onSaved(v: VendorView): void;
  onCancel?(): void;
  save(p: Profile): Promise<VendorView>;
}) {
  const [p, setP] = useState<Profile>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Profile>(k: K, v: Profile[K]) => setP((old) => ({ ...old, [k]: v }));
  const types = p.dataTypes ?? [];
  const toggle = (t: VendorDataType, on: boolean) => {
    const next = on ? (t === 'none' ? ['none' as const] : [...types.filter((x) => x !== 'none'), t]) : types.filter((x) => x !== t);
    set('dataTypes', next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!p.name.trim()) return setError('A name is required.');
    if (!p.owner.trim()) return setError('An internal owner is required.');
    if (!types.length) return setError('Pick at least one data type, or “None”.');
    setBusy(true);
    setError(null);
    try {
      onSaved(await useAppStore.getState().mutate(() => save(p)));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="vendor-form" onSubmit={(e) => void submit(e)} aria-label={submitLabel}>
      <div className="vendor-form-row">
        <Field
          label="Name"
          required
          value={p.name}
          onChange={(e) => set('name', e.target.value)}
          maxLength={200}
          autoFocus={!initial.name}
        />
        <Field label="Internal owner" required value={p.owner} onChange={(e) => set('owner', e.target.value)} maxLength={200} />
      </div>
      <Field
        label="Services"
        hint="What the vendor does for us."
        value={p.services ?? ''}
        onChange={(e) => set('services', e.target.value)}
        maxLength={2000}
      />
      <div className="vendor-form-row">
        <SelectField
          label="Business criticality"
          value={p.criticality}
          onChange={(e) => set('criticality', e.target.value as VendorCriticality)}
        >
          {CRITICALITIES.map((c) => (
            <option key={c} value={c}>
              {CRITICALITY_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Contract start"
          type="date"
          value={p.contractStart ?? ''}
          onChange={(e) => set('contractStart', e.target.value || null)}
        />
        <Field label="Contract end" type="date" value={p.contractEnd ?? ''} onChange={(e) => set('contractEnd', e.target.value || null)} />
      </div>
      <fieldset className="data-types">
        <legend>Data the vendor stores or reaches</legend>
        {DATA_TYPES.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={types.includes(t)} onChange={(e) => toggle(t, e.target.checked)} />
            <span>{DATA_TYPE_LABELS[t]}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label="Exit plan"
        hint="How we would leave this vendor: data export, replacement, notice."
        value={p.exitPlan ?? ''}
        onChange={(e) => set('exitPlan', e.target.value)}
        maxLength={20000}
      />
      {error ? (
        <p className="error-text form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export const createVendor = (p: Profile) => call('vendor.create', p);
