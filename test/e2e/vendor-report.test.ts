// A vendor report is made from a scored questionnaire: in Chromium against the demo, a
// vendor without one is marked "no review on record" in the Reports screen, says why and
// how to get one, and cannot be issued; a reviewed vendor's report is issued.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { chromiumAvailable, closeShared } from '../harness/browser';
import { axeClean, demoApp, goTo } from '../harness/flows';
import { call } from '../support/dispatch';
import { requirePart } from '../support/require';

after(closeShared);

test('a vendor without a scored questionnaire is marked no review on record and cannot be issued; a reviewed one can', async (t) => {
  if (!requirePart(t, chromiumAvailable, 'Chromium (/usr/bin/chromium)')) return;
  const app = await demoApp();
  const { core, page } = app;
  try {
    const { vendors } = await call(core, 'vendor.list', {});
    const unreviewed = vendors.find((v) => !v.scored);
    const reviewed = vendors.find((v) => v.scored);
    assert.ok(unreviewed && reviewed, 'the demo has a vendor of each kind');
    // The same rule the core applies: it refuses the unreviewed vendor's report.
    const refused = await core.dispatch(
      'report.issue',
      { kind: 'vendor', subjectId: unreviewed.id, classification: 'INTERNAL' },
      { origin: 'renderer' },
    );
    // Refused at once or by the job it starts: either way with REPORT_VENDOR_NO_REVIEW.
    let code: string | undefined = refused.ok ? undefined : refused.error.code;
    if (refused.ok) {
      const { jobId } = refused.value as { jobId: string };
      let view = await call(core, 'report.progress', { jobId });
      while (view.state === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        view = await call(core, 'report.progress', { jobId });
      }
      code = view.error?.code;
    }
    assert.equal(code, 'REPORT_VENDOR_NO_REVIEW');

    await goTo(page, '7', 'reports');
    await page.getByLabel('Vendor review').check();
    const picker = page.getByLabel('Vendor', { exact: true });
    await picker.selectOption(unreviewed.id);
    await picker.locator('option:checked', { hasText: `${unreviewed.name} (no review on record)` }).waitFor({ state: 'attached' });
    await page.getByText(`No review on record: ${unreviewed.name} has no scored questionnaire.`).waitFor();
    const issue = page.getByRole('button', { name: /^Issue (signed )?report$/ });
    assert.equal(await issue.isDisabled(), true, 'nothing to report: the button is off');
    await app.screenshot('vendor-report-no-review');
    await axeClean(page, 'a vendor with no review on record', 'both');

    await picker.selectOption(reviewed.id);
    assert.equal(await issue.isDisabled(), false);
    await page.getByLabel('Signer').selectOption('');
    await page.getByRole('button', { name: 'Issue report' }).click();
    await page.getByRole('row', { name: new RegExp(`Vendor review: ${reviewed.name}`) }).waitFor({ timeout: 60_000 });
    const issued = (await call(core, 'report.list', {})).reports.filter((r) => r.kind === 'vendor' && r.subjectId === reviewed.id);
    assert.ok(issued.length >= 1);
  } finally {
    await app.close();
  }
});
