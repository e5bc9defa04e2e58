// Certificate path validation of report signers, over a matrix of chains made with
// openssl: for each, a real report is signed and verified, and Attest's verdict is
// compared with `openssl verify -purpose smimesign` at the same time, trusting the same
// root. pdfsig (at the same time, through faketime) confirms that each signature itself
// is intact, so every refusal below is a refusal of the path and nothing else. (pdfsig
// has no trust store here, so it cannot judge the paths themselves.)
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import type { PathFailureReason } from '../../../main/core/signing/path';
import { renderReport } from '../../../main/core/report/render';
import { SIGNATURE_BOX } from '../../../main/core/report/theme';
import { signPdf } from '../../../main/core/signing/sign';
import { verdictSummary } from '../../../main/core/signing/verdict-words';
import { verifyPdfSignature } from '../../../main/core/signing/verify';
import { requirePart } from '../../support/require';
import { vendorFixture } from '../report/fixtures/vendor';
import { hasTool, run } from '../report/pdf-tools';
import { EXT, type Issued, TestPki } from './pki';

/** The verifier's clock in every case. */
const NOW = new Date('2026-11-20T09:00:00Z');
const LONG = { from: '20190101000000Z', to: '20400101000000Z' };
const CURRENT = { from: '20250101000000Z', to: '20350101000000Z' };
const PAST = { from: '20200101000000Z', to: '20240101000000Z' };
const FUTURE = { from: '20300101000000Z', to: '20320101000000Z' };

interface Case {
  name: string;
  leaf: Issued;
  /** Carried in the signature, nearest issuer first. */
  chain: Issued[];
  /** The signing time the signer claims (inside the leaf's validity); default NOW. */
  claimed?: Date;
  /** null: the path is valid; otherwise the reason and the certificate it names. */
  expect: { reason: PathFailureReason; cn: string } | null;
}

let pki: TestPki;
let root: Issued;
let pdf: Uint8Array;
const cases: Case[] = [];

const tools = () => hasTool('openssl') && hasTool('pdfsig') && hasTool('faketime');

before(async () => {
  pdf = await renderReport(vendorFixture(), { issuedAt: NOW });
  if (!tools()) return;
  pki = new TestPki();
  root = pki.issue({ cn: 'Attest Test Root', ext: EXT.ca, ...LONG });
  const int = pki.issue({ cn: 'Attest Test Intermediate', issuer: root, ext: EXT.ca, ...CURRENT });
  const signer = (cn: string, issuer: Issued, validity = CURRENT, ext = EXT.signer) => pki.issue({ cn, issuer, ext, ...validity });

  cases.push({ name: 'good: root, intermediate, signer', leaf: signer('Dana Good', int), chain: [int], expect: null });

  const ordinary = signer('Mallory Ordinary', int);
  cases.push({
    name: 'an end-entity certificate used as an issuer',
    leaf: signer('Dr. Forged Name', ordinary),
    chain: [ordinary, int],
    expect: { reason: 'not-a-ca', cn: 'Mallory Ordinary' },
  });

  // Without key usage, nothing but basicConstraints says it may not issue.
  const noKeyUsage = signer('Olga No Key Usage', int, CURRENT, ['basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=emailProtection']);
  cases.push({
    name: 'an end-entity certificate without key usage used as an issuer',
    leaf: signer('Prof. Forged Too', noKeyUsage),
    chain: [noKeyUsage, int],
    expect: { reason: 'not-a-ca', cn: 'Olga No Key Usage' },
  });
  const noBasic = signer('Ned No Basic Constraints', int, CURRENT, ['keyUsage=critical,digitalSignature,keyCertSign']);
  cases.push({
    name: 'a certificate without basicConstraints (keyCertSign only) used as an issuer',
    leaf: signer('Forged Third', noBasic),
    chain: [noBasic, int],
    expect: { reason: 'not-a-ca', cn: 'Ned No Basic Constraints' },
  });

  const oldInt = pki.issue({ cn: 'Expired Intermediate', issuer: root, ext: EXT.ca, ...PAST });
  cases.push({
    name: 'expired intermediate',
    leaf: signer('Erin Under Expired', oldInt),
    chain: [oldInt],
    expect: { reason: 'expired', cn: 'Expired Intermediate' },
  });

  const encipherOnly = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,keyEncipherment'];
  cases.push({
    name: 'signer key usage without digitalSignature or nonRepudiation',
    leaf: signer('Kim Encipher Only', int, CURRENT, encipherOnly),
    chain: [int],
    expect: { reason: 'signer-key-usage', cn: 'Kim Encipher Only' },
  });

  const serverAuth = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth'];
  cases.push({
    name: 'signer extended key usage serverAuth only',
    leaf: signer('web.example.test', int, CURRENT, serverAuth),
    chain: [int],
    expect: { reason: 'signer-extended-key-usage', cn: 'web.example.test' },
  });

  const zero = pki.issue({
    cn: 'Path Zero CA',
    issuer: root,
    ext: ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign'],
    ...CURRENT,
  });
  const belowZero = pki.issue({ cn: 'CA Below Path Zero', issuer: zero, ext: EXT.ca, ...CURRENT });
  cases.push({
    name: 'path length exceeded',
    leaf: signer('Pat Too Deep', belowZero),
    chain: [belowZero, zero],
    expect: { reason: 'path-too-long', cn: 'Path Zero CA' },
  });
  cases.push({
    name: 'path length respected (pathlen:0, signer directly below)',
    leaf: signer('Pat Shallow', zero),
    chain: [zero],
    expect: null,
  });

  const selfSigned = pki.issue({ cn: 'Sam Self Signed', ext: EXT.signer, ...CURRENT });
  cases.push({
    name: 'self-signed, not pinned',
    leaf: selfSigned,
    chain: [],
    expect: { reason: 'self-signed-not-trusted', cn: 'Sam Self Signed' },
  });

  const noCertSign = pki.issue({
    cn: 'CA Without keyCertSign',
    issuer: root,
    ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,digitalSignature,cRLSign'],
    ...CURRENT,
  });
  cases.push({
    name: 'CA without keyCertSign',
    leaf: signer('Nora Under No Sign', noCertSign),
    chain: [noCertSign],
    expect: { reason: 'no-key-cert-sign', cn: 'CA Without keyCertSign' },
  });

  // The signer claims a signing time inside each certificate's validity; it is not what counts.
  cases.push({
    name: 'signer not yet valid, claiming a future signing time',
    leaf: signer('Fay Future', int, FUTURE),
    chain: [int],
    claimed: new Date('2030-06-01T00:00:00Z'),
    expect: { reason: 'not-yet-valid', cn: 'Fay Future' },
  });
  cases.push({
    name: 'signer expired, claiming a signing time when it was valid',
    leaf: signer('Ed Expired', root, PAST),
    chain: [],
    claimed: new Date('2023-03-01T00:00:00Z'),
    expect: { reason: 'expired', cn: 'Ed Expired' },
  });

  const mustUnderstand = [...EXT.signer, '1.3.6.1.4.1.55555.1=critical,ASN1:UTF8String:must understand'];
  cases.push({
    name: 'unknown critical extension on the signer',
    leaf: signer('Uma Unknown Ext', int, CURRENT, mustUnderstand),
    chain: [int],
    expect: { reason: 'unknown-critical-extension', cn: 'Uma Unknown Ext' },
  });

  // Same issuer name, other key: the name chains, the signature on the link does not.
  const twin = pki.issue({ cn: 'Attest Test Intermediate', issuer: root, ext: EXT.ca, ...CURRENT });
  cases.push({
    name: 'issuer name matches but its key did not sign the link',
    leaf: signer('Lee Wrong Link', twin),
    chain: [int],
    expect: { reason: 'bad-link-signature', cn: 'Lee Wrong Link' },
  });
});

after(() => pki?.cleanup());

test('matrix of certificate paths: Attest agrees with openssl verify -purpose smimesign; pdfsig finds every signature itself intact', async (t) => {
  if (!requirePart(t, tools(), 'openssl, pdfsig and faketime')) return;
  assert.ok(cases.length >= 12);
  for (const c of cases) {
    const identity = pki.identity(c.leaf, c.chain);
    const signed = await signPdf(pdf, {
      identity,
      reason: 'Path test',
      location: 'Test',
      signingTime: c.claimed ?? NOW,
      box: SIGNATURE_BOX,
    });
    const v = await verifyPdfSignature(signed.bytes, { trusted: [root.pem], now: NOW });
    const ssl = pki.verify(root, c.chain, c.leaf, NOW);
    const label = `${c.name}: attest ${v.status} (${v.path?.failure?.message ?? 'no failure'}); openssl: ${ssl.output}`;

    assert.equal(
      v.checks.signatureVerified && v.checks.digestMatches && v.checks.certificateValidAtSigningTime,
      true,
      `${label}: the signature itself is intact`,
    );
    assert.equal(v.status === 'valid', ssl.ok, `${label}: Attest and openssl agree`);
    assert.equal(v.checks.certificateTrusted, c.expect === null, label);
    if (c.expect === null) {
      assert.equal(v.status, 'valid', label);
      assert.equal(v.path?.failure, null);
      assert.equal(v.path?.chain.at(-1)?.commonName, 'Attest Test Root', `${label}: the path ends at the trusted root`);
    } else {
      assert.equal(v.status, 'untrusted', label);
      assert.equal(v.path?.failure?.reason, c.expect.reason, label);
      assert.equal(v.path?.failure?.certificate.commonName, c.expect.cn, label);
      assert.ok(
        v.problems.some((p) => p.includes(`"${c.expect!.cn}"`)),
        `${label}: a problem names the certificate`,
      );
    }
    assert.equal(v.path?.checkedAt, NOW.toISOString());

    // pdfsig at the same instant: the signature value is good in every case.
    const path = pki.file(`${c.leaf.name}-signed.pdf`);
    writeFileSync(path, signed.bytes);
    const sig = run('env', ['TZ=UTC', 'faketime', '2026-11-20 09:00:00', 'pdfsig', path]);
    assert.match(sig.stdout + sig.stderr, /Signature Validation: Signature is Valid\./, `${c.name}: pdfsig`);
    // pdfsig (NSS) also judges the signer's validity at its own clock, not at the claimed signing time.
    if (c.claimed) assert.match(sig.stdout, /Certificate Validation: Certificate has Expired/, `${c.name}: pdfsig`);
  }
});

async function verdictFor(leaf: Issued, chain: Issued[], trusted: string[]) {
  const reserve = 16384 + chain.length * 2048;
  const signed = await signPdf(pdf, {
    identity: pki.identity(leaf, chain),
    reason: 'Path test',
    location: 'Test',
    signingTime: NOW,
    box: SIGNATURE_BOX,
    reserve,
  });
  return verifyPdfSignature(signed.bytes, { trusted, now: NOW });
}

test('where Attest and openssl smimesign differ on purpose: document-signing EKUs are accepted, name constraints are refused', async (t) => {
  if (!requirePart(t, tools(), 'openssl, pdfsig and faketime')) return;
  const int = pki.issue({ cn: 'Differences CA', issuer: root, ext: EXT.ca, ...CURRENT });
  for (const eku of ['1.3.6.1.5.5.7.3.36', 'anyExtendedKeyUsage']) {
    const leaf = pki.issue({
      cn: `Doc Signer ${eku}`,
      issuer: int,
      ext: ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature', `extendedKeyUsage=${eku}`],
      ...CURRENT,
    });
    const v = await verdictFor(leaf, [int], [root.pem]);
    assert.equal(v.status, 'valid', `${eku}: ${v.problems.join(' ')}`);
    assert.equal(pki.verify(root, [int], leaf, NOW).ok, false, `${eku}: openssl smimesign wants emailProtection`);
  }
  const constrained = pki.issue({
    cn: 'Constrained CA',
    issuer: root,
    ext: [...EXT.ca, 'nameConstraints=critical,permitted;email:.example.test'],
    ...CURRENT,
  });
  const leaf = pki.issue({ cn: 'Under Constraints', issuer: constrained, ext: EXT.signer, ...CURRENT });
  const v = await verdictFor(leaf, [constrained], [root.pem]);
  assert.equal(v.status, 'untrusted');
  assert.equal(v.path?.failure?.reason, 'unsupported-constraints');
  assert.equal(v.path?.failure?.certificate.commonName, 'Constrained CA');
  assert.equal(pki.verify(root, [constrained], leaf, NOW).ok, true, 'openssl evaluates the constraint and accepts');
});

test('pinning a certificate makes it the end of the path, not an exception to the rules', async (t) => {
  if (!requirePart(t, tools(), 'openssl, pdfsig and faketime')) return;
  const int = pki.issue({ cn: 'Pinned Intermediate', issuer: root, ext: EXT.ca, ...CURRENT });
  const good = pki.issue({ cn: 'Under Pinned Intermediate', issuer: int, ext: EXT.signer, ...CURRENT });
  const fingerprint = new X509Certificate(int.pem).fingerprint256;
  // A pinned intermediate carried in the signature ends the path; the root is not needed.
  const byPin = await verdictFor(good, [int], [fingerprint]);
  assert.equal(byPin.status, 'valid', byPin.problems.join(' '));
  assert.deepEqual(
    byPin.path?.chain.map((c) => c.commonName),
    ['Under Pinned Intermediate', 'Pinned Intermediate'],
  );
  // A pinned signer still has to be allowed to sign, and valid now.
  const encipher = pki.issue({
    cn: 'Pinned Encipher Only',
    issuer: int,
    ext: ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,keyEncipherment'],
    ...CURRENT,
  });
  const pinnedBadUsage = await verdictFor(encipher, [], [new X509Certificate(encipher.pem).fingerprint256]);
  assert.equal(pinnedBadUsage.status, 'untrusted');
  assert.equal(pinnedBadUsage.path?.failure?.reason, 'signer-key-usage');
  const old = pki.issue({ cn: 'Pinned But Expired', ext: EXT.signer, ...PAST });
  const signed = await signPdf(pdf, {
    identity: pki.identity(old, []),
    reason: 'Path test',
    location: 'Test',
    signingTime: new Date('2023-01-01T00:00:00Z'),
    box: SIGNATURE_BOX,
  });
  const pinnedExpired = await verifyPdfSignature(signed.bytes, { trusted: [old.pem], now: NOW });
  assert.equal(pinnedExpired.status, 'untrusted');
  assert.equal(pinnedExpired.path?.failure?.reason, 'expired');
  assert.match(verdictSummary(pinnedExpired), /fails at "Pinned But Expired": The certificate "Pinned But Expired" expired on 2024-01-01/);
  // The same file verified while the certificate was valid (the verifier's clock, not the signer's claim) is valid.
  assert.equal((await verifyPdfSignature(signed.bytes, { trusted: [old.pem], now: new Date('2023-06-01T00:00:00Z') })).status, 'valid');
});

test('a trusted certificate that cannot be read is a clear error, not a verdict', async (t) => {
  if (!requirePart(t, tools(), 'openssl, pdfsig and faketime')) return;
  const leaf = pki.issue({ cn: 'Any Signer', issuer: root, ext: EXT.signer, ...CURRENT });
  await assert.rejects(
    verdictFor(leaf, [], ['-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n']),
    (e: unknown) => e instanceof AttestError && e.code === 'CERTIFICATE_UNREADABLE',
  );
});

test('certificates that all share one name cannot make the path search run away', async (t) => {
  if (!requirePart(t, tools(), 'openssl, pdfsig and faketime')) return;
  // Thirty distinct self-issued CA certificates named alike: each could be the issuer of every other.
  const first = pki.issue({ cn: 'Loop CA', ext: EXT.ca, ...CURRENT });
  const loop = [first, ...Array.from({ length: 29 }, () => pki.issue({ cn: 'Loop CA', ext: EXT.ca, sameKeyAs: first, ...CURRENT }))];
  const leaf = pki.issue({ cn: 'Looped Signer', issuer: first, ext: EXT.signer, ...CURRENT });
  // Without a bound this explores 30 x 29 x 28 … orders and never returns.
  const v = await verdictFor(leaf, loop, [root.pem]);
  assert.equal(v.status, 'untrusted');
  assert.equal(v.path?.failure?.reason, 'too-many-candidates');
  assert.match(v.problems.join(' '), /"Looped Signer"/);
  // Trusting one of them ends the search at once.
  assert.equal((await verdictFor(leaf, loop, [first.pem])).status, 'valid');
});
