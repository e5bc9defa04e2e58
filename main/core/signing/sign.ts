// Signs a PDF as PAdES baseline B: placeholder update, byte range, CAdES detached CMS.
import { createHash } from 'node:crypto';
import { AttestError } from '../errors';
import { buildCadesDetached } from './cms';
import type { SigningIdentity } from './identity';
import { insertSignaturePlaceholder, type SignatureBox } from './placeholder';

export interface SignOptions {
  identity: SigningIdentity;
  /** Shown in the signature dictionary and the visible block; defaults to the certificate's CN. */
  signerName?: string;
  reason: string;
  location: string;
  signingTime: Date;
  /** Zero-based page for the visible block; negative counts from the end. Default -1 (last page). */
  page?: number;
  box: SignatureBox;
  /** Bytes reserved for the CMS; default 16 KiB (RSA-3072 with a short chain needs ~2-5 KiB). */
  reserve?: number;
}

export interface SignedPdf {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** SHA-256 of the signed file, hex, for the issued-report record. */
  sha256: string;
}

export async function signPdf(pdf: Uint8Array, opts: SignOptions): Promise<SignedPdf> {
  const reserve = opts.reserve ?? 16384;
  const ph = insertSignaturePlaceholder(pdf, {
    signer: opts.signerName ?? opts.identity.commonName,
    date: opts.signingTime,
    reason: opts.reason,
    location: opts.location,
    fingerprint: opts.identity.fingerprint,
    page: opts.page ?? -1,
    box: opts.box,
    reserve,
    fieldName: 'AttestSignature1',
  });
  const bytes = ph.bytes;
  const byteRange: [number, number, number, number] = [0, ph.contentsStart, ph.contentsEnd, bytes.length - ph.contentsEnd];
  // Fixed-width text: the numbers, then spaces inside the array, then the closing bracket.
  const padded = `[${byteRange.join(' ')}`.padEnd(ph.byteRangeWidth - 1, ' ') + ']';
  if (padded.length !== ph.byteRangeWidth) throw new AttestError('SIGNING_PDF_TOO_LARGE', 'The PDF is too large to sign (over 9 GB).');
  Buffer.from(bytes.buffer, bytes.byteOffset).write(padded, ph.byteRangeAt, 'latin1');

  const digest = createHash('sha256').update(bytes.subarray(0, byteRange[1])).update(bytes.subarray(byteRange[2])).digest();
  const cms = await buildCadesDetached({ digest, identity: opts.identity, signingTime: opts.signingTime });
  if (cms.length > reserve)
    throw new AttestError(
      'SIGNING_RESERVE_TOO_SMALL',
      `The signature (${cms.length} bytes) does not fit the space reserved in the PDF; the certificate chain is unusually large.`,
    );
  const hex = Buffer.from(cms).toString('hex').toUpperCase();
  Buffer.from(bytes.buffer, bytes.byteOffset).write(hex, ph.contentsStart + 1, 'latin1');
  return { bytes, byteRange, sha256: createHash('sha256').update(bytes).digest('hex') };
}
