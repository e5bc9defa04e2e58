// A report laid out by chapter in parallel workers and joined must be the report the
// single-thread path makes: same text on the same pages, same pixels, same links, a
// clean file that signs and verifies, and the same bytes every time.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AttestError } from '../../../main/core/errors';
import { chaptersOf, planParts } from '../../../main/core/report/chapters';
import type { ReportModel, RenderOptions } from '../../../main/core/report/model';
import { renderReport, reportDocument } from '../../../main/core/report/render';
import { partsFor, renderReportInWorker, reportWorkers } from '../../../main/core/report/render-in-worker';
import { SIGNATURE_BOX } from '../../../main/core/report/theme';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../../main/core/signing/identity';
import { signPdf } from '../../../main/core/signing/sign';
import { verifyPdfSignature } from '../../../main/core/signing/verify';
import { requirePart } from '../../support/require';
import { engagementFixture } from './fixtures/engagement';
import { vendorFixture } from './fixtures/vendor';
import { hasTool, pageTexts, run, tempDir } from './pdf-tools';

const issuedAt = new Date('2026-11-20T09:00:00Z');
const opts: RenderOptions = {
  issuedAt,
  branding: { organisation: 'Halvard Assurance Partners', footerText: 'Halvard · confidential', primaryColor: '#1F5F4A' },
};
// Large enough that every chapter spans pages and the findings and controls go to different parts.
const big = () => engagementFixture({ controls: 400, findings: 60 });
// A client name outside Latin-1 and WinAnsi: the embedded Roboto subsets must carry it in every part.
const nonLatin = (): ReportModel => {
  const m = big();
  return { ...m, client: { ...m.client, name: 'Łódź Logistyka Sp. z o.o. · Ελληνικά · Кириллица' } };
};

let identity: SigningIdentity;
before(() => {
  ({ identity } = generateSelfSignedIdentity({
    commonName: 'Parallel Signer',
    organisation: 'Attest',
    passphrase: 'parallel-passphrase',
    now: issuedAt,
  }));
});
after(() => reportWorkers.stop());

const tools = () => hasTool('pdftotext') && hasTool('qpdf') && hasTool('pdftoppm') && hasTool('pdfsig');

/** Link targets (named destinations) used by the file, and the names it defines. */
function links(pdf: Uint8Array): { used: string[]; defined: string[] } {
  const text = Buffer.from(pdf).toString('latin1');
  const used = [...text.matchAll(/\/S \/GoTo\s*\/D \(([^)]*)\)/g)].map((m) => m[1]!);
  const names = /\/Dests <<[\s\S]*?\/Names \[([\s\S]*?)\]\s*>>/.exec(text)?.[1] ?? '';
  const defined = [...names.matchAll(/\(([^)]*)\) \[/g)].map((m) => m[1]!);
  return { used, defined };
}

async function samePages(t: { diagnostic(s: string): void }, single: Uint8Array, joined: Uint8Array) {
  const tmp = tempDir('attest-parallel-');
  try {
    const a = tmp.file('single.pdf', single);
    const b = tmp.file('joined.pdf', joined);
    assert.equal(run('qpdf', ['--check', b]).status, 0, 'qpdf --check passes on the joined file');
    const pa = pageTexts(a);
    const pb = pageTexts(b);
    assert.equal(pb.length, pa.length, 'same page count');
    pb.forEach((p, i) => assert.equal(p, pa[i], `page ${i + 1} has the same text`));
    // Same pixels: pdftoppm draws every page of both files alike.
    for (const [name, path] of [
      ['s', a],
      ['j', b],
    ] as const)
      assert.equal(run('pdftoppm', ['-png', '-r', '24', path, join(tmp.dir, name)]).status, 0);
    const pngs = readdirSync(tmp.dir).filter((f) => f.startsWith('s-') && f.endsWith('.png'));
    assert.equal(pngs.length, pa.length);
    for (const f of pngs)
      assert.ok(readFileSync(join(tmp.dir, f)).equals(readFileSync(join(tmp.dir, `j${f.slice(1)}`))), `${f}: same pixels`);
    // Every table-of-contents link leads to a destination the joined file defines, as in the single file.
    const ls = links(single);
    const lj = links(joined);
    assert.ok(lj.used.length >= 6, 'the table of contents links to its headings');
    assert.deepEqual([...lj.used].sort(), [...ls.used].sort());
    assert.deepEqual([...lj.defined].sort(), [...ls.defined].sort());
    for (const name of lj.used) assert.ok(lj.defined.includes(name), `destination ${name} is defined`);
    t.diagnostic(`single ${single.length} bytes, joined ${joined.length} bytes, ${pa.length} pages`);
  } finally {
    tmp.cleanup();
  }
}

test('two workers: the joined report has the single render’s text, pixels, pages and links; same bytes twice', async (t) => {
  if (!requirePart(t, tools(), 'poppler (pdftotext, pdftoppm, pdfsig) and qpdf')) return;
  const model = big();
  const single = await renderReport(model, opts);
  const joined = await renderReportInWorker(model, opts, undefined, { parts: 2 });
  const again = await renderReportInWorker(model, { ...opts, issuedAt: new Date(issuedAt) }, undefined, { parts: 2 });
  assert.ok(Buffer.from(joined).equals(Buffer.from(again)), 'the same input gives the same bytes');
  assert.ok(!Buffer.from(joined).equals(Buffer.from(single)), 'the joined file really came from parts');
  // One font subset per part: the file grows a little, not by a copy of every font.
  assert.ok(joined.length < single.length * 1.15, `size ${joined.length} against ${single.length}`);
  await samePages(t, single, joined);
});

test('three workers, a vendor report and a draft: the same report as the single render', async (t) => {
  if (!requirePart(t, tools(), 'poppler (pdftotext, pdftoppm, pdfsig) and qpdf')) return;
  await samePages(t, await renderReport(big(), opts), await renderReportInWorker(big(), opts, undefined, { parts: 3 }));
  await samePages(t, await renderReport(vendorFixture(), opts), await renderReportInWorker(vendorFixture(), opts, undefined, { parts: 2 }));
  const draft: ReportModel = { ...big(), draftState: 'review' };
  await samePages(t, await renderReport(draft, opts), await renderReportInWorker(draft, opts, undefined, { parts: 2 }));
});

test('a client name outside Latin-1 is the same text in the joined report', async (t) => {
  if (!requirePart(t, tools(), 'poppler (pdftotext, pdftoppm, pdfsig) and qpdf')) return;
  const single = await renderReport(nonLatin(), opts);
  const joined = await renderReportInWorker(nonLatin(), opts, undefined, { parts: 2 });
  await samePages(t, single, joined);
  const tmp = tempDir('attest-parallel-');
  try {
    const text = pageTexts(tmp.file('joined.pdf', joined)).join('\n');
    assert.match(text, /Łódź Logistyka Sp\. z o\.o\. · Ελληνικά · Кириллица/);
  } finally {
    tmp.cleanup();
  }
});

test('the joined report signs; pdfsig and Attest both say valid', async (t) => {
  if (!requirePart(t, tools(), 'poppler (pdftotext, pdftoppm, pdfsig) and qpdf')) return;
  const model = big();
  const joined = await renderReportInWorker(model, opts, undefined, { parts: 2 });
  const signed = await signPdf(joined, {
    identity,
    signerName: model.signOff.signer.name,
    reason: model.signOff.reason,
    location: model.signOff.location,
    signingTime: issuedAt,
    box: SIGNATURE_BOX,
  });
  const verdict = await verifyPdfSignature(signed.bytes, { trusted: [identity.fingerprint], now: issuedAt });
  assert.equal(verdict.status, 'valid', verdict.problems.join(' '));
  const tmp = tempDir('attest-parallel-');
  try {
    const path = tmp.file('signed.pdf', signed.bytes);
    const sig = run('pdfsig', [path]);
    assert.match(sig.stdout + sig.stderr, /Signature Validation: Signature is Valid\./);
    assert.match(sig.stdout + sig.stderr, /Total document signed/);
    assert.equal(run('qpdf', ['--check', path]).status, 0);
    // The widget sits on the last page, the sign-off page.
    const pages = pageTexts(path);
    assert.match(pages.at(-1)!, /Sign-off/);
  } finally {
    tmp.cleanup();
  }
});

test('workers stay loaded between reports; a failed or cancelled report leaves them usable', async () => {
  const model = big();
  reportWorkers.stop();
  await renderReportInWorker(model, opts, undefined, { parts: 2 });
  assert.equal(reportWorkers.size, 2, 'two workers after a two-part report');
  const progress: number[] = [];
  await renderReportInWorker(model, opts, (f) => progress.push(f), { parts: 2 });
  assert.equal(reportWorkers.size, 2, 'the same two workers, none started');
  assert.deepEqual(
    [...progress].sort((a, b) => a - b),
    progress,
    'progress never goes back',
  );
  assert.equal(progress.at(-1), 1);

  await assert.rejects(
    renderReportInWorker(model, { issuedAt: new Date('not a date') }, undefined, { parts: 2 }),
    (e: unknown) => e instanceof AttestError && e.code === 'REPORT_INVALID_TIME',
  );
  const ac = new AbortController();
  const p = renderReportInWorker(model, opts, undefined, { parts: 2, signal: ac.signal });
  setTimeout(() => ac.abort(), 150);
  await assert.rejects(p, (e: unknown) => e instanceof AttestError && e.code === 'REPORT_CANCELLED');
  const single = await renderReport(vendorFixture(), opts);
  const whole = await renderReportInWorker(vendorFixture(), opts, undefined, { parts: 1 });
  assert.ok(Buffer.from(whole).equals(Buffer.from(single)), 'after a cancel a whole report still renders byte for byte');
  await renderReportInWorker(model, opts, undefined, { parts: 2 });
});

test('chapters start where the report starts a page; the plan balances them the same way in every worker', () => {
  const doc = reportDocument(big(), opts);
  const chapters = chaptersOf(doc.content as never[]);
  assert.equal(chapters.length, 8, 'cover, contents, summary, methodology, findings, controls, appendix, sign-off');
  chapters.slice(1).forEach((c) => assert.equal((c[0] as { pageBreak?: string }).pageBreak, 'before'));
  const costs = [10, 1, 3, 2, 50, 40, 5, 1];
  const plan = planParts(costs, 2);
  assert.deepEqual(
    plan.flat().sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7],
    'every chapter in one part',
  );
  const loads = plan.map((p) => p.reduce((n, c) => n + costs[c]!, 0));
  assert.ok(Math.abs(loads[0]! - loads[1]!) <= 1, `balanced: ${loads.join(' / ')}`);
  plan.forEach((p) =>
    assert.deepEqual(
      p,
      [...p].sort((a, b) => a - b),
      'chapters in document order',
    ),
  );
  assert.deepEqual(planParts(costs, 2), plan);
  assert.deepEqual(planParts([5], 3), [[0], [], []], 'a part may get nothing');
  // Small reports render whole (byte for byte as in this thread); large engagement reports split.
  assert.equal(partsFor(vendorFixture()), 1);
  assert.equal(partsFor(engagementFixture()), 1);
});
