// `attest report`, `attest verify-report` and `attest export` through the real bin: a
// signed report from workspace data that pdfsig accepts, one exit code per verdict,
// exports written to files, and clear one-line errors.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { assessmentDemo } from '../../../main/core/demo/assessment-demo';
import { certificatePem, generateSelfSignedIdentity } from '../../../main/core/signing/identity';
import { cli } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { call, chosen } from '../../support/dispatch';
import { requirePart } from '../../support/require';
import { EXT, opensslDate, TestPki } from '../signing/pki';
import { hasTool, run } from './pdf-tools';
import { demoContext } from '../../../main/core/demo/demo';

const dir = tempDir('attest-report-cli-');
const ws = join(dir, 'client.attest');
const PASS = 'report cli passphrase';
const env = { ATTEST_DATA_DIR: join(dir, 'data'), ATTEST_PASSPHRASE: PASS };
const p12Path = join(dir, 'signer.p12');
const passFile = join(dir, 'sign-pass.txt');
const certPath = join(dir, 'signer.pem');
let q4 = '';
let fingerprint = '';

before(async () => {
  const core = testCore();
  await call(core, 'workspace.create', {
    handle: chosen(core, ws, 'save:workspace'),
    name: 'Report CLI',
    passphrase: PASS,
    remember: false,
  });
  const context = demoContext(core, 'test');
  await assessmentDemo.seed(context);
  q4 = (await call(core, 'assessment.list', {})).assessments.find((a) => a.state === 'review')!.id;
  await core.close();
  const { identity, p12 } = generateSelfSignedIdentity({
    commonName: 'CLI Signer',
    organisation: 'Reyes Assurance',
    passphrase: 'cli signing pass',
    now: new Date(),
  });
  fingerprint = identity.fingerprint;
  writeFileSync(p12Path, p12);
  writeFileSync(passFile, 'cli signing pass\n');
  writeFileSync(certPath, certificatePem(identity.certificate));
});

test('report --sign writes a signed PDF; verify-report: 0 valid, 62 untrusted, 60 flipped byte, 61 appended, 63 unsigned', async (t) => {
  // pdfsig and qpdf are the outside verifiers: without them this test proves too little.
  if (!requirePart(t, hasTool('pdfsig') && hasTool('qpdf'), 'poppler pdfsig and qpdf')) return;
  const out = join(dir, 'q4.pdf');
  const r = await cli(
    ['report', ws, '--assessment', q4, '--out', out, '--sign', p12Path, '--sign-passphrase-file', passFile, '--json'],
    env,
  );
  assert.equal(r.code, 0, r.stderr);
  const issued = JSON.parse(r.stdout) as { sha256: string; signerFingerprint: string };
  assert.equal(issued.signerFingerprint, fingerprint);
  assert.match(run('pdfsig', [out]).stdout, /Signature is Valid/);
  assert.equal(run('qpdf', ['--check', out]).status, 0);

  assert.equal((await cli(['verify-report', out, '--trust', certPath])).code, 0);
  assert.equal((await cli(['verify-report', out, '--trust', fingerprint])).code, 0);
  const untrusted = await cli(['verify-report', out]);
  assert.equal(untrusted.code, 62);
  assert.match(untrusted.stdout, /not trusted/);

  const bytes = readFileSync(out);
  const flipped = Buffer.from(bytes);
  flipped[3000] = flipped[3000]! ^ 0x01;
  writeFileSync(join(dir, 'flipped.pdf'), flipped);
  assert.equal((await cli(['verify-report', join(dir, 'flipped.pdf'), '--trust', certPath])).code, 60);
  assert.doesNotMatch(run('pdfsig', [join(dir, 'flipped.pdf')]).stdout, /Signature is Valid/);
  writeFileSync(join(dir, 'appended.pdf'), Buffer.concat([bytes, Buffer.from('%%EOF\n')]));
  assert.equal((await cli(['verify-report', join(dir, 'appended.pdf'), '--trust', certPath])).code, 61);

  const unsigned = join(dir, 'unsigned.pdf');
  assert.equal((await cli(['report', ws, '--assessment', q4, '--out', unsigned, '--classification', 'internal'], env)).code, 0);
  assert.equal((await cli(['verify-report', unsigned])).code, 63);
});

test('a report signed by a certificate that an end-entity certificate issued: verify-report says not trusted (62) and names it; a proper chain to the same root is valid (0)', async (t) => {
  if (!requirePart(t, hasTool('openssl') && hasTool('pdfsig'), 'openssl and pdfsig')) return;
  const pki = new TestPki();
  try {
    // The CLI verifies on the system clock: these certificates are valid around now.
    const validity = { from: opensslDate(new Date(Date.now() - 86_400_000)), to: opensslDate(new Date(Date.now() + 2 * 365 * 86_400_000)) };
    const root = pki.issue({ cn: 'CLI Test Root', ext: EXT.ca, ...validity });
    const int = pki.issue({ cn: 'CLI Test Issuing CA', issuer: root, ext: EXT.ca, ...validity });
    // An ordinary S/MIME certificate: not a CA, and no key usage that would forbid issuing.
    const ordinary = pki.issue({
      cn: 'Mallory Ordinary Holder',
      issuer: int,
      ext: ['basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=emailProtection'],
      ...validity,
    });
    const forged = pki.issue({ cn: 'Chief Auditor (forged)', issuer: ordinary, ext: EXT.signer, ...validity });
    const proper = pki.issue({ cn: 'Proper Signer', issuer: int, ext: EXT.signer, ...validity });
    const pass = pki.file('p12-pass.txt', 'p12 pass\n');

    const forgedPdf = join(dir, 'forged.pdf');
    const issued = await cli(
      [
        'report',
        ws,
        '--assessment',
        q4,
        '--out',
        forgedPdf,
        '--sign',
        pki.pkcs12(forged, [ordinary, int], 'p12 pass'),
        '--sign-passphrase-file',
        pass,
      ],
      env,
    );
    assert.equal(issued.code, 0, issued.stderr);
    const sig = run('pdfsig', [forgedPdf]).stdout;
    assert.match(sig, /Signature is Valid/, 'the signature itself is intact');
    assert.doesNotMatch(sig, /Certificate is Trusted/);
    const verdict = await cli(['verify-report', forgedPdf, '--trust', root.pemPath]);
    assert.equal(verdict.code, 62, verdict.stdout + verdict.stderr);
    assert.match(verdict.stdout, /not trusted/);
    assert.match(verdict.stdout, /"Mallory Ordinary Holder" issued another certificate but is not a CA/);
    const json = JSON.parse((await cli(['verify-report', forgedPdf, '--trust', root.pemPath, '--json'])).stdout) as {
      path: { failure: { reason: string; certificate: { commonName: string } } };
    };
    assert.equal(json.path.failure.reason, 'not-a-ca');
    assert.equal(json.path.failure.certificate.commonName, 'Mallory Ordinary Holder');
    assert.equal(pki.verify(root, [ordinary, int], forged, new Date()).ok, false, 'openssl refuses the same chain');

    const properPdf = join(dir, 'proper.pdf');
    // A report's id is its subject and issue second: the second report of q4 waits for the next second.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 50));
    assert.equal(
      (
        await cli(
          [
            'report',
            ws,
            '--assessment',
            q4,
            '--out',
            properPdf,
            '--sign',
            pki.pkcs12(proper, [int], 'p12 pass'),
            '--sign-passphrase-file',
            pass,
          ],
          env,
        )
      ).code,
      0,
    );
    const good = await cli(['verify-report', properPdf, '--trust', root.pemPath]);
    assert.equal(good.code, 0, good.stdout);
    assert.match(good.stdout, /Proper Signer, issued by CLI Test Issuing CA, issued by CLI Test Root/);
    assert.equal(pki.verify(root, [int], proper, new Date()).ok, true, 'openssl accepts the same chain');
  } finally {
    pki.cleanup();
  }
});

test('report: bad input is one line with its own exit code and writes nothing', async () => {
  const wrong = join(dir, 'wrong.txt');
  writeFileSync(wrong, 'not the passphrase\n');
  const bad = await cli(
    ['report', ws, '--assessment', q4, '--out', join(dir, 'x.pdf'), '--sign', p12Path, '--sign-passphrase-file', wrong],
    env,
  );
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /^attest: .*passphrase/);
  const usage = await cli(['report', ws, '--out', join(dir, 'x.pdf')], env);
  assert.equal(usage.code, 2);
  const missing = await cli(['report', ws, '--assessment', 'asm_none', '--out', join(dir, 'x.pdf')], env);
  assert.equal(missing.code, 19);
  assert.match(missing.stderr, /no assessment/);
  assert.equal(existsSync(join(dir, 'x.pdf')), false, 'nothing written');
});

test('export writes OSCAL, POA&M, CSV and XLSX files', async () => {
  for (const [format, name] of [
    ['oscal-ar', 'ar.json'],
    ['oscal-poam', 'poam.json'],
    ['findings-csv', 'f.csv'],
    ['findings-xlsx', 'f.xlsx'],
  ] as const) {
    const out = join(dir, name);
    const r = await cli(['export', ws, format, '--assessment', q4, '--out', out], env);
    assert.equal(r.code, 0, r.stderr);
    const bytes = readFileSync(out);
    assert.ok(bytes.length > 100, `${format} written`);
    if (name.endsWith('.json')) assert.ok(JSON.parse(bytes.toString('utf8')));
  }
  assert.equal((await cli(['export', ws, 'pdf', '--assessment', q4, '--out', join(dir, 'z')], env)).code, 2);
});
