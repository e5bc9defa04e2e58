// The visible signature block: a form XObject drawn in the signature widget's box.
// It uses the standard Helvetica font (no embedding needed) with WinAnsi text.

export interface AppearanceText {
  signer: string;
  date: Date;
  reason: string;
  location: string;
  fingerprint: string;
}

/** Latin-1 only (WinAnsi); other characters become '?'. Escapes PDF string syntax. */
function winAnsi(s: string, max: number): string {
  const clipped = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return clipped
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?')
    .replace(/[\\()]/g, (c) => `\\${c}`);
}

export function appearanceStream(width: number, height: number, t: AppearanceText): string {
  const w = width.toFixed(2);
  const h = height.toFixed(2);
  const when = t.date.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  const line = (y: number, size: number, text: string, bold = false) =>
    `BT /${bold ? 'HeBo' : 'Helv'} ${size} Tf 14 ${(height - y).toFixed(2)} Td (${text}) Tj ET`;
  return [
    'q',
    `0.96 0.97 0.98 rg 0 0 ${w} ${h} re f`,
    `0.12 0.23 0.37 RG 1.2 w 0.6 0.6 ${(width - 1.2).toFixed(2)} ${(height - 1.2).toFixed(2)} re S`,
    `0.12 0.23 0.37 rg 0 0 5 ${h} re f`,
    '0.12 0.23 0.37 rg',
    line(24, 13, `Digitally signed by ${winAnsi(t.signer, 60)}`, true),
    '0.15 0.2 0.22 rg',
    line(46, 9.5, `Date: ${when}`),
    line(62, 9.5, `Reason: ${winAnsi(t.reason, 80)}`),
    line(78, 9.5, `Location: ${winAnsi(t.location, 80)}`),
    '0.3 0.38 0.42 rg',
    line(100, 7, 'Signer certificate SHA-256:'),
    line(111, 7, winAnsi(t.fingerprint, 100)),
    line(122, 7, 'PAdES baseline B (ETSI.CAdES.detached). Verify with Attest or any PAdES-capable reader.'),
    'Q',
  ].join('\n');
}
