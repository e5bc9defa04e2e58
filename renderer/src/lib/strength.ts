// A passphrase strength estimate for the create and change-passphrase forms: the
// bits of a random string of the same length and character classes, cut down for
// the patterns guessers try first (common passwords, repeats, sequences, dates).
// Deliberately conservative; the KDF cost is the second line of defence.

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Very weak' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  bits: number;
  hint: string;
}

const common = [
  'password',
  'passw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
  'login',
  'secret',
  'attest',
  'abc123',
  '123456',
  '111111',
  'football',
  'baseball',
  'sunshine',
  'princess',
];

function pool(p: string): number {
  let size = 0;
  if (/[a-z]/.test(p)) size += 26;
  if (/[A-Z]/.test(p)) size += 26;
  if (/[0-9]/.test(p)) size += 10;
  if (/[^a-zA-Z0-9\s]/.test(p)) size += 33;
  if (/\s/.test(p)) size += 1;
  if (/[^\p{ASCII}]/u.test(p)) size += 100;
  return Math.max(size, 1);
}

/** Characters that add little: repeats of the previous character and steps of a sequence. */
function predictableChars(p: string): number {
  let count = 0;
  for (let i = 1; i < p.length; i++) {
    const step = p.charCodeAt(i) - p.charCodeAt(i - 1);
    if (step === 0 || step === 1 || step === -1) count++;
  }
  return count;
}

export function passphraseStrength(passphrase: string): Strength {
  const lower = passphrase.toLowerCase();
  let effective = passphrase.length - predictableChars(passphrase) * 0.75;
  for (const word of common) if (lower.includes(word)) effective -= word.length - 1;
  if (/(19|20)\d\d/.test(passphrase)) effective -= 3;
  const bits = Math.max(0, effective) * Math.log2(pool(passphrase));
  const score: Strength['score'] = bits < 28 ? 0 : bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  const label = (['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const)[score];
  const hint =
    passphrase.length === 0
      ? 'Use four or more unrelated words, or 14+ mixed characters.'
      : score < 2
        ? 'Too easy to guess. Add more unrelated words or characters.'
        : score < 4
          ? 'Acceptable. A few more words make it much stronger.'
          : 'Strong passphrase.';
  return { score, label, bits: Math.round(bits), hint };
}

/** The minimum the app accepts for a new passphrase. */
export const MIN_SCORE = 2;
