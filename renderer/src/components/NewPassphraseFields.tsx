import { MIN_SCORE, passphraseStrength } from '../lib/strength';
import { Field } from './Field';
import { StrengthMeter } from './StrengthMeter';

/** A new passphrase with its strength meter and a confirmation, used wherever one is chosen. */
export function NewPassphraseFields({
  passphrase,
  confirm,
  onPassphrase,
  onConfirm,
  label = 'Passphrase',
}: {
  passphrase: string;
  confirm: string;
  onPassphrase(value: string): void;
  onConfirm(value: string): void;
  label?: string;
}) {
  return (
    <>
      <Field
        label={label}
        type="password"
        value={passphrase}
        onChange={(e) => onPassphrase(e.target.value)}
        autoComplete="new-password"
        required
      >
        <StrengthMeter passphrase={passphrase} />
      </Field>
      <Field
        label={`Repeat the ${label.toLowerCase()}`}
        type="password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        autoComplete="new-password"
        error={confirm.length > 0 && confirm !== passphrase ? 'The two passphrases differ.' : null}
        required
      />
    </>
  );
}

/** True when a new passphrase is strong enough and confirmed. */
export const newPassphraseReady = (passphrase: string, confirm: string) =>
  passphrase.length > 0 && confirm === passphrase && passphraseStrength(passphrase).score >= MIN_SCORE;
