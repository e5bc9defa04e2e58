// The engine's faster paths (main/core/report/engine-speedups.ts) must change nothing but
// time: the same reports rendered with them and with pdfmake's and pdfkit's own code are
// byte-identical: an engagement report with every chapter at scale, a vendor report, and
// one with branding (colours and a logo).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, test } from 'node:test';
import { setEngineSpeedups } from '../../../main/core/report/engine-speedups';
import { renderReport } from '../../../main/core/report/render';
import { engagementFixture } from './fixtures/engagement';
import { vendorFixture } from './fixtures/vendor';

const issuedAt = new Date('2026-11-20T09:00:00Z');
const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
// A 1×1 PNG: the logo path through the engine.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

after(() => setEngineSpeedups(true));

const cases = [
  { name: 'engagement, 300 controls and 60 findings', model: engagementFixture({ controls: 300, findings: 60 }), opts: { issuedAt } },
  { name: 'vendor review', model: vendorFixture(), opts: { issuedAt } },
  {
    name: 'engagement with branding',
    model: engagementFixture({ controls: 40, findings: 8 }),
    opts: { issuedAt, branding: { primaryColor: '#7a1f5c', footerText: 'Ünïcode footer — Ω', organisation: 'Example GmbH', logo: PNG } },
  },
];

for (const c of cases) {
  test(`the faster engine paths give the same bytes: ${c.name}`, async () => {
    setEngineSpeedups(false);
    const plain = await renderReport(c.model, c.opts as never);
    setEngineSpeedups(true);
    const fast = await renderReport(c.model, c.opts as never);
    assert.ok(plain.length > 10_000, `a real report (${plain.length} bytes)`);
    assert.equal(digest(fast), digest(plain));
    setEngineSpeedups(false);
    const again = await renderReport(c.model, c.opts as never);
    assert.equal(digest(again), digest(plain), 'deterministic either way');
  });
}

test('streams are deflated at level 3, both ways, and inflate to the same content', async () => {
  const { inflateSync, deflateSync } = await import('node:zlib');
  for (const on of [true, false]) {
    setEngineSpeedups(on);
    const pdf = Buffer.from(await renderReport(vendorFixture(), { issuedAt }));
    const text = pdf.toString('latin1');
    let streams = 0;
    for (const m of text.matchAll(/\/Filter \/FlateDecode\s*>>\s*stream\n/g)) {
      const start = m.index + m[0].length;
      const stream = pdf.subarray(start, text.indexOf('\nendstream', start));
      const content = inflateSync(stream);
      assert.ok(deflateSync(content, { level: 3 }).equals(stream), 'deflated at level 3');
      streams++;
    }
    assert.ok(streams > 10, `streams checked (${streams})`);
  }
});
