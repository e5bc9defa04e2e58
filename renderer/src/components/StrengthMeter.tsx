import { passphraseStrength } from '../lib/strength';

/** Shows the estimate as a bar and in words (never by colour alone). */
export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const strength = passphraseStrength(passphrase);
  return (
    <div className="strength" data-score={strength.score}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={passphrase ? strength.score : 0} aria-label="Passphrase strength" />
      <span className="strength-label" aria-live="polite">
        {passphrase ? `${strength.label}. ${strength.hint}` : strength.hint}
      </span>
    </div>
  );
}
