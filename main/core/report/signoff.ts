// The sign-off page shared by both report kinds: statement, signer details and the
// framed box where the signer later places the visible PAdES signature widget.
import type { Content } from 'pdfmake/interfaces';
import type { SignOff } from './model';
import { SIGNATURE_BOX, cell, heading, paragraphs } from './theme';

export function signOffPage(signOff: SignOff, issuedAt: Date, primary: string): Content[] {
  const b = SIGNATURE_BOX;
  const rows: [string, string][] = [
    ['Signer', signOff.signer.name],
    ['Organisation', signOff.signer.organisation],
    ['Role', signOff.signer.role ?? '—'],
    ['Reason', signOff.reason],
    ['Location', signOff.location],
    ['Issued', issuedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'],
  ];
  return [
    heading('Sign-off', 1, { toc: true, newPage: true }),
    ...paragraphs(signOff.statement),
    {
      table: { widths: [110, '*'], body: rows.map(([k, v]) => [cell(k, { bold: true }), cell(v)]) },
      layout: 'lightHorizontalLines',
      margin: [0, 6, 0, 0],
    },
    {
      absolutePosition: { x: b.x, y: b.y - 16 },
      text: 'Digital signature',
      fontSize: 9,
      bold: true,
      color: primary,
    },
    {
      absolutePosition: { x: b.x, y: b.y },
      canvas: [{ type: 'rect', x: 0, y: 0, w: b.width, h: b.height, lineWidth: 0.8, lineColor: primary, dash: { length: 3 } }],
    },
    {
      absolutePosition: { x: b.x + 10, y: b.y + b.height / 2 - 6 },
      text: 'Not signed: this copy carries no digital signature.',
      fontSize: 9,
      color: '#90A4AE',
    },
    {
      absolutePosition: { x: b.x, y: b.y + b.height + 8 },
      text: 'The signature covers every byte of this file. Verify it with "attest verify-report" or any PAdES-capable PDF reader; any change after signing makes it invalid.',
      fontSize: 7.5,
      color: '#607D8B',
      width: b.width,
    } as Content,
  ];
}
