// Questionnaires through the real dispatcher: the built-in template, XLSX and JSON out
// and back, the all-or-nothing import report, the re-import diff in the audit log,
// scoring on a hand-computed example, conclusions, follow-ups, year over year, and
// hostile text kept as data but neutralised in every spreadsheet cell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { TemplateBodyInput } from '../../../main/contract/questionnaire';
import type { Core } from '../../../main/core/core';
import { call, failure, upload } from '../../support/dispatch';
import { withVendor } from './support';

const HOSTILE_FORMULA = "=cmd|' /C calc'!A0";
const HOSTILE_HTML = '<script>alert(1)</script>';

/** A small template whose score can be worked out by hand. */
const handTemplate: TemplateBodyInput = {
  format: 1,
  id: 'hand',
  title: 'Hand-computed',
  source: { name: 'test' },
  sections: [
    {
      id: 's1',
      title: 'Access',
      items: [
        {
          kind: 'question',
          id: 'q1',
          type: 'yesno',
          text: 'SSO?',
          weight: 3,
          expected: { kind: 'equals', value: 'yes' },
          controls: [{ catalogueId: 'platform-baseline', controlId: 'S.A.4' }],
          required: true,
        },
        { kind: 'question', id: 'q2', type: 'yesno', text: 'MFA?', weight: 2, expected: { kind: 'equals', value: 'yes' }, required: true },
        { kind: 'question', id: 'q3', type: 'yesno', text: 'Shared admin?', weight: 1, expected: { kind: 'equals', value: 'yes' } },
      ],
    },
    {
      id: 's2',
      title: 'Data',
      items: [
        {
          kind: 'question',
          id: 'q4',
          type: 'single',
          text: 'TLS?',
          weight: 4,
          expected: { kind: 'anyOf', values: ['t13'] },
          options: [
            { id: 't13', label: 'TLS 1.3' },
            { id: 'old', label: 'Older' },
          ],
        },
        { kind: 'question', id: 'q5', type: 'number', text: 'Breach notice hours?', weight: 2, expected: { kind: 'range', max: 72 } },
        {
          kind: 'question',
          id: 'q6',
          type: 'text',
          text: 'Why older?',
          showWhen: { question: 'q4', anyOf: ['old'] },
          required: true,
          weight: 1,
          expected: { kind: 'provided' },
        },
        { kind: 'question', id: 'q7', type: 'date', text: 'Next review?' },
        {
          kind: 'question',
          id: 'q8',
          type: 'multi',
          text: 'Data kinds?',
          options: [
            { id: 'pd', label: 'Personal data' },
            { id: 'cr', label: 'Credentials' },
          ],
          weight: 0,
        },
      ],
    },
  ],
};

async function setup(core: Core, vendorId: string, cycle = '2026') {
  await call(core, 'template.save', { body: handTemplate, create: true });
  return call(core, 'questionnaire.create', { vendorId, templateId: 'hand', cycle });
}

async function xlsxOf(core: Core, id: string) {
  const out = await call(core, 'questionnaire.export', { id, format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  return { wb, bytes: Buffer.from(out.dataBase64, 'base64') };
}

/** Fills answers by question id in the unlocked Answer column, as a vendor would. */
async function filled(wb: ExcelJS.Workbook, answers: Record<string, string | number>, comments: Record<string, string> = {}) {
  const sheet = wb.getWorksheet('Questions')!;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const id = String(row.getCell(1).value ?? '');
    if (id in answers) row.getCell(8).value = answers[id]!;
    if (id in comments) row.getCell(9).value = comments[id]!;
  });
  return upload('answers.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
}

test('the built-in vendor security baseline loads, validates and maps to baseline controls', async () => {
  await withVendor(async (core) => {
    const { templates } = await call(core, 'template.list', {});
    const builtin = templates.find((t) => t.id === 'vendor-security-baseline');
    assert.ok(builtin);
    assert.equal(builtin.origin, 'builtin');
    const { body } = await call(core, 'template.get', { id: builtin.id });
    const questions = body.sections.flatMap((s) => s.items).filter((i) => i.kind === 'question');
    assert.ok(questions.length >= 25);
    const mapped = new Set(questions.flatMap((q) => (q.kind === 'question' ? q.controls.map((c) => c.controlId) : [])));
    for (const c of ['S.V.4', 'S.V.5', 'S.V.6', 'S.V.7', 'S.V.8', 'S.V.8b', 'S.A.3', 'S.D.1']) assert.ok(mapped.has(c), c);
    const catalogue = await call(core, 'catalog.get', { id: 'platform-baseline' });
    for (const c of mapped)
      assert.ok(
        catalogue.controls.some((x) => x.id === c),
        `${c} exists in the baseline`,
      );
    assert.equal((await failure(core, 'template.save', { body })).code, 'TEMPLATE_BUILTIN');
  });
});

test('templates: edits bump the version, questionnaires keep their copy, remove and restore', async () => {
  await withVendor(async (core, vendorId) => {
    const q = await setup(core, vendorId);
    const edited = { ...handTemplate, title: 'Hand-computed v2', sections: handTemplate.sections.slice(0, 1) };
    const s = await call(core, 'template.save', { body: edited });
    assert.equal(s.version, 2);
    const got = await call(core, 'questionnaire.get', { id: q.id });
    assert.equal(got.body.sections.length, 2, 'the questionnaire keeps the body it was created from');
    assert.equal(got.summary.templateVersion, 1);
    await call(core, 'template.remove', { id: 'hand' });
    assert.ok(!(await call(core, 'template.list', {})).templates.some((t) => t.id === 'hand'));
    assert.equal((await call(core, 'template.restore', { id: 'hand' })).version, 2);
    const bad = await failure(core, 'template.save', {
      body: {
        ...handTemplate,
        sections: [{ id: 'x', title: 'X', items: [{ kind: 'question', id: 'a', type: 'single', text: 'No options' }] }],
      },
    });
    assert.equal(bad.code, 'INVALID_REQUEST');
  });
});

test('XLSX: protected, validated, locked hidden id column; round trip answers equal; missing and invalid report writes nothing', async () => {
  await withVendor(async (core, vendorId) => {
    const q = await setup(core, vendorId);
    const { wb, bytes } = await xlsxOf(core, q.id);
    const sheet = wb.getWorksheet('Questions')!;
    const protectedSheet = (name: string) =>
      (wb.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
    assert.ok(protectedSheet('Questions'), 'the Questions sheet is protected');
    assert.ok(protectedSheet('Instructions'), 'the Instructions sheet is protected');
    assert.equal(sheet.getColumn(1).hidden, true, 'the id column is hidden');
    const workbookXml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    assert.match(workbookXml, /<workbookProtection lockStructure="1"\/>/);
    const rowOf = (id: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => (String(r.getCell(1).value) === id ? (found = r) : undefined));
      return found!;
    };
    const q1 = rowOf('q1');
    assert.notEqual(q1.getCell(1).protection?.locked, false, 'ids are locked');
    assert.equal(q1.getCell(8).protection?.locked, false, 'answers are unlocked');
    assert.equal(q1.getCell(8).dataValidation?.type, 'list');
    assert.match(String(q1.getCell(8).dataValidation?.formulae?.[0]), /Yes,No,Partial/);
    assert.match(String(rowOf('q4').getCell(8).dataValidation?.formulae?.[0]), /^Lists!\$A\$1:\$A\$2$/);
    assert.equal(wb.getWorksheet('Lists')!.state, 'veryHidden');

    // Missing required q2, a bad option, not a number, a bad date, an unknown id: nothing stored.
    const badFile = await filled(wb, { q1: 'Yes', q4: 'TLS 9', q5: 'soon', q7: '2026-02-30' });
    const extra = (await xlsxOf(core, q.id)).wb;
    extra.getWorksheet('Questions')!.addRow(['q99', '', 'Invented', '', '', '', '', 'Yes']);
    const bad = await call(core, 'questionnaire.import', { id: q.id, file: badFile });
    assert.equal(bad.applied, false);
    assert.deepEqual(
      bad.missing.map((m) => m.questionId),
      ['q2'],
    );
    assert.deepEqual(bad.invalid.map((m) => m.questionId).sort(), ['q4', 'q5', 'q7']);
    assert.match(bad.invalid.find((m) => m.questionId === 'q5')!.message, /not a number/);
    const unknown = await call(core, 'questionnaire.import', { id: q.id, file: await filled(extra, { q1: 'Yes', q2: 'No' }) });
    assert.deepEqual(
      unknown.unknown.map((u) => u.questionId),
      ['q99'],
    );
    assert.equal((await call(core, 'questionnaire.get', { id: q.id })).answers.length, 0, 'no partial write');

    const good = await call(core, 'questionnaire.import', {
      id: q.id,
      file: await filled(
        wb,
        { q1: 'Yes', q2: 'Partial', q3: 'N/A', q4: 'TLS 1.3', q5: 48, q7: '2027-01-15', q8: 'Personal data; Credentials' },
        { q1: HOSTILE_HTML },
      ),
    });
    assert.equal(good.applied, true, JSON.stringify(good));
    const answers = new Map((await call(core, 'questionnaire.get', { id: q.id })).answers.map((a) => [a.questionId, a]));
    assert.deepEqual(Object.fromEntries([...answers].map(([k, a]) => [k, a.value])), {
      q1: 'yes',
      q2: 'partial',
      q3: 'na',
      q4: 't13',
      q5: 48,
      q7: '2027-01-15',
      q8: ['pd', 'cr'],
    });
    assert.equal(answers.get('q1')!.comment, HOSTILE_HTML, 'hostile text is kept verbatim as data');
  });
});

test('scoring: weighted per section and overall on a hand-computed example, with gaps and mapped controls', async () => {
  await withVendor(async (core, vendorId) => {
    const q = await setup(core, vendorId);
    const json = JSON.parse(
      Buffer.from((await call(core, 'questionnaire.export', { id: q.id, format: 'json' })).dataBase64, 'base64').toString('utf8'),
    );
    assert.equal(json.format, 'attest-questionnaire');
    const set = (id: string, v: unknown) =>
      (json.sections
        .flatMap((s: { questions: { id: string; answer: unknown }[] }) => s.questions)
        .find((x: { id: string }) => x.id === id).answer = v);
    // s1: q1 yes (3/3), q2 partial (1/2), q3 no (0/1) → 4/6 = 66.7
    // s2: q4 old (0/4), q5 100 h (0/2), q6 shown and given (1/1) → 1/7 = 14.3; overall 5/13 = 38.5
    set('q1', 'yes');
    set('q2', 'partial');
    set('q3', 'no');
    set('q4', 'old');
    set('q5', 100);
    set('q6', 'Legacy clients');
    const r = await call(core, 'questionnaire.import', { id: q.id, file: upload('a.json', JSON.stringify(json)) });
    assert.equal(r.applied, true, JSON.stringify(r));
    const score = await call(core, 'questionnaire.score', { id: q.id });
    assert.equal(score.overall, 38.5);
    assert.deepEqual(
      score.sections.map((s) => s.score),
      [66.7, 14.3],
    );
    assert.deepEqual(
      score.gaps.map((g) => g.questionId),
      ['q4', 'q5', 'q2', 'q3'],
    );
    const q4 = score.gaps[0]!;
    assert.equal(q4.answer, 'Older');
    assert.equal(q4.expected, 'TLS 1.3');
    assert.deepEqual(score.gaps.find((g) => g.questionId === 'q2')!.credit, 0.5);
    assert.equal((await call(core, 'questionnaire.list', { vendorId })).questionnaires[0]!.score, 38.5, 'the stored score carries overall');
    // Not applicable leaves a question out: q1 na → s1 = 1/3.
    set('q1', 'na');
    await call(core, 'questionnaire.import', { id: q.id, file: upload('a.json', JSON.stringify(json)) });
    assert.equal((await call(core, 'questionnaire.score', { id: q.id })).sections[0]!.score, 33.3);
  });
});

test('re-import replaces answers and the audit entry names each change, old → new', async () => {
  await withVendor(async (core, vendorId) => {
    const q = await setup(core, vendorId);
    const wb = (await xlsxOf(core, q.id)).wb;
    await call(core, 'questionnaire.import', { id: q.id, file: await filled(wb, { q1: 'Yes', q2: 'No', q4: 'TLS 1.3' }) });
    const again = await call(core, 'questionnaire.import', { id: q.id, file: await filled(wb, { q1: 'Yes', q2: 'Yes', q4: '' }) });
    assert.deepEqual(again.changes, [
      { questionId: 'q2', from: 'No', to: 'Yes' },
      { questionId: 'q4', from: 'TLS 1.3', to: '' },
    ]);
    const audit = await call(core, 'audit.list', { limit: 5, offset: 0 });
    const entry = audit.entries.find((e) => e.action === 'questionnaire.reimport')!;
    assert.ok(entry);
    assert.match(entry.entity, /q2: "No" → "Yes"/);
    assert.match(entry.entity, /q4: "TLS 1.3" → ""/);
  });
});

test('conclusion rules, follow-up becomes a vendor finding kept out of assessment findings', async () => {
  await withVendor(async (core, vendorId) => {
    const q = await setup(core, vendorId);
    assert.equal(
      (await failure(core, 'questionnaire.conclude', { id: q.id, conclusion: 'approve', rationale: 'ok' })).code,
      'QUESTIONNAIRE_NOT_ANSWERED',
    );
    const wb = (await xlsxOf(core, q.id)).wb;
    await call(core, 'questionnaire.import', { id: q.id, file: await filled(wb, { q1: 'No', q2: 'Yes' }) });
    assert.equal(
      (await failure(core, 'questionnaire.conclude', { id: q.id, conclusion: 'reject', rationale: '   ' })).code,
      'RATIONALE_REQUIRED',
    );
    assert.equal(
      (await failure(core, 'questionnaire.conclude', { id: q.id, conclusion: 'approve-with-conditions', rationale: 'SSO' })).code,
      'RATIONALE_REQUIRED',
    );
    const done = await call(core, 'questionnaire.conclude', {
      id: q.id,
      conclusion: 'approve-with-conditions',
      rationale: 'SSO must be enforced by Q2 2027',
    });
    assert.equal(done.state, 'concluded');
    assert.ok(done.concludedAt);
    assert.equal(
      (await failure(core, 'questionnaire.import', { id: q.id, file: await filled(wb, { q1: 'Yes', q2: 'Yes' }) })).code,
      'QUESTIONNAIRE_CONCLUDED',
    );
    const f = await call(core, 'questionnaire.followUp', { id: q.id, questionId: 'q1', likelihood: 4, impact: 4 });
    assert.equal(f.ref, 'V-001');
    assert.equal(f.vendorId, vendorId);
    assert.deepEqual(f.controls, [{ catalogueId: 'platform-baseline', controlId: 'S.A.4' }]);
    assert.match(f.description, /Answer \(2026\): No/);
    assert.equal((await call(core, 'questionnaire.followUp', { id: q.id, title: 'Ask for the pen test report' })).ref, 'V-002');
    assert.equal((await call(core, 'questionnaire.vendorFindings', { vendorId })).findings.length, 2);
    assert.equal((await call(core, 'finding.list', {})).findings.length, 0, 'assessment finding lists never show vendor findings');
    assert.equal((await call(core, 'finding.list', { vendorId })).findings.length, 2, "the vendor's own list shows them");
  });
});

test('year over year: score change, changed answers, new and closed gaps', async () => {
  await withVendor(async (core, vendorId) => {
    const a = await setup(core, vendorId, '2025');
    const b = await call(core, 'questionnaire.create', { vendorId, templateId: 'hand', cycle: '2026' });
    const fill = async (id: string, answers: Record<string, string | number>) =>
      call(core, 'questionnaire.import', { id, file: await filled((await xlsxOf(core, id)).wb, answers) });
    await fill(a.id, { q1: 'No', q2: 'Yes', q4: 'TLS 1.3' });
    await fill(b.id, { q1: 'Yes', q2: 'No', q4: 'TLS 1.3' });
    const c = await call(core, 'questionnaire.compare', { from: a.id, to: b.id });
    assert.deepEqual(
      c.changes.map((x) => [x.questionId, x.from, x.to]),
      [
        ['q1', 'No', 'Yes'],
        ['q2', 'Yes', 'No'],
      ],
    );
    assert.deepEqual(
      c.newGaps.map((g) => g.questionId),
      ['q2'],
    );
    assert.deepEqual(
      c.closedGaps.map((g) => g.questionId),
      ['q1'],
    );
    // 2025: s1 = 2/6 → 33.3; 2026: 3/6 → 50
    assert.deepEqual([c.sections[0]!.from, c.sections[0]!.to, c.sections[0]!.change], [33.3, 50, 16.7]);
    assert.equal(typeof c.overall.change, 'number');
  });
});

test('hostile strings in templates and answers are data; every XLSX and CSV cell is neutralised', async () => {
  await withVendor(async (core, vendorId) => {
    const hostile: TemplateBodyInput = {
      ...handTemplate,
      id: 'hostile',
      title: HOSTILE_FORMULA,
      sections: [
        {
          id: 's',
          title: '@SUM(1+1)',
          items: [
            { kind: 'question', id: 'h1', type: 'text', text: HOSTILE_FORMULA, help: '+1+1' },
            { kind: 'question', id: 'h2', type: 'single', text: HOSTILE_HTML, options: [{ id: 'o', label: '-2+3' }] },
          ],
        },
      ],
    };
    await call(core, 'template.save', { body: hostile, create: true });
    const q = await call(core, 'questionnaire.create', { vendorId, templateId: 'hostile', cycle: '2026' });
    const wb = (await xlsxOf(core, q.id)).wb;
    const r = await call(core, 'questionnaire.import', {
      id: q.id,
      file: await filled(wb, { h1: HOSTILE_FORMULA, h2: "'-2+3" }, { h1: '=HYPERLINK("http://x")' }),
    });
    assert.equal(r.applied, true, JSON.stringify(r));
    const got = await call(core, 'questionnaire.get', { id: q.id });
    assert.equal(got.answers.find((a) => a.questionId === 'h1')!.value, HOSTILE_FORMULA, 'kept verbatim');
    assert.equal(got.answers.find((a) => a.questionId === 'h2')!.value, 'o');
    // Export again with the answers in: no cell is a formula; formula-like text is stored as
    // written, with Excel's quote-prefix style (no visible apostrophe).
    const exported = await xlsxOf(core, q.id);
    const again = exported.wb;
    const styles = await (await JSZip.loadAsync(exported.bytes)).file('xl/styles.xml')!.async('string');
    const textStyles = [...styles.matchAll(/<xf\b[^>]*numFmtId="49"[^>]*>/g)].map((m) => m[0]);
    assert.ok(textStyles.length > 0 && textStyles.every((xf) => /quotePrefix="1"/.test(xf)), 'text-format styles carry quotePrefix');
    let cells = 0;
    let formulaLike = 0;
    again.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          assert.equal(typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value, false);
          if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) {
            formulaLike++;
            assert.equal(cell.numFmt, '@', `${sheet.name}!${cell.address} is marked as text`);
            assert.doesNotMatch(cell.value, /^'/);
          }
        }),
      ),
    );
    assert.ok(cells > 10);
    assert.ok(formulaLike >= 3, `the hostile title, text and help are written as they are (${formulaLike})`);
    const csv = Buffer.from((await call(core, 'questionnaire.export', { id: q.id, format: 'csv' })).dataBase64, 'base64').toString('utf8');
    for (const line of csv.split('\r\n').slice(1).filter(Boolean))
      for (const field of line.split(',')) assert.doesNotMatch(field.replace(/^"/, ''), /^[=+\-@]/, line);
    assert.ok(csv.includes(`'${HOSTILE_FORMULA.replace(/"/g, '""')}`) || csv.includes(`"'${HOSTILE_FORMULA}`));
  });
});

test('answers are listed in the template order, not as text (VSB-2 before VSB-10)', async () => {
  await withVendor(async (core, vendorId) => {
    const yes = (id: string) => ({
      kind: 'question' as const,
      id,
      type: 'yesno' as const,
      text: `${id}?`,
      weight: 1,
      expected: { kind: 'equals' as const, value: 'yes' as const },
    });
    await call(core, 'template.save', {
      body: {
        format: 1,
        id: 'vsb-order',
        title: 'Order',
        source: { name: 'test' },
        sections: [{ id: 's', title: 'S', items: [yes('VSB-1'), yes('VSB-2'), yes('VSB-10')] }],
      },
      create: true,
    });
    const q = await call(core, 'questionnaire.create', { vendorId, templateId: 'vsb-order', cycle: '2026' });
    const wb = (await xlsxOf(core, q.id)).wb;
    await call(core, 'questionnaire.import', { id: q.id, file: await filled(wb, { 'VSB-10': 'Yes', 'VSB-2': 'No', 'VSB-1': 'Yes' }) });
    const got = await call(core, 'questionnaire.get', { id: q.id });
    assert.deepEqual(
      got.answers.map((a) => a.questionId),
      ['VSB-1', 'VSB-2', 'VSB-10'],
    );
  });
});

test('tracker: every questionnaire across vendors with its stage and the answer due date; overdue follows the given day', async () => {
  await withVendor(async (core, vendorId) => {
    const q = await setup(core, vendorId, '2026');
    const other = await call(core, 'vendor.create', { name: 'Globex', owner: 'Sam', dataTypes: ['internal'], criticality: 'low' });
    const idle = await call(core, 'questionnaire.create', { vendorId: other.id, templateId: 'hand', cycle: '2026' });
    let t = await call(core, 'questionnaire.tracker', {});
    assert.deepEqual(
      t.rows.map((r) => [r.questionnaireId, r.stage, r.dueDate]).sort(),
      [
        [idle.id, 'not-sent', null],
        [q.id, 'not-sent', null],
      ].sort(),
    );
    const wb = (await xlsxOf(core, q.id)).wb; // exporting is sending
    t = await call(core, 'questionnaire.tracker', {});
    const sent = t.rows.find((r) => r.questionnaireId === q.id)!;
    assert.equal(sent.stage, 'awaiting');
    assert.equal(t.responseDays, 30);
    const sentDay = sent.sentAt!.slice(0, 10);
    assert.equal(sent.dueDate, new Date(Date.parse(`${sentDay}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10));
    assert.equal((await call(core, 'questionnaire.tracker', { today: sent.dueDate! })).rows[0]!.stage, 'awaiting', 'due today is not late');
    const late = await call(core, 'questionnaire.tracker', {
      today: new Date(Date.parse(`${sent.dueDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
    });
    assert.equal(late.rows[0]!.questionnaireId, q.id, 'overdue comes first');
    assert.equal(late.rows[0]!.stage, 'overdue');
    await call(core, 'questionnaire.import', { id: q.id, file: await filled(wb, { q1: 'Yes', q2: 'No', q4: 'TLS 1.3' }) });
    t = await call(core, 'questionnaire.tracker', { today: '2099-01-01' });
    const back = t.rows.find((r) => r.questionnaireId === q.id)!;
    assert.equal(back.stage, 'scored', 'answers read and scored; never overdue once answered');
    await call(core, 'questionnaire.conclude', { id: q.id, conclusion: 'approve', rationale: 'Fine for low-risk use' });
    t = await call(core, 'questionnaire.tracker', {});
    assert.deepEqual(
      t.rows.map((r) => r.stage),
      ['not-sent', 'concluded'],
      'concluded last',
    );
  });
});
