// A throw-away test CA and leaf certificates (node:crypto keys, node-forge certificates),
// so TLS servers on 127.0.0.1 can present chains that verify only against this CA.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

export interface LeafOptions {
  commonName: string;
  dnsNames?: string[];
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Sign with the CA (default) or self-sign. */
  selfSigned?: boolean;
}

function rsaKey(): { key: forge.pki.rsa.PrivateKey; pub: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { key, pub: forge.pki.setRsaPublicKey(key.n, key.e), pem };
}

const DAY = 86_400_000;

export class TestPki {
  readonly ca: KeyAndCert;
  private readonly caKey: forge.pki.rsa.PrivateKey;
  private readonly caCert: forge.pki.Certificate;

  constructor(name = 'Attest Test CA') {
    const { key, pub, pem } = rsaKey();
    const cert = forge.pki.createCertificate();
    cert.publicKey = pub;
    cert.serialNumber = '01' + randomBytes(8).toString('hex');
    cert.validity.notBefore = new Date(Date.now() - DAY);
    cert.validity.notAfter = new Date(Date.now() + 365 * DAY);
    const attrs = [{ name: 'commonName', value: name }];
    cert.setSubject(attrs);
    cert.setIssuer(attrs);
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    cert.sign(key, forge.md.sha256.create());
    this.caKey = key;
    this.caCert = cert;
    this.ca = { keyPem: pem, certPem: forge.pki.certificateToPem(cert) };
  }

  leaf(options: LeafOptions): KeyAndCert {
    const { key, pub, pem } = rsaKey();
    const cert = forge.pki.createCertificate();
    cert.publicKey = pub;
    cert.serialNumber = '02' + randomBytes(8).toString('hex');
    cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - DAY);
    cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 200 * DAY);
    cert.setSubject([{ name: 'commonName', value: options.commonName }]);
    cert.setIssuer(options.selfSigned ? [{ name: 'commonName', value: options.commonName }] : this.caCert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...(options.dnsNames ?? []).map((value) => ({ type: 2, value })), ...(options.ips ?? []).map((ip) => ({ type: 7, ip }))],
      },
    ]);
    cert.sign(options.selfSigned ? key : this.caKey, forge.md.sha256.create());
    return { keyPem: pem, certPem: forge.pki.certificateToPem(cert) };
  }
}
