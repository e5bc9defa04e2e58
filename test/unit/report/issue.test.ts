// Issuing reports from workspace data through the real dispatcher: the model agrees with
// the dashboard, the file is reproducible, signed (pdfsig, qpdf and Attest agree, also on
// tampered copies), recorded in issued_reports and the audit log; identities keep their
// passphrase in the keychain only; branding lives in settings.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Core } from '../../../main/core/core';
import { engagementModel } from '../../../main/core/report/from-workspace';
import { vendorModel } from '../../../main/core/report/vendor-model';
import { renderReport } from '../../../main/core/report/render';
import { certificatePem, importPkcs12 } from '../../../main/core/signing/identity';
import { signingAccount } from '../../../main/core/signing/store';
import { call, chosen, failure, upload } from '../../support/dispatch';
import { requirePart } from '../../support/require';
import { hasTool, run, solidPng, tempDir } from './pdf-tools';
import { FIXTURE_NOW, PASS, withWorkspace } from './workspace-fixture';

const tools = () => hasTool('pdfsig') && hasTool('qpdf');

function pdfsig(path: string): string {
  const r = run('pdfsig', [path]);
  return r.stdout + r.stderr; // pdfsig exits 0 even when the signature is bad: read its words
}

async function issue(core: Core, request: Parameters<typeof call<'report.issue'>>[2]) {
  const { jobId } = await call(core, 'report.issue', request);
  const seen = new Set<string>();
  for (;;) {
    const p = await call(core, 'report.progress', { jobId });
    seen.add(p.stage);
    if (p.state !== 'running') return { job: p, stages: seen };
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('engagement report from workspace data: dashboard score, signed, recorded, verified; tampering detected', async (t) => {
  await withWorkspace(async ({ core, q4, q2, path }) => {
    const identity = await call(core, 'report.identity.generate', {
      commonName: 'Dana Reyes',
      organisation: 'Reyes Assurance',
      passphrase: 'signing passphrase',
    });
    assert.equal(identity.canSign, true);

    // The report's score is the dashboard's.
    const ws = core.session.workspace();
    const model = await engagementModel(ws, {
      assessmentId: q4,
      classification: 'CONFIDENTIAL',
      issuedAt: new Date('2026-12-01T10:00:00Z'),
    });
    const dash = await call(core, 'dashboard.get', { assessmentId: q4 });
    assert.equal(model.executiveSummary.overallScore, dash.overall.score);
    assert.deepEqual(
      model.catalogues.map((c) => c.score),
      dash.catalogues.map((c) => c.score),
    );
    assert.ok(
      model.appendix.liveChecks.some((c) => c.checkId === 'tls.version' && c.outcome === 'pass'),
      'check_runs rows reach the appendix',
    );
    assert.ok(
      model.appendix.evidence.some((e) => e.kind === 'file' && /^[0-9a-f]{64}$/.test(e.sha256 ?? '')),
      'files carry their hash',
    );
    assert.ok(model.executiveSummary.topRisks.length > 0 && model.executiveSummary.topRisks[0]!.severity === 'high');
    // Q4 is in review: its report is a draft; Q2 is final: its report is not.
    assert.equal(model.draftState, 'review');
    assert.match(
      model.executiveSummary.overview,
      new RegExp(`weighted score is ${String(dash.overall.score).replace('.', '\\.')} out of 100`),
    );
    const finalModel = await engagementModel(ws, {
      assessmentId: q2,
      classification: 'CONFIDENTIAL',
      issuedAt: new Date('2026-12-01T10:00:00Z'),
    });
    assert.equal(finalModel.draftState, undefined);

    const { job, stages } = await issue(core, {
      kind: 'engagement',
      subjectId: q4,
      classification: 'CONFIDENTIAL',
      signerFingerprint: identity.fingerprint,
      issuedAt: '2026-12-01T10:00:00Z',
    });
    assert.equal(job.state, 'done', job.error?.message);
    assert.ok(stages.has('done'));
    const report = job.report!;
    assert.equal(report.signerFingerprint, identity.fingerprint);

    const listed = (await call(core, 'report.list', {})).reports;
    assert.deepEqual(listed[0], report);
    const audit = await call(core, 'audit.list', {});
    const entry = audit.entries.find((e) => e.action === 'report.issue');
    assert.ok(entry, 'report.issue is audited');
    assert.match(entry.entity, new RegExp(report.sha256));
    assert.match(entry.entity, new RegExp(identity.fingerprint));

    const file = await call(core, 'report.file', { id: report.id });
    const bytes = Buffer.from(file.dataBase64, 'base64');
    assert.equal(createHash('sha256').update(bytes).digest('hex'), report.sha256);
    const ok = await call(core, 'report.verify', { pdf: upload('r.pdf', bytes) });
    assert.equal(ok.status, 'valid', ok.problems.join(' '));
    assert.equal(ok.issuedReportId, report.id);
    assert.equal(ok.checks.signatureVerified, true);

    // Trust comes from the workspace's own identities; a closed workspace has none of it.
    await call(core, 'workspace.close', {});
    const elsewhere = await call(core, 'report.verify', { pdf: upload('r.pdf', bytes) });
    assert.equal(elsewhere.status, 'untrusted');
    assert.equal((await call(core, 'report.verify', { pdf: upload('r.pdf', bytes), trust: [identity.fingerprint] })).status, 'valid');
    await call(core, 'workspace.open', { handle: chosen(core, path, 'open:workspace'), passphrase: PASS });

    const flipped = Buffer.from(bytes);
    const at = Math.floor(flipped.indexOf('Executive summary') > 0 ? flipped.indexOf('Executive summary') : 2000);
    flipped[at] = flipped[at]! ^ 0x01;
    const bad = await call(core, 'report.verify', { pdf: upload('r.pdf', flipped) });
    assert.equal(bad.status, 'invalid');
    assert.match(bad.summary, /^Invalid/);

    const appended = Buffer.concat([bytes, Buffer.from('\n% appended after signing\n')]);
    const mod = await call(core, 'report.verify', { pdf: upload('r.pdf', appended) });
    assert.equal(mod.status, 'modified-after-signing');

    if (!requirePart(t, tools(), 'poppler pdfsig and qpdf')) return;
    const tmp = tempDir('attest-issue-');
    try {
      const path = tmp.file('engagement.pdf', bytes);
      assert.match(pdfsig(path), /Signature is Valid/);
      assert.match(pdfsig(path), /ETSI\.CAdES\.detached/);
      assert.equal(run('qpdf', ['--check', path]).status, 0);
      assert.doesNotMatch(pdfsig(tmp.file('flipped.pdf', flipped)), /Signature is Valid/);
      assert.match(pdfsig(tmp.file('flipped2.pdf', flipped)), /Signature is Invalid|Digest Mismatch/i);
    } finally {
      tmp.cleanup();
    }
  });
});

test('reproducible: the same workspace data and issue time give identical bytes before signing', async () => {
  await withWorkspace(async ({ core, q4 }) => {
    const ws = core.session.workspace();
    const issuedAt = new Date('2026-12-01T10:00:00Z');
    const a = await renderReport(await engagementModel(ws, { assessmentId: q4, classification: 'INTERNAL', issuedAt }), { issuedAt });
    const b = await renderReport(await engagementModel(ws, { assessmentId: q4, classification: 'INTERNAL', issuedAt }), { issuedAt });
    assert.ok(Buffer.from(a).equals(Buffer.from(b)));
    const later = await renderReport(
      await engagementModel(ws, { assessmentId: q4, classification: 'INTERNAL', issuedAt: new Date('2026-12-02T10:00:00Z') }),
      {
        issuedAt: new Date('2026-12-02T10:00:00Z'),
      },
    );
    assert.ok(!Buffer.from(a).equals(Buffer.from(later)));

    // An unsigned issue records no signer and verifies as unsigned.
    const { job } = await issue(core, { kind: 'engagement', subjectId: q4, classification: 'INTERNAL' });
    assert.equal(job.state, 'done', job.error?.message);
    assert.equal(job.report!.signerFingerprint, null);
    const file = await call(core, 'report.file', { id: job.report!.id });
    assert.equal((await call(core, 'report.verify', { pdf: { name: 'u.pdf', dataBase64: file.dataBase64 } })).status, 'unsigned');
  });
});

test('issue failures say why and record nothing', async () => {
  await withWorkspace(async ({ core, q4 }) => {
    assert.equal(
      (await failure(core, 'report.issue', { kind: 'engagement', subjectId: 'asm_missing', classification: 'PUBLIC' })).code,
      'ASSESSMENT_NOT_FOUND',
    );
    const { job } = await issue(core, { kind: 'engagement', subjectId: q4, classification: 'PUBLIC', signerFingerprint: 'AA:BB' });
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'SIGNING_IDENTITY_NOT_FOUND');
    const vendor = await issue(core, { kind: 'vendor', subjectId: 'vnd_x', classification: 'PUBLIC' });
    assert.equal(vendor.job.state, 'failed');
    assert.equal(vendor.job.error!.code, 'VENDOR_NOT_FOUND');
    assert.equal((await call(core, 'report.list', {})).reports.length, 0);
    assert.equal((await failure(core, 'report.progress', { jobId: 'nope' })).code, 'REPORT_JOB_NOT_FOUND');
    assert.equal((await failure(core, 'report.verify', { pdf: upload('x.pdf', 'hello') })).code, 'VERIFY_NOT_PDF');
  });
});

test("a report is never signed outside its signer's validity: an issue time before or after it is refused, nothing is written", async () => {
  await withWorkspace(async ({ core, q4 }) => {
    // The fixture's clock stands at FIXTURE_NOW: the identity is valid from a minute before it, for five years.
    const identity = await call(core, 'report.identity.generate', {
      commonName: 'Dana Reyes',
      organisation: 'Reyes Assurance',
      passphrase: 'signing passphrase',
    });
    const auditBefore = (await call(core, 'audit.list', { limit: 500 })).entries.length;
    for (const issuedAt of ['2026-11-30T16:00:00Z', '2032-01-01T00:00:00Z']) {
      const { job } = await issue(core, {
        kind: 'engagement',
        subjectId: q4,
        classification: 'CONFIDENTIAL',
        signerFingerprint: identity.fingerprint,
        issuedAt,
      });
      assert.equal(job.state, 'failed', issuedAt);
      assert.equal(job.error?.code, 'REPORT_TIME_OUTSIDE_SIGNER_VALIDITY');
      assert.match(job.error!.message, /valid from .* to .*would not verify/);
    }
    assert.equal((await call(core, 'report.list', {})).reports.length, 0);
    assert.equal((await call(core, 'audit.list', { limit: 500 })).entries.length, auditBefore);
    // Unsigned, any time is fine; signed inside the validity, it verifies.
    const { job } = await issue(core, {
      kind: 'engagement',
      subjectId: q4,
      classification: 'CONFIDENTIAL',
      signerFingerprint: identity.fingerprint,
    });
    assert.equal(job.state, 'done', job.error?.message);
    assert.equal(job.report!.issuedAt, FIXTURE_NOW);
  });
});

test('signing identities: passphrase only in the keychain; import, list, remove; trusted certificates', async () => {
  await withWorkspace(async ({ core, keychain }) => {
    const ws = core.session.workspace();
    const made = await call(core, 'report.identity.generate', {
      commonName: 'Signer One',
      organisation: 'Org',
      passphrase: 'first passphrase',
    });
    assert.equal(await keychain.get(signingAccount(ws.info().workspaceId, made.fingerprint)), 'first passphrase');
    const settings = ws.query<{ value: string }>('SELECT value FROM settings');
    assert.ok(!settings.some((s) => s.value.includes('first passphrase')), 'no passphrase in the workspace');
    assert.equal(
      (await failure(core, 'report.identity.generate', { commonName: 'x', organisation: '', passphrase: 'short' })).code,
      'INVALID_REQUEST',
    );

    // A PKCS#12 made by openssl-compatible tooling: the generated one, exported and re-imported elsewhere.
    const p12 = await ws.getBlob(ws.query<{ p12_blob_id: string }>('SELECT p12_blob_id FROM signing_identities')[0]!.p12_blob_id);
    assert.equal(
      (await failure(core, 'report.identity.import', { file: upload('a.p12', p12), passphrase: 'first passphrase' })).code,
      'SIGNING_IDENTITY_EXISTS',
    );
    await call(core, 'report.identity.remove', { fingerprint: made.fingerprint });
    assert.equal(await keychain.get(signingAccount(ws.info().workspaceId, made.fingerprint)), null);
    assert.equal(
      (await failure(core, 'report.identity.import', { file: upload('a.p12', p12), passphrase: 'wrong one' })).code,
      'SIGNING_P12_WRONG_PASSPHRASE',
    );
    const back = await call(core, 'report.identity.import', { file: upload('a.p12', p12), passphrase: 'first passphrase' });
    assert.equal(back.fingerprint, made.fingerprint);
    assert.equal(back.origin, 'imported');
    assert.deepEqual(
      (await call(core, 'report.identity.list', {})).identities.map((i) => i.fingerprint),
      [made.fingerprint],
    );
    assert.equal(
      (await failure(core, 'report.identity.import', { file: upload('a.p12', 'not a p12'), passphrase: 'x' })).code,
      'SIGNING_P12_UNREADABLE',
    );

    const pem = certificatePem(importPkcs12(p12, 'first passphrase').certificate);
    const trusted = await call(core, 'report.trust.add', { file: upload('signer.pem', pem), label: 'Signer One' });
    assert.equal(trusted.fingerprint, made.fingerprint);
    assert.equal((await failure(core, 'report.trust.add', { file: upload('signer.pem', pem) })).code, 'CERTIFICATE_ALREADY_TRUSTED');
    assert.equal((await failure(core, 'report.trust.add', { file: upload('junk.pem', 'junk') })).code, 'CERTIFICATE_UNREADABLE');
    await call(core, 'report.trust.remove', { fingerprint: trusted.fingerprint });
    assert.equal((await call(core, 'report.trust.list', {})).certificates.length, 0);
  });
});

test('branding: colour, footer and a PNG or JPEG logo in settings; a bad logo changes nothing', async () => {
  await withWorkspace(async ({ core, q4 }) => {
    assert.deepEqual(await call(core, 'report.branding.get', {}), { primaryColor: null, footerText: null, organisation: null, logo: null });
    const png = solidPng(60, 20, [10, 80, 60]);
    const set = await call(core, 'report.branding.set', {
      primaryColor: '#0a503c',
      footerText: 'Reyes Assurance',
      organisation: 'Reyes Assurance',
      logo: upload('logo.png', png),
    });
    assert.equal(set.logo?.mediaType, 'image/png');
    assert.equal(set.logo?.dataBase64, Buffer.from(png).toString('base64'));
    const bad = await failure(core, 'report.branding.set', {
      primaryColor: '#000000',
      footerText: null,
      organisation: null,
      logo: upload('logo.gif', 'GIF89a'),
    });
    assert.equal(bad.code, 'REPORT_LOGO_NOT_IMAGE');
    assert.equal((await call(core, 'report.branding.get', {})).primaryColor, '#0a503c');
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
    const kept = await call(core, 'report.branding.set', { primaryColor: '#0a503c', footerText: 'Reyes Assurance', organisation: null });
    assert.equal(kept.logo?.mediaType, 'image/png', 'an absent logo keeps the current one');
    assert.equal(
      (
        await call(core, 'report.branding.set', {
          primaryColor: null,
          footerText: null,
          organisation: null,
          logo: upload('logo.jpg', jpeg),
        })
      ).logo?.mediaType,
      'image/jpeg',
    );
    assert.equal(
      (await call(core, 'report.branding.set', { primaryColor: null, footerText: null, organisation: null, logo: null })).logo,
      null,
    );
    const { job } = await issue(core, { kind: 'engagement', subjectId: q4, classification: 'PUBLIC' });
    assert.equal(job.state, 'done');
  });
});

test('vendor report from workspace data: profile, tier, score and gaps, certifications, conclusion, earlier reviews; signed and valid', async (t) => {
  await withWorkspace(
    async ({ core }) => {
      const ws = core.session.workspace();
      const vendors = (await call(core, 'vendor.list', {})).vendors;
      // A vendor with a scored questionnaire, and one without.
      const scored = vendors.find((v) => v.latestScore !== null)!;
      assert.ok(scored, 'the demo has a scored vendor');
      const issuedAt = new Date('2026-12-01T10:00:00Z');
      const model = await vendorModel(ws, { vendorId: scored.id, classification: 'INTERNAL', issuedAt });
      const questionnaires = (await call(core, 'questionnaire.list', { vendorId: scored.id })).questionnaires;
      const review = questionnaires.find((q) => q.cycle === model.questionnaire.cycle)!;
      assert.equal(model.questionnaire.score, review.score, 'the stored score');
      assert.equal(model.tier, `tier-${scored.tier}`);
      assert.ok(model.questionnaire.sections.length > 0);
      const again = await vendorModel(ws, { vendorId: scored.id, classification: 'INTERNAL', issuedAt });
      assert.deepEqual(again, model, 'same data and time, same model');
      const a = await renderReport(model, { issuedAt });
      const b = await renderReport(again, { issuedAt });
      assert.ok(Buffer.from(a).equals(Buffer.from(b)), 'same bytes before signing');

      let unscored: (typeof vendors)[number] | undefined;
      for (const v of vendors) {
        const qs = (await call(core, 'questionnaire.list', { vendorId: v.id })).questionnaires;
        if (qs.every((q) => q.score === null)) unscored = v;
      }
      if (unscored) {
        const none = await issue(core, { kind: 'vendor', subjectId: unscored.id, classification: 'PUBLIC' });
        assert.equal(none.job.error?.code, 'REPORT_VENDOR_NO_REVIEW');
      }

      const identity = await call(core, 'report.identity.generate', {
        commonName: 'Mateo Silva',
        organisation: 'Northwind',
        passphrase: 'vendor signing pass',
      });
      const { job } = await issue(core, {
        kind: 'vendor',
        subjectId: scored.id,
        classification: 'INTERNAL',
        signerFingerprint: identity.fingerprint,
      });
      assert.equal(job.state, 'done', job.error?.message);
      const bytes = Buffer.from((await call(core, 'report.file', { id: job.report!.id })).dataBase64, 'base64');
      assert.equal((await call(core, 'report.verify', { pdf: upload('v.pdf', bytes) })).status, 'valid');
      if (!requirePart(t, tools(), 'poppler pdfsig and qpdf')) return;
      const tmp = tempDir('attest-vendor-');
      try {
        const path = tmp.file('vendor.pdf', bytes);
        assert.match(pdfsig(path), /Signature is Valid/);
        assert.equal(run('qpdf', ['--check', path]).status, 0);
        const flipped = Buffer.from(bytes);
        flipped[2500] = flipped[2500]! ^ 0x01;
        assert.doesNotMatch(pdfsig(tmp.file('flipped.pdf', flipped)), /Signature is Valid/);
        assert.equal((await call(core, 'report.verify', { pdf: upload('v.pdf', flipped) })).status, 'invalid');
      } finally {
        tmp.cleanup();
      }
    },
    { vendors: true },
  );
});
