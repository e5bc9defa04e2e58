// A small certificate authority made with the openssl command line, for path-validation
// tests: keys, self-signed roots and issued certificates with chosen extensions and exact
// validity dates (`openssl ca -startdate/-enddate`), and `openssl verify` as the outside
// judge of a chain at a chosen time.
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCertificate, type SigningIdentity } from '../../../main/core/signing/identity';
import { run, tempDir } from '../report/pdf-tools';

export interface Issued {
  name: string;
  pemPath: string;
  keyPath: string;
  pem: string;
  der: Uint8Array;
}

export interface CertSpec {
  /** Common name; the subject is CN=<cn>, O=Attest Test. */
  cn: string;
  /** The issuing certificate; absent for a self-signed one. */
  issuer?: Issued;
  /** Extension lines in openssl config syntax. */
  ext: string[];
  /** Validity as openssl dates, YYYYMMDDHHMMSSZ. */
  from: string;
  to: string;
  /** Reuse the key of this certificate instead of making a new one. */
  sameKeyAs?: Issued;
}

/** A Date as openssl's validity format, YYYYMMDDHHMMSSZ. */
export function opensslDate(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

export const EXT = {
  ca: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash'],
  signer: [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,nonRepudiation',
    'extendedKeyUsage=emailProtection',
    'subjectKeyIdentifier=hash',
  ],
};

export class TestPki {
  private readonly tmp = tempDir('attest-pki-');
  private count = 0;
  readonly dir = this.tmp.dir;

  constructor() {
    writeFileSync(join(this.dir, 'index.txt'), '');
    writeFileSync(join(this.dir, 'serial'), '1000\n');
    writeFileSync(
      join(this.dir, 'ca.cnf'),
      [
        '[ca]',
        'default_ca = ca_default',
        '[ca_default]',
        `database = ${join(this.dir, 'index.txt')}`,
        `new_certs_dir = ${this.dir}`,
        `serial = ${join(this.dir, 'serial')}`,
        'default_md = sha256',
        'policy = policy_any',
        'unique_subject = no',
        'email_in_dn = no',
        'copy_extensions = none',
        '[policy_any]',
        'commonName = supplied',
        'organizationName = optional',
        '',
      ].join('\n'),
    );
  }

  private openssl(args: string[]): string {
    const r = run('openssl', args);
    assert.equal(r.status, 0, `openssl ${args.slice(0, 2).join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  file(name: string, text?: string): string {
    const p = join(this.dir, name);
    if (text !== undefined) writeFileSync(p, text);
    return p;
  }

  issue(spec: CertSpec): Issued {
    const name = `c${++this.count}`;
    const keyPath = spec.sameKeyAs?.keyPath ?? this.file(`${name}.key`);
    const csrPath = this.file(`${name}.csr`);
    const pemPath = this.file(`${name}.pem`);
    const extPath = this.file(`${name}.ext`, `${spec.ext.join('\n')}\n`);
    if (!spec.sameKeyAs) this.openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPath]);
    this.openssl(['req', '-new', '-key', keyPath, '-subj', `/CN=${spec.cn}/O=Attest Test`, '-out', csrPath]);
    const signer = spec.issuer ? ['-cert', spec.issuer.pemPath, '-keyfile', spec.issuer.keyPath] : ['-selfsign', '-keyfile', keyPath];
    this.openssl([
      'ca',
      '-batch',
      '-config',
      this.file('ca.cnf'),
      '-notext',
      '-startdate',
      spec.from,
      '-enddate',
      spec.to,
      '-extfile',
      extPath,
      '-in',
      csrPath,
      '-out',
      pemPath,
      ...signer,
    ]);
    const pem = readFileSync(pemPath, 'utf8');
    return { name, pemPath, keyPath, pem, der: new Uint8Array(new X509Certificate(pem).raw) };
  }

  /** A signing identity of `leaf`, carrying `chain` (its issuers, nearest first) in the signature. */
  identity(leaf: Issued, chain: Issued[]): SigningIdentity {
    const key = createPrivateKey(readFileSync(leaf.keyPath));
    return {
      privateKeyPkcs8: new Uint8Array(key.export({ type: 'pkcs8', format: 'der' })),
      certificate: leaf.der,
      chain: chain.map((c) => c.der),
      ...describeCertificate(leaf.der),
    };
  }

  /** A PKCS#12 file of `leaf` with its key and `chain`, as a CA or openssl would hand it out. */
  pkcs12(leaf: Issued, chain: Issued[], passphrase: string): string {
    const out = this.file(`${leaf.name}.p12`);
    const args = ['pkcs12', '-export', '-inkey', leaf.keyPath, '-in', leaf.pemPath, '-out', out, '-passout', `pass:${passphrase}`];
    if (chain.length) args.push('-certfile', this.file(`${leaf.name}-chain.pem`, chain.map((c) => c.pem).join('')));
    this.openssl(args);
    return out;
  }

  /** `openssl verify -purpose smimesign` of `leaf` at `at`, trusting only `root`. */
  verify(root: Issued, intermediates: Issued[], leaf: Issued, at: Date): { ok: boolean; output: string } {
    const args = ['verify', '-purpose', 'smimesign', '-attime', String(Math.floor(at.getTime() / 1000)), '-CAfile', root.pemPath];
    if (intermediates.length) args.push('-untrusted', this.file(`${leaf.name}-untrusted.pem`, intermediates.map((c) => c.pem).join('')));
    const r = run('openssl', [...args, leaf.pemPath]);
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
  }

  cleanup(): void {
    this.tmp.cleanup();
  }
}
