// Certificate path validation for report signers (RFC 5280, section 6.1, without
// revocation and without policy processing): from the signer through the certificates
// carried in the signature to a trusted certificate, every issuer must be a CA allowed to
// issue at that depth, every link's signature must check, every certificate must be
// valid at the verification time, and the signer must be allowed to sign documents.
// The rules and their reasons: docs/report-signatures.md.
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AttestError } from '../errors';
import { toArrayBuffer } from './cms';

export type PathFailureReason =
  | 'not-a-ca'
  | 'no-key-cert-sign'
  | 'path-too-long'
  | 'issuer-extended-key-usage'
  | 'signer-key-usage'
  | 'signer-extended-key-usage'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-link-signature'
  | 'unknown-critical-extension'
  | 'unsupported-constraints'
  | 'malformed-extension'
  | 'self-signed-not-trusted'
  | 'no-trusted-issuer'
  | 'too-many-candidates';

export interface PathCertificate {
  commonName: string;
  subject: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
}

export interface PathFailure {
  /** The certificate the path fails at. */
  certificate: PathCertificate;
  reason: PathFailureReason;
  /** One sentence naming the certificate and what is wrong with it. */
  message: string;
}

export interface PathResult {
  trusted: boolean;
  /** The path checked, signer first, trusted certificate last (the longest one tried when none reaches trust). */
  chain: PathCertificate[];
  failure: PathFailure | null;
  /** The verification time every certificate was checked against (ISO). */
  checkedAt: string;
}

export interface PathInput {
  signer: Uint8Array;
  /** Certificates carried in the signature: candidates for intermediates, never trusted by themselves. */
  bundled: Uint8Array[];
  /** Trusted certificates as PEM text, or SHA-256 fingerprints (hex, colons optional). */
  trusted: string[];
  /** Verification time: the verifier's clock, never a time taken from the signature. */
  now: Date;
}

const EXT = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  nameConstraints: '2.5.29.30',
  policyConstraints: '2.5.29.36',
} as const;

/**
 * Extensions that may be critical: those checked here, and those that cannot change the
 * outcome without policy constraints (which are refused, see below) or that only inform.
 */
const UNDERSTOOD = new Set<string>([
  EXT.basicConstraints,
  EXT.keyUsage,
  EXT.extKeyUsage,
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  '2.5.29.32', // certificatePolicies
  '2.5.29.33', // policyMappings
  '2.5.29.54', // inhibitAnyPolicy
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.46', // freshestCRL
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '1.3.6.1.5.5.7.1.11', // subjectInfoAccess
]);

/** Name and policy constraints restrict what a CA may issue; not processing them must not mean ignoring them. */
const REFUSED = new Map<string, string>([
  [EXT.nameConstraints, 'name constraints'],
  [EXT.policyConstraints, 'policy constraints'],
]);

/** Extended key usages that allow signing a document: S/MIME, RFC 9336 document signing, Adobe's PDF signing, and any. */
export const SIGNING_EKUS = new Map<string, string>([
  ['1.3.6.1.5.5.7.3.4', 'emailProtection'],
  ['1.3.6.1.5.5.7.3.36', 'documentSigning'],
  ['1.2.840.113583.1.1.5', 'Adobe authenticDocumentsTrust'],
  ['2.5.29.37.0', 'anyExtendedKeyUsage'],
]);

const KU = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5 } as const;
const MAX_DEPTH = 10;
const MAX_PATHS = 16;
/** Certificates sharing names could otherwise make the search grow factorially. */
const MAX_STEPS = 2000;

interface Cert {
  /** Normalised SHA-256 fingerprint. */
  id: string;
  x: X509Certificate;
  p: pkijs.Certificate;
  view: PathCertificate;
}

export function normaliseFingerprint(fp: string): string {
  return fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
}

function load(der: Uint8Array): Cert {
  const x = new X509Certificate(Buffer.from(der));
  return {
    id: normaliseFingerprint(x.fingerprint256),
    x,
    p: pkijs.Certificate.fromBER(toArrayBuffer(der)),
    view: {
      commonName: /(?:^|\n)CN=([^\n]*)/.exec(x.subject)?.[1] ?? x.subject.replace(/\n/g, ', '),
      subject: x.subject.replace(/\n/g, ', '),
      fingerprint: x.fingerprint256,
      notBefore: new Date(x.validFrom).toISOString(),
      notAfter: new Date(x.validTo).toISOString(),
    },
  };
}

/** A carried certificate that cannot be read is no candidate issuer; the path then fails on its absence. */
function loadOrSkip(der: Uint8Array): Cert[] {
  try {
    return [load(der)];
  } catch {
    return [];
  }
}

const fp = (c: Cert) => c.id;
const selfIssued = (c: Cert) => c.x.issuer === c.x.subject;

function bit(bits: asn1js.BitString, n: number): boolean {
  const bytes = bits.valueBlock.valueHexView;
  return ((bytes[n >> 3] ?? 0) >> (7 - (n & 7))) & 1 ? true : false;
}

function pathLen(v: number | asn1js.Integer | undefined): number | undefined {
  if (v === undefined || typeof v === 'number') return v;
  return Number(v.toBigInt());
}

interface Extensions {
  basic?: pkijs.BasicConstraints;
  keyUsage?: asn1js.BitString;
  eku?: string[];
}

class PathError extends Error {
  constructor(
    readonly cert: Cert,
    readonly reason: PathFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** The extensions this module acts on; throws for duplicates, unreadable values and refused or unknown critical ones. */
function extensionsOf(c: Cert): Extensions {
  const name = `"${c.view.commonName}"`;
  const out: Extensions = {};
  const seen = new Set<string>();
  for (const e of c.p.extensions ?? []) {
    if (seen.has(e.extnID)) throw new PathError(c, 'malformed-extension', `The certificate ${name} carries extension ${e.extnID} twice.`);
    seen.add(e.extnID);
    const refused = REFUSED.get(e.extnID);
    if (refused)
      throw new PathError(
        c,
        'unsupported-constraints',
        `The certificate ${name} carries ${refused}, which Attest does not evaluate; the path is refused rather than accepted without them.`,
      );
    if (e.critical && !UNDERSTOOD.has(e.extnID))
      throw new PathError(
        c,
        'unknown-critical-extension',
        `The certificate ${name} carries a critical extension Attest does not understand (${e.extnID}).`,
      );
    let parsed: unknown;
    try {
      parsed = e.parsedValue;
    } catch {
      parsed = undefined;
    }
    const bad = () => new PathError(c, 'malformed-extension', `The certificate ${name} has an unreadable ${e.extnID} extension.`);
    if (e.extnID === EXT.basicConstraints) {
      if (!(parsed instanceof pkijs.BasicConstraints)) throw bad();
      out.basic = parsed;
    } else if (e.extnID === EXT.keyUsage) {
      if (!(parsed instanceof asn1js.BitString)) throw bad();
      out.keyUsage = parsed;
    } else if (e.extnID === EXT.extKeyUsage) {
      if (!(parsed instanceof pkijs.ExtKeyUsage)) throw bad();
      out.eku = parsed.keyPurposes;
    }
  }
  return out;
}

function checkTime(c: Cert, now: Date): void {
  const name = `"${c.view.commonName}"`;
  if (now < new Date(c.x.validFrom))
    throw new PathError(
      c,
      'not-yet-valid',
      `The certificate ${name} is not valid until ${c.view.notBefore}; the verification time is ${now.toISOString()}.`,
    );
  if (now > new Date(c.x.validTo))
    throw new PathError(
      c,
      'expired',
      `The certificate ${name} expired on ${c.view.notAfter}; the verification time is ${now.toISOString()}.`,
    );
}

function checkSigner(c: Cert, ext: Extensions): void {
  const name = `"${c.view.commonName}"`;
  if (ext.keyUsage && !bit(ext.keyUsage, KU.digitalSignature) && !bit(ext.keyUsage, KU.nonRepudiation))
    throw new PathError(
      c,
      'signer-key-usage',
      `The signer certificate ${name} does not allow signing: its key usage has neither digitalSignature nor nonRepudiation.`,
    );
  if (ext.eku && !ext.eku.some((o) => SIGNING_EKUS.has(o)))
    throw new PathError(
      c,
      'signer-extended-key-usage',
      `The signer certificate ${name} does not allow document signing: its extended key usage (${ext.eku.join(', ')}) has none of ${[...SIGNING_EKUS.values()].join(', ')}.`,
    );
}

/** `below`: CA certificates between this issuer and the signer, not counting self-issued ones. */
function checkIssuer(c: Cert, ext: Extensions, below: number): void {
  const name = `"${c.view.commonName}"`;
  if (!ext.basic?.cA)
    throw new PathError(c, 'not-a-ca', `The certificate ${name} issued another certificate but is not a CA (no basicConstraints cA=true).`);
  if (ext.keyUsage && !bit(ext.keyUsage, KU.keyCertSign))
    throw new PathError(
      c,
      'no-key-cert-sign',
      `The CA certificate ${name} issued another certificate but its key usage does not include keyCertSign.`,
    );
  const limit = pathLen(ext.basic.pathLenConstraint);
  if (limit !== undefined && below > limit)
    throw new PathError(
      c,
      'path-too-long',
      `The CA certificate ${name} allows ${limit} intermediate CA certificate(s) below it (pathLenConstraint) but the path has ${below}.`,
    );
  if (ext.eku && !ext.eku.some((o) => SIGNING_EKUS.has(o)))
    throw new PathError(
      c,
      'issuer-extended-key-usage',
      `The CA certificate ${name} is restricted by its extended key usage (${ext.eku.join(', ')}) to purposes other than document signing.`,
    );
}

/** Checks one complete path, signer first and trusted certificate last; throws the first failure found walking up. */
function checkPath(path: Cert[], now: Date): void {
  let casBelow = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    const ext = extensionsOf(c);
    if (i === 0) checkSigner(c, ext);
    else {
      checkIssuer(c, ext, casBelow);
      if (!selfIssued(c)) casBelow++;
    }
    checkTime(c, now);
    const issuer = path[i + 1];
    if (issuer && !c.x.verify(issuer.x.publicKey))
      throw new PathError(
        c,
        'bad-link-signature',
        `The signature on the certificate "${c.view.commonName}" does not check with the key of its issuer "${issuer.view.commonName}".`,
      );
  }
}

function failureOf(err: unknown): PathFailure {
  if (err instanceof PathError) return { certificate: err.cert.view, reason: err.reason, message: err.message };
  throw err;
}

function parseTrust(trusted: string[]): { anchors: Cert[]; pins: Set<string> } {
  const pins = new Set(trusted.filter((t) => !t.includes('-----BEGIN')).map(normaliseFingerprint));
  const anchors: Cert[] = [];
  for (const t of trusted.filter((t) => t.includes('-----BEGIN'))) {
    for (const pem of t.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []) {
      try {
        anchors.push(load(new Uint8Array(new X509Certificate(pem).raw)));
      } catch (cause) {
        throw new AttestError(
          'CERTIFICATE_UNREADABLE',
          'A certificate given as trusted is not a readable X.509 certificate; export it again as PEM.',
          { cause },
        );
      }
    }
  }
  for (const a of anchors) pins.add(fp(a));
  return { anchors, pins };
}

/**
 * Finds the paths from the signer to a trusted certificate and validates them; the
 * signer is trusted when one path passes every check.
 */
export function validateSignerPath(input: PathInput): PathResult {
  const { anchors, pins } = parseTrust(input.trusted);
  const signer = load(input.signer);
  const pool = new Map<string, Cert>();
  for (const c of [...anchors, ...input.bundled.flatMap(loadOrSkip)]) if (!pool.has(fp(c))) pool.set(fp(c), c);
  const checkedAt = input.now.toISOString();

  const complete: Cert[][] = [];
  let longest: Cert[] = [signer];
  let steps = 0;
  const walk = (path: Cert[]) => {
    if (complete.length >= MAX_PATHS || ++steps > MAX_STEPS) return;
    const last = path.at(-1)!;
    if (pins.has(fp(last))) {
      complete.push(path);
      return;
    }
    if (path.length > longest.length) longest = path;
    if (path.length >= MAX_DEPTH) return;
    for (const c of pool.values()) {
      if (path.some((p) => fp(p) === fp(c))) continue;
      if (last.x.issuer === c.x.subject) walk([...path, c]);
    }
  };
  walk([signer]);

  let first: PathFailure | null = null;
  for (const path of complete) {
    try {
      checkPath(path, input.now);
      return { trusted: true, chain: path.map((c) => c.view), failure: null, checkedAt };
    } catch (err) {
      first ??= failureOf(err);
    }
  }
  if (first) return { trusted: false, chain: complete[0]!.map((c) => c.view), failure: first, checkedAt };

  const top = longest.at(-1)!;
  if (steps > MAX_STEPS)
    return {
      trusted: false,
      chain: longest.map((c) => c.view),
      failure: {
        certificate: signer.view,
        reason: 'too-many-candidates',
        message: `The certificates carried with "${signer.view.commonName}" form too many candidate paths; Attest gave up after ${MAX_STEPS} steps without reaching a trusted certificate.`,
      },
      checkedAt,
    };
  const failure: PathFailure = selfIssued(top)
    ? {
        certificate: top.view,
        reason: 'self-signed-not-trusted',
        message: `The certificate "${top.view.commonName}" is self-signed and is not among the trusted identities.`,
      }
    : {
        certificate: top.view,
        reason: 'no-trusted-issuer',
        message: `The issuer of "${top.view.commonName}" (${top.x.issuer.replace(/\n/g, ', ')}) is neither trusted nor carried in the signature.`,
      };
  return { trusted: false, chain: longest.map((c) => c.view), failure, checkedAt };
}
