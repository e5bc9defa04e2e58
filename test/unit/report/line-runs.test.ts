// Words of a line drawn as one text object must land exactly where pdfmake placed them
// one by one: same text, same word boxes, far fewer text objects.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { setLineRuns } from '../../../main/core/report/line-runs';
import type { ReportModel, RenderOptions } from '../../../main/core/report/model';
import { renderReport } from '../../../main/core/report/render';
import { requirePart } from '../../support/require';
import { engagementFixture } from './fixtures/engagement';
import { vendorFixture } from './fixtures/vendor';
import { hasTool, run, tempDir } from './pdf-tools';

const opts: RenderOptions = {
  issuedAt: new Date('2026-11-20T09:00:00Z'),
  branding: { organisation: 'Halvard Assurance Partners', footerText: 'Halvard · confidential', primaryColor: '#1F5F4A' },
};
// The engine turns joined runs on when it first loads: load it before switching.
before(() => renderReport(vendorFixture(), opts));
after(() => setLineRuns(true));

/** Text objects (BT operators) in all content streams. */
function textObjects(pdf: Uint8Array): number {
  const buf = Buffer.from(pdf);
  const text = buf.toString('latin1');
  let count = 0;
  for (const m of text.matchAll(/\/Filter \/FlateDecode\s*>>\s*stream\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('\nendstream', start);
    let body: string;
    try {
      body = inflateSync(buf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    count += (body.match(/^BT$/gm) ?? []).length;
  }
  return count;
}

/** Every word pdftotext finds, with its box. */
function words(path: string): { box: number[]; text: string }[] {
  const html = run('pdftotext', ['-bbox', path, '-']).stdout;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    box: [1, 2, 3, 4].map((i) => Number(m[i])),
    text: m[5]!,
  }));
}

const cases: [string, ReportModel][] = [
  ['engagement', engagementFixture()],
  ['draft engagement', { ...engagementFixture(), draftState: 'draft' }],
  ['vendor', vendorFixture()],
];
for (const [name, model] of cases) {
  test(`${name}: words joined per line keep their text and boxes; fewer text objects, smaller file`, async (t) => {
    if (!requirePart(t, hasTool('pdftotext') && hasTool('qpdf'), 'poppler pdftotext and qpdf')) return;
    setLineRuns(false);
    const wordByWord = await renderReport(model, opts);
    setLineRuns(true);
    const joined = await renderReport(model, opts);
    const tmp = tempDir('attest-runs-');
    try {
      const a = tmp.file('word-by-word.pdf', wordByWord);
      const b = tmp.file('joined.pdf', joined);
      assert.equal(run('qpdf', ['--check', b]).status, 0);
      assert.equal(run('pdftotext', ['-layout', b, '-']).stdout, run('pdftotext', ['-layout', a, '-']).stdout, 'same text');
      const wa = words(a);
      const wb = words(b);
      assert.equal(wb.length, wa.length, 'same number of words');
      wb.forEach((w, i) => {
        assert.equal(w.text, wa[i]!.text);
        w.box.forEach((v, k) => assert.ok(Math.abs(v - wa[i]!.box[k]!) < 0.01, `word ${i} "${w.text}" box ${w.box} against ${wa[i]!.box}`));
      });
      const before = textObjects(wordByWord);
      const now = textObjects(joined);
      t.diagnostic(`text objects ${before} -> ${now}; ${wordByWord.length} -> ${joined.length} bytes`);
      assert.ok(now < before * 0.75, `text objects ${before} -> ${now}`);
      assert.ok(joined.length < wordByWord.length, 'the file is smaller');
    } finally {
      tmp.cleanup();
    }
  });
}
