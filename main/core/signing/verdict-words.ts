// One plain sentence per verdict, for the app's verifier and the CLI.
import type { SignatureVerdict } from './verify';

export function verdictSummary(v: SignatureVerdict): string {
  const who = v.signer ? `${v.signer.commonName}` : 'an unknown signer';
  const when = v.signingTime ? ` on ${v.signingTime.replace('T', ' ').slice(0, 16)} UTC` : '';
  switch (v.status) {
    case 'valid':
      return `Valid: signed by ${who}${when}, unchanged since, and the signer is trusted.`;
    case 'untrusted': {
      const f = v.path?.failure;
      const why =
        !f || f.reason === 'self-signed-not-trusted' || f.reason === 'no-trusted-issuer'
          ? 'that signer is not among the trusted identities and does not chain to one.'
          : `the certificate path fails at "${f.certificate.commonName}": ${f.message}`;
      return `Intact but not trusted: the file is unchanged since ${who} signed it${when}, but ${why}`;
    }
    case 'modified-after-signing':
      return `Modified after signing: the signed part is intact, but ${v.appendedBytes} bytes were added afterwards and are not covered by the signature.`;
    case 'unsigned':
      return 'Not signed: this PDF carries no digital signature.';
    default:
      return 'Invalid: the signature does not match the file. The report was changed after signing or the signature is damaged; do not rely on it.';
  }
}
