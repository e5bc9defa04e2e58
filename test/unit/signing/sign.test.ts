import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import type { ReportModel } from '../../../main/core/report/model';
import { renderReport } from '../../../main/core/report/render';
import { SIGNATURE_BOX } from '../../../main/core/report/theme';
import { certificatePem, generateSelfSignedIdentity, importPkcs12, type SigningIdentity } from '../../../main/core/signing/identity';
import { signPdf } from '../../../main/core/signing/sign';
import { verifyPdfSignature } from '../../../main/core/signing/verify';
import { requirePart } from '../../support/require';
import { engagementFixture } from '../report/fixtures/engagement';
import { vendorFixture } from '../report/fixtures/vendor';
import { hasTool, run, tempDir } from '../report/pdf-tools';

const issuedAt = new Date('2026-11-20T09:00:00Z');
const signingTime = new Date('2026-11-20T09:05:00Z');
const passphrase = 'correct horse battery staple';
let identity: SigningIdentity;
let p12: Uint8Array;
const rendered = new Map<string, Uint8Array>();

before(async () => {
  ({ identity, p12 } = generateSelfSignedIdentity({
    commonName: 'Dr. Amara Okafor',
    organisation: 'Halvard Assurance Partners',
    passphrase,
    now: issuedAt,
  }));
  rendered.set('engagement', await renderReport(engagementFixture(), { issuedAt }));
  rendered.set('vendor', await renderReport(vendorFixture(), { issuedAt }));
});

function signReport(pdf: Uint8Array, model: ReportModel, id: SigningIdentity, at = signingTime) {
  return signPdf(pdf, {
    identity: id,
    signerName: model.signOff.signer.name,
    reason: model.signOff.reason,
    location: model.signOff.location,
    signingTime: at,
    box: SIGNATURE_BOX,
  });
}

function pdfsig(path: string): string {
  const r = run('pdfsig', [path]);
  return r.stdout + r.stderr; // pdfsig exits 0 even when the signature is bad: read its words
}

const tools = () => hasTool('pdfsig') && hasTool('qpdf');

for (const [kind, model] of [
  ['engagement', engagementFixture()],
  ['vendor', vendorFixture()],
] as const) {
  test(`${kind} report: pdfsig says valid, qpdf --check passes, Attest says valid with the pinned fingerprint`, async (t) => {
    if (!requirePart(t, tools(), 'poppler pdfsig and qpdf')) return;
    const tmp = tempDir('attest-sign-');
    try {
      const signed = await signReport(rendered.get(kind)!, model, identity);
      const path = tmp.file(`${kind}.pdf`, signed.bytes);
      const sig = pdfsig(path);
      assert.match(sig, /Signature Validation: Signature is Valid\./);
      assert.match(sig, /Signature Type: ETSI\.CAdES\.detached/);
      assert.match(sig, /Total document signed/);
      assert.match(sig, /Signer Certificate Common Name: Dr\. Amara Okafor/);
      assert.equal(run('qpdf', ['--check', path]).status, 0, 'qpdf --check exits 0');

      const verdict = await verifyPdfSignature(signed.bytes, { trusted: [identity.fingerprint], now: signingTime });
      assert.equal(verdict.status, 'valid', verdict.problems.join(' '));
      assert.deepEqual(verdict.byteRange, signed.byteRange);
      assert.equal(verdict.appendedBytes, 0);
      assert.equal(verdict.checks.signingCertificateV2Matches, true);
      assert.equal(verdict.signer?.fingerprint, identity.fingerprint);
      assert.equal(verdict.reason, model.signOff.reason);
      assert.equal(verdict.location, model.signOff.location);
      assert.equal(verdict.signingTime, signingTime.toISOString());
      // The unsigned original is a byte-for-byte prefix of the signed file (incremental update).
      const original = rendered.get(kind)!;
      assert.ok(Buffer.from(signed.bytes.subarray(0, original.length)).equals(Buffer.from(original)));
    } finally {
      tmp.cleanup();
    }
  });
}

test('one flipped byte inside the signed range: pdfsig and Attest both say invalid', async (t) => {
  if (!requirePart(t, tools(), 'poppler pdfsig and qpdf')) return;
  const tmp = tempDir('attest-tamper-');
  try {
    const signed = await signReport(rendered.get('engagement')!, engagementFixture(), identity);
    const bytes = Uint8Array.from(signed.bytes);
    // Flip one letter of the document title in the Info dictionary: the file still parses.
    const at = Buffer.from(bytes).indexOf('Platform Security Assessment 2026', 0, 'latin1');
    assert.ok(at > 0 && at < signed.byteRange[1]);
    bytes[at] = bytes[at]! ^ 0x01;
    const sig = pdfsig(tmp.file('tampered.pdf', bytes));
    assert.doesNotMatch(sig, /Signature is Valid/);
    assert.match(sig, /Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    const verdict = await verifyPdfSignature(bytes, { trusted: [identity.fingerprint], now: signingTime });
    assert.equal(verdict.status, 'invalid');
    assert.equal(verdict.checks.digestMatches, false);
    assert.equal(verdict.checks.signatureVerified, false, 'pkijs reports the signature as not verified');

    // A flipped byte inside the signature value itself breaks the CMS signature.
    const inSig = Uint8Array.from(signed.bytes);
    const sigHex = Buffer.from(inSig).toString('latin1', signed.byteRange[1] + 1, signed.byteRange[2] - 1);
    const pos = signed.byteRange[1] + 1 + sigHex.search(/0{64}/) - 40; // inside the RSA signature near the end of the DER
    inSig[pos] = inSig[pos] === 0x41 ? 0x42 : 0x41;
    assert.equal((await verifyPdfSignature(inSig, { trusted: [identity.fingerprint], now: signingTime })).status, 'invalid');
  } finally {
    tmp.cleanup();
  }
});

test('bytes appended after signing are detected and counted', async (t) => {
  if (!requirePart(t, tools(), 'poppler pdfsig and qpdf')) return;
  const tmp = tempDir('attest-append-');
  try {
    const signed = await signReport(rendered.get('vendor')!, vendorFixture(), identity);
    const extra = Buffer.from('\n% appended after signing\n1 0 obj\n<< >>\nendobj\n', 'latin1');
    const bytes = Buffer.concat([signed.bytes, extra]);
    const verdict = await verifyPdfSignature(bytes, { trusted: [identity.fingerprint], now: signingTime });
    assert.equal(verdict.status, 'modified-after-signing');
    assert.equal(verdict.appendedBytes, extra.length);
    assert.equal(verdict.checks.digestMatches, true, 'the signed revision itself is intact');
    assert.match(pdfsig(tmp.file('appended.pdf', bytes)), /does not cover (the )?(whole|entire) document|Not total document signed/i);
  } finally {
    tmp.cleanup();
  }
});

test('an untrusted certificate gives "untrusted", not "valid"', async () => {
  const signed = await signReport(rendered.get('vendor')!, vendorFixture(), identity);
  const other = generateSelfSignedIdentity({ commonName: 'Someone Else', organisation: 'Elsewhere', passphrase, now: issuedAt });
  const none = await verifyPdfSignature(signed.bytes, { now: signingTime });
  assert.equal(none.status, 'untrusted');
  assert.equal(none.checks.signatureVerified, true);
  const wrongPin = await verifyPdfSignature(signed.bytes, {
    trusted: [other.identity.fingerprint, certificatePem(other.identity.certificate)],
    now: signingTime,
  });
  assert.equal(wrongPin.status, 'untrusted');
  const byPem = await verifyPdfSignature(signed.bytes, { trusted: [certificatePem(identity.certificate)], now: signingTime });
  assert.equal(byPem.status, 'valid');
  const byBareHex = await verifyPdfSignature(signed.bytes, {
    trusted: [identity.fingerprint.replace(/:/g, '').toLowerCase()],
    now: signingTime,
  });
  assert.equal(byBareHex.status, 'valid');
});

test('an unsigned PDF is reported as unsigned', async () => {
  const verdict = await verifyPdfSignature(rendered.get('vendor')!, { now: signingTime });
  assert.equal(verdict.status, 'unsigned');
});

test('the generated PKCS#12 opens with its passphrase (Attest and openssl) and refuses a wrong one', async (t) => {
  const again = importPkcs12(p12, passphrase);
  assert.equal(again.fingerprint, identity.fingerprint);
  assert.ok(Buffer.from(again.privateKeyPkcs8).equals(Buffer.from(identity.privateKeyPkcs8)));
  assert.throws(
    () => importPkcs12(p12, 'wrong passphrase'),
    (e: unknown) => e instanceof AttestError && e.code === 'SIGNING_P12_WRONG_PASSPHRASE',
  );
  if (!requirePart(t, hasTool('openssl'), 'openssl')) return;
  const tmp = tempDir('attest-p12-');
  try {
    const path = tmp.file('id.p12', p12);
    const r = run('openssl', ['pkcs12', '-in', path, '-nokeys', '-passin', `pass:${passphrase}`]);
    assert.equal(r.status, 0, r.stderr);
    const x = run('openssl', ['x509', '-noout', '-text'], Buffer.from(r.stdout));
    assert.match(x.stdout, /Public-Key: \(3072 bit\)/);
    assert.match(x.stdout, /Digital Signature, Non Repudiation/);
    assert.match(x.stdout, /Subject: CN\s*=\s*Dr\. Amara Okafor, O\s*=\s*Halvard Assurance Partners/);
    const years = (new Date(/Not After : (.*)/.exec(x.stdout)![1]!).getTime() - issuedAt.getTime()) / (365.25 * 86400_000);
    assert.ok(Math.abs(years - 5) < 0.01, `valid five years (${years})`);
  } finally {
    tmp.cleanup();
  }
});

test('identities made by openssl (self-signed, and a leaf under a CA) import, sign, and verify', async (t) => {
  if (!requirePart(t, hasTool('openssl') && tools(), 'openssl, pdfsig and qpdf')) return;
  const tmp = tempDir('attest-openssl-');
  try {
    const f = (n: string) => tmp.file(n);
    const ok = (args: string[]) => {
      const r = run('openssl', args);
      assert.equal(r.status, 0, `openssl ${args[0]}: ${r.stderr}`);
    };
    // A CA and a leaf signed by it, exported with the chain in the PKCS#12 (openssl 3 defaults: AES-256, PBKDF2, SHA-256 MAC).
    ok([
      'req',
      '-x509',
      '-newkey',
      'rsa:3072',
      '-nodes',
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.pem'),
      '-days',
      '3650',
      '-subj',
      '/CN=Halvard Test CA/O=Halvard',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    ok(['req', '-newkey', 'rsa:3072', '-nodes', '-keyout', f('leaf.key'), '-out', f('leaf.csr'), '-subj', '/CN=Jonas Weber/O=Halvard']);
    tmp.file('ext.cnf', Buffer.from('keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n'));
    ok([
      'x509',
      '-req',
      '-in',
      f('leaf.csr'),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-out',
      f('leaf.pem'),
      '-days',
      '730',
      '-extfile',
      f('ext.cnf'),
    ]);
    ok([
      'pkcs12',
      '-export',
      '-inkey',
      f('leaf.key'),
      '-in',
      f('leaf.pem'),
      '-certfile',
      f('ca.pem'),
      '-out',
      f('leaf.p12'),
      '-passout',
      'pass:openssl-pass',
    ]);
    ok([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      f('self.key'),
      '-out',
      f('self.pem'),
      '-days',
      '365',
      '-subj',
      '/CN=Self Signer',
    ]);
    ok(['pkcs12', '-export', '-inkey', f('self.key'), '-in', f('self.pem'), '-out', f('self.p12'), '-passout', 'pass:openssl-pass']);

    const leaf = importPkcs12(readFileSync(f('leaf.p12')), 'openssl-pass');
    assert.equal(leaf.commonName, 'Jonas Weber');
    assert.equal(leaf.chain.length, 1, 'the CA certificate came along');
    // openssl certificates start now, so sign and verify now (the fixed fixture time may predate them).
    const now = new Date();
    const signed = await signReport(rendered.get('vendor')!, vendorFixture(), leaf, now);
    const path = tmp.file('leaf-signed.pdf', signed.bytes);
    assert.match(pdfsig(path), /Signature is Valid\./);
    assert.equal(run('qpdf', ['--check', path]).status, 0);
    const caPem = readFileSync(f('ca.pem'), 'utf8');
    const chained = await verifyPdfSignature(signed.bytes, { trusted: [caPem], now });
    assert.equal(chained.status, 'valid', chained.problems.join(' '));
    assert.equal((await verifyPdfSignature(signed.bytes, { now })).status, 'untrusted');
    // Signed before the certificate existed: the verdict is invalid, whatever the trust.
    const early = await signReport(rendered.get('vendor')!, vendorFixture(), leaf, new Date('2020-01-01T00:00:00Z'));
    const earlyVerdict = await verifyPdfSignature(early.bytes, { trusted: [caPem], now });
    assert.equal(earlyVerdict.status, 'invalid');
    assert.equal(earlyVerdict.checks.certificateValidAtSigningTime, false);

    const self = importPkcs12(readFileSync(f('self.p12')), 'openssl-pass');
    const signedSelf = await signReport(rendered.get('engagement')!, engagementFixture(), self, new Date());
    assert.match(pdfsig(tmp.file('self-signed.pdf', signedSelf.bytes)), /Signature is Valid\./);
    assert.equal((await verifyPdfSignature(signedSelf.bytes, { trusted: [self.fingerprint], now })).status, 'valid');
  } finally {
    tmp.cleanup();
  }
});

test('a signed PDF cannot be signed again, and a non-PDF is refused', async () => {
  const signed = await signReport(rendered.get('vendor')!, vendorFixture(), identity);
  await assert.rejects(
    signReport(signed.bytes, vendorFixture(), identity),
    (e: unknown) => e instanceof AttestError && e.code === 'SIGNING_ALREADY_SIGNED',
  );
  await assert.rejects(
    signReport(new TextEncoder().encode('hello'), vendorFixture(), identity),
    (e: unknown) => e instanceof AttestError && e.code === 'SIGNING_NOT_A_PDF',
  );
});
