// Verifies the PAdES signature of a PDF and returns a structured verdict. Every check
// is reported separately so the UI and CLI can say exactly what failed.
import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, cryptoEngine, toArrayBuffer } from './cms';
import { type PathResult, validateSignerPath } from './path';

export { normaliseFingerprint } from './path';

export type VerdictStatus = 'valid' | 'untrusted' | 'modified-after-signing' | 'invalid' | 'unsigned';

export interface TrustOptions {
  /** Trusted certificates as PEM text, or SHA-256 fingerprints (hex, colons optional). */
  trusted?: string[];
  /**
   * Verification time (the caller's clock): every certificate of the path must be valid
   * now. The signing time in the signature is the signer's own claim and never replaces it.
   */
  now: Date;
}

export interface SignatureVerdict {
  status: VerdictStatus;
  /** One sentence per problem, in the order checked; empty when valid. */
  problems: string[];
  checks: {
    byteRangeWellFormed: boolean;
    /** The signed ranges start at 0 and end at the end of the file, leaving only /Contents out. */
    coversWholeFile: boolean;
    digestMatches: boolean;
    signatureVerified: boolean;
    signingCertificateV2Matches: boolean;
    subFilter: string | null;
    /** A path from the signer to a trusted certificate passed every check at the verification time. */
    certificateTrusted: boolean;
    /** The signing time claimed in the signature, when there is one, lies inside the signer certificate's validity. */
    certificateValidAtSigningTime: boolean;
  };
  /** The certificate path checked and, when it fails, the certificate and the reason. */
  path: PathResult | null;
  byteRange: [number, number, number, number] | null;
  /** Bytes after the signed revision (an appended update or garbage); 0 when none. */
  appendedBytes: number;
  signer: { commonName: string; subject: string; fingerprint: string; notAfter: string } | null;
  signingTime: string | null;
  name: string | null;
  reason: string | null;
  location: string | null;
}

function literal(dict: string, key: string): string | null {
  const lit = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dict);
  if (lit) return lit[1]!.replace(/\\(.)/g, '$1');
  const hex = new RegExp(`/${key}\\s*<FEFF([0-9A-Fa-f]*)>`).exec(dict);
  if (hex) return Buffer.from(hex[1]!, 'hex').swap16().toString('utf16le');
  return null;
}

/** Length of the DER element at the start of `b` (the /Contents hole is zero-padded). */
function derLength(b: Uint8Array): number {
  if (b.length < 2) return 0;
  const first = b[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] ?? 0);
  return 2 + n + len;
}

function emptyVerdict(): SignatureVerdict {
  return {
    status: 'invalid',
    problems: [],
    checks: {
      byteRangeWellFormed: false,
      coversWholeFile: false,
      digestMatches: false,
      signatureVerified: false,
      signingCertificateV2Matches: false,
      subFilter: null,
      certificateTrusted: false,
      certificateValidAtSigningTime: false,
    },
    path: null,
    byteRange: null,
    appendedBytes: 0,
    signer: null,
    signingTime: null,
    name: null,
    reason: null,
    location: null,
  };
}

export async function verifyPdfSignature(pdf: Uint8Array, opts: TrustOptions): Promise<SignatureVerdict> {
  const v = emptyVerdict();
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) {
    v.status = 'unsigned';
    v.problems.push('The PDF carries no digital signature.');
    return v;
  }
  if (ranges.length > 1) v.problems.push(`The PDF has ${ranges.length} signatures; only the last one is checked.`);
  const br = [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])] as [number, number, number, number];
  v.byteRange = br;
  // The signature dictionary around this ByteRange: for /SubFilter, /M, /Name, /Reason, /Location.
  const dictStart = text.lastIndexOf('obj', last.index);
  const dictEnd = text.indexOf('endobj', last.index);
  const dict = text.slice(dictStart, dictEnd < 0 ? undefined : dictEnd).replace(/\/Contents\s*<[0-9A-Fa-f]*>/, '');
  v.checks.subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1] ?? null;
  v.name = literal(dict, 'Name');
  v.reason = literal(dict, 'Reason');
  v.location = literal(dict, 'Location');

  const [start, len1, off2, len2] = br;
  const signedEnd = off2 + len2;
  v.checks.byteRangeWellFormed =
    start === 0 &&
    len1 > 0 &&
    off2 > len1 &&
    signedEnd <= pdf.length &&
    pdf[len1] === 0x3c /* < */ &&
    pdf[off2 - 1] === 0x3e /* > */ &&
    /^[0-9A-Fa-f]*$/.test(text.slice(len1 + 1, off2 - 1));
  if (!v.checks.byteRangeWellFormed) {
    v.problems.push('The signature byte range is malformed: it does not exclude exactly the signature value.');
    return v;
  }
  v.appendedBytes = pdf.length - signedEnd;
  v.checks.coversWholeFile = v.appendedBytes === 0;
  if (!v.checks.coversWholeFile) v.problems.push(`${v.appendedBytes} bytes were appended after the signature; they are not covered by it.`);

  const hex = Buffer.from(text.slice(len1 + 1, off2 - 1), 'hex');
  const cmsDer = hex.subarray(0, derLength(hex));
  let signedData: pkijs.SignedData;
  try {
    const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(cmsDer));
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: ci.content });
  } catch {
    v.problems.push('The signature value is not a readable CMS SignedData structure.');
    return v;
  }
  const signerInfo = signedData.signerInfos[0];
  const attrs = signerInfo?.signedAttrs?.attributes ?? [];
  const attr = (oid: string) => attrs.find((a) => a.type === oid)?.values[0];

  const signed = Buffer.concat([pdf.subarray(0, len1), pdf.subarray(off2, signedEnd)]);
  const digest = createHash('sha256').update(signed).digest();
  const md = attr(OID.messageDigest);
  v.checks.digestMatches = md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).equals(digest);
  if (!v.checks.digestMatches) v.problems.push('The document digest does not match the signed digest: the signed bytes were changed.');

  const st = attr(OID.signingTime);
  if (st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime) v.signingTime = st.toDate().toISOString();

  let signerDer: Uint8Array | null = null;
  try {
    const result = await signedData.verify(
      { signer: 0, data: toArrayBuffer(signed), extendedMode: true, checkChain: false },
      cryptoEngine(),
    );
    v.checks.signatureVerified = result.signatureVerified === true;
    const sc = result.signerCertificate;
    if (sc) {
      const der = new Uint8Array(sc.toSchema().toBER(false));
      const x = new X509Certificate(Buffer.from(der));
      v.signer = {
        commonName: /(?:^|\n)CN=([^\n]*)/.exec(x.subject)?.[1] ?? x.subject,
        subject: x.subject.replace(/\n/g, ', '),
        fingerprint: x.fingerprint256,
        notAfter: new Date(x.validTo).toISOString(),
      };
      const certHash = createHash('sha256').update(der).digest();
      const scv2 = attr(OID.signingCertificateV2);
      const ess = scv2 instanceof asn1js.Sequence ? scv2.valueBlock.value[0] : undefined;
      const first = ess instanceof asn1js.Sequence ? ess.valueBlock.value[0] : undefined;
      const hashNode = first instanceof asn1js.Sequence ? first.valueBlock.value.find((n) => n instanceof asn1js.OctetString) : undefined;
      v.checks.signingCertificateV2Matches =
        hashNode instanceof asn1js.OctetString && Buffer.from(hashNode.valueBlock.valueHexView).equals(certHash);
      // A claimed signing time outside the certificate's validity is a contradiction in the
      // signature itself; a missing one (PAdES puts the time in /M) contradicts nothing.
      // Trust is decided at `now` below, whatever time the signer claims.
      const claimed = v.signingTime ? new Date(v.signingTime) : null;
      v.checks.certificateValidAtSigningTime = claimed === null || (claimed >= new Date(x.validFrom) && claimed <= new Date(x.validTo));
      signerDer = der;
    }
  } catch {
    v.checks.signatureVerified = false;
  }
  if (signerDer) {
    const bundled = (signedData.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => new Uint8Array(c.toSchema().toBER(false)));
    v.path = validateSignerPath({ signer: signerDer, bundled, trusted: opts.trusted ?? [], now: opts.now });
    v.checks.certificateTrusted = v.path.trusted;
  }
  if (!v.checks.signatureVerified) v.problems.push('The CMS signature does not verify against the signer certificate.');
  if (v.signer && !v.checks.signingCertificateV2Matches)
    v.problems.push('The signing-certificate-v2 attribute is missing or names a different certificate.');
  if (v.signer && !v.checks.certificateValidAtSigningTime)
    v.problems.push('The signer certificate was not valid at the signing time the signature claims.');
  if (v.checks.subFilter !== 'ETSI.CAdES.detached')
    v.problems.push(`The signature type is ${v.checks.subFilter ?? 'missing'}, not ETSI.CAdES.detached (PAdES).`);
  if (v.path?.failure) v.problems.push(`Not trusted: ${v.path.failure.message}`);

  const c = v.checks;
  const intact =
    c.digestMatches &&
    c.signatureVerified &&
    c.signingCertificateV2Matches &&
    c.certificateValidAtSigningTime &&
    c.subFilter === 'ETSI.CAdES.detached';
  v.status = !intact ? 'invalid' : !c.coversWholeFile ? 'modified-after-signing' : !c.certificateTrusted ? 'untrusted' : 'valid';
  return v;
}
