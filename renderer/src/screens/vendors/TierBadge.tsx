// The tier as a pill (text always present, colour only a help), with the override marked.
import type { VendorTier } from './types';

export function TierBadge({ tier, overridden }: { tier: VendorTier; overridden: boolean }) {
  return (
    <span className={`badge tier-${tier}`} title={overridden ? 'Tier set by hand, with a recorded reason' : 'Tier from the rubric'}>
      Tier {tier}
      {overridden ? <span className="tier-override-mark"> · overridden</span> : null}
    </span>
  );
}
