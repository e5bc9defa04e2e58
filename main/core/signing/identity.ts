// Signing identities: import a PKCS#12 (from Attest or any CA/openssl), or generate a
// self-signed RSA-3072 identity exported as PKCS#12. The passphrase is always passed
// in; keeping it in the keychain is the caller's job.
import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { AttestError } from '../errors';

export interface SigningIdentity {
  /** Private key, PKCS#8 DER. Keep in memory only. */
  privateKeyPkcs8: Uint8Array;
  /** Signer certificate, DER. */
  certificate: Uint8Array;
  /** Other certificates from the PKCS#12 (issuers), DER, nearest issuer first when known. */
  chain: Uint8Array[];
  /** SHA-256 of the signer certificate DER, uppercase hex with colons (as openssl prints it). */
  fingerprint: string;
  subject: string;
  commonName: string;
  notAfter: string;
}

function derToBytes(der: string): Uint8Array {
  return Uint8Array.from(Buffer.from(der, 'binary'));
}

export function describeCertificate(der: Uint8Array): { fingerprint: string; subject: string; commonName: string; notAfter: string } {
  const x = new X509Certificate(Buffer.from(der));
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(x.subject)?.[1] ?? x.subject;
  return {
    fingerprint: x.fingerprint256,
    subject: x.subject.replace(/\n/g, ', '),
    commonName: cn,
    notAfter: new Date(x.validTo).toISOString(),
  };
}

/**
 * Refuses a signing time outside the validity of the signer's certificate or of any
 * certificate in its chain: such a report would never verify as valid.
 */
export function assertSignerValidAt(identity: Pick<SigningIdentity, 'certificate' | 'chain' | 'commonName'>, at: Date): void {
  for (const der of [identity.certificate, ...identity.chain]) {
    const x = new X509Certificate(Buffer.from(der));
    const from = new Date(x.validFrom);
    const to = new Date(x.validTo);
    if (at < from || at > to) {
      const whose =
        der === identity.certificate
          ? `The signing certificate of "${identity.commonName}"`
          : `A certificate in the chain of "${identity.commonName}" (${x.subject.replace(/\n/g, ', ')})`;
      throw new AttestError(
        'REPORT_TIME_OUTSIDE_SIGNER_VALIDITY',
        `${whose} is valid from ${from.toISOString()} to ${to.toISOString()}; a report issued at ${at.toISOString()} would not verify. Choose an issue time inside that period, or another signer.`,
      );
    }
  }
}

/** Reads key and certificates from PKCS#12 bytes protected by `passphrase`. */
export function importPkcs12(p12: Uint8Array, passphrase: string): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/mac|password|invalid/i.test(msg))
      throw new AttestError(
        'SIGNING_P12_WRONG_PASSPHRASE',
        'The signing identity could not be opened: the passphrase is wrong or the file is damaged. Check the passphrase and try again.',
        { cause: e },
      );
    throw new AttestError(
      'SIGNING_P12_UNREADABLE',
      'The file is not a PKCS#12 signing identity Attest can read. Export it again as a .p12/.pfx file with its private key.',
      { cause: e },
    );
  }
  const shrouded = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const plainKey = forge.pki.oids.keyBag as string;
  const certOid = forge.pki.oids.certBag as string;
  const keyBags: forge.pkcs12.Bag[] = [
    ...(parsed.getBags({ bagType: shrouded })[shrouded] ?? []),
    ...(parsed.getBags({ bagType: plainKey })[plainKey] ?? []),
  ];
  const certBags: forge.pkcs12.Bag[] = parsed.getBags({ bagType: certOid })[certOid] ?? [];
  const keyBag = keyBags.find((b) => b.key);
  if (!keyBag?.key)
    throw new AttestError(
      'SIGNING_P12_NO_KEY',
      'The PKCS#12 file holds no private key it can sign with. Export the identity again including its private key.',
    );
  if (certBags.length === 0)
    throw new AttestError(
      'SIGNING_P12_NO_CERT',
      'The PKCS#12 file holds no certificate. Export the identity again including its certificate.',
    );
  const rsaKey = keyBag.key as forge.pki.rsa.PrivateKey;
  if (!('n' in rsaKey))
    throw new AttestError('SIGNING_KEY_UNSUPPORTED', 'Only RSA signing keys are supported. Use an RSA identity (2048 bits or more).');
  const pkcs8 = derToBytes(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(rsaKey))).getBytes());

  // The signer certificate is the one whose public key matches the private key.
  const certs = certBags.filter((b) => b.cert).map((b) => b.cert as forge.pki.Certificate);
  const signer = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return 'n' in pub && pub.n.equals(rsaKey.n) && pub.e.equals(rsaKey.e);
  });
  if (!signer)
    throw new AttestError(
      'SIGNING_P12_KEY_MISMATCH',
      'No certificate in the PKCS#12 file matches its private key. Export the identity again from the original source.',
    );
  const certDer = (c: forge.pki.Certificate) => derToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes());
  const certificate = certDer(signer);
  const others = certs.filter((c) => c !== signer);
  // Order the chain from the signer upwards where issuers are present.
  const chain: Uint8Array[] = [];
  let current = signer;
  while (others.length) {
    const i = others.findIndex((c) => c.subject.hash === current.issuer.hash);
    if (i < 0) break;
    current = others.splice(i, 1)[0]!;
    chain.push(certDer(current));
  }
  chain.push(...others.map(certDer));
  return { privateKeyPkcs8: pkcs8, certificate, chain, ...describeCertificate(certificate) };
}

export interface NewIdentityInput {
  commonName: string;
  organisation: string;
  passphrase: string;
  /** Start of validity (the core's clock). The identity is valid for five years. */
  now: Date;
}

/** Generates an RSA-3072 self-signed identity and returns it with its PKCS#12 export. */
export function generateSelfSignedIdentity(input: NewIdentityInput): { identity: SigningIdentity; p12: Uint8Array } {
  if (!input.commonName.trim())
    throw new AttestError('SIGNING_NAME_REQUIRED', 'A signing identity needs a name; enter the signer name and try again.');
  if (input.passphrase.length < 8)
    throw new AttestError('SIGNING_PASSPHRASE_TOO_SHORT', 'Choose a passphrase of at least 8 characters to protect the signing identity.');
  // node:crypto generates the key natively (forge's pure-JS RSA-3072 takes many seconds).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072, publicExponent: 0x10001 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const pub = forge.pki.setRsaPublicKey(key.n, key.e);

  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  // Positive serial of 16 random bytes (top bit cleared).
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  const from = input.now;
  cert.validity.notBefore = new Date(from.getTime() - 60_000);
  cert.validity.notAfter = new Date(from.getTime());
  cert.validity.notAfter.setUTCFullYear(from.getUTCFullYear() + 5);
  const attrs = [
    { shortName: 'CN', value: input.commonName.trim() },
    { shortName: 'O', value: input.organisation.trim() || input.commonName.trim() },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());

  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], input.passphrase, {
    algorithm: 'aes256',
    friendlyName: input.commonName.trim(),
    generateLocalKeyId: true,
  });
  const p12 = derToBytes(forge.asn1.toDer(asn1).getBytes());
  const certificate = derToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
  const pkcs8 = Uint8Array.from(createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' }));
  return { identity: { privateKeyPkcs8: pkcs8, certificate, chain: [], ...describeCertificate(certificate) }, p12 };
}

export function certificatePem(der: Uint8Array): string {
  return new X509Certificate(Buffer.from(der)).toString();
}
