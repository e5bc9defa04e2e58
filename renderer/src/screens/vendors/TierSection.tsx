// The tier in force, the rubric's reasons, and an override that needs a reason.
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { SelectField, TextAreaField } from '../../components/Field';
import { TierBadge } from './TierBadge';
import type { VendorTier, VendorView } from './types';
import type { Act } from './VendorPage';

export function TierSection({ vendor, act }: { vendor: VendorView; act: Act }) {
  const [editing, setEditing] = useState(false);
  const [tier, setTier] = useState<VendorTier>(vendor.tierOverride ?? vendor.rubric.tier);
  const [reason, setReason] = useState(vendor.tierOverrideReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const overridden = vendor.tierOverride !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Say why this vendor needs a different tier; the reason is recorded.');
    setError(null);
    if (await act('Tier not changed', () => call('vendor.setTierOverride', { id: vendor.id, tier, reason }))) setEditing(false);
  };

  return (
    <section className="card tier-card" aria-labelledby="tier-h">
      <h2 id="tier-h">Tier</h2>
      <p className="tier-line">
        <TierBadge tier={vendor.tier} overridden={overridden} />
      </p>
      <p className="tier-reason" data-testid="tier-explanation">
        Rubric: tier {vendor.rubric.tier} because: {vendor.rubric.reasons.join('; ')}.
      </p>
      {overridden ? (
        <div className="override-note">
          <p>
            <strong>Set by hand to tier {vendor.tierOverride}:</strong> {vendor.tierOverrideReason}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => void act('Override not cleared', () => call('vendor.clearTierOverride', { id: vendor.id }))}
          >
            Use the rubric's tier
          </button>
        </div>
      ) : null}
      {editing ? (
        <form className="override-form" onSubmit={(e) => void submit(e)} aria-label="Override the tier">
          <SelectField label="Tier" value={String(tier)} onChange={(e) => setTier(Number(e.target.value) as VendorTier)}>
            <option value="1">Tier 1 (most critical)</option>
            <option value="2">Tier 2</option>
            <option value="3">Tier 3</option>
          </SelectField>
          <TextAreaField
            label="Reason"
            aria-required="true"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error}
            maxLength={2000}
          />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="button primary">
              Set tier
            </button>
          </div>
        </form>
      ) : !vendor.removedAt ? (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          {overridden ? 'Change override' : 'Override tier'}
        </button>
      ) : null}
    </section>
  );
}
