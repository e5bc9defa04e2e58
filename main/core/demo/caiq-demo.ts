// Demo data of a standard questionnaire: a small workbook laid out like a CSA CAIQ v4 (a
// title row, the CAIQ header row, question ids such as A&A-01.1, a Yes/No/NA dropdown, a
// domain column) is imported as a template, and the first vendor's completed copy of it as
// that vendor's answers, matched by question id. The questions are written for the demo.
import ExcelJS from 'exceljs';
import { AttestError } from '../errors';
import { demoCall } from './call';
import type { DemoSeeder } from './demo';

const HEADER = [
  'Question ID',
  'Question',
  'CSP CAIQ Answer',
  'SSRM Control Ownership',
  'CSP Implementation Description (Optional/Recommended)',
  'CCM Control ID',
  'CCM Domain Title',
];
const ROWS: [string, string, string, string, string][] = [
  [
    'A&A-01.1',
    'Are audit policies written down and approved?',
    'Yes',
    'Audit policy approved by the CISO, reviewed yearly.',
    'Audit & Assurance',
  ],
  ['A&A-02.1', 'Is an independent audit done at least once a year?', 'Yes', 'SOC 2 Type II by an external firm.', 'Audit & Assurance'],
  ['A&A-03.1', 'Are audit findings tracked until they are fixed?', 'No', 'Tracked in tickets; no formal plan yet.', 'Audit & Assurance'],
  ['IAM-01.1', 'Is there a written identity and access policy?', 'Yes', '', 'Identity & Access Management'],
  [
    'IAM-02.1',
    'Is multi-factor authentication required for staff?',
    'Yes',
    'Hardware keys for administrators.',
    'Identity & Access Management',
  ],
  ['IAM-03.1', 'Are access rights reviewed every quarter?', 'No', 'Reviewed twice a year.', 'Identity & Access Management'],
  [
    'IAM-04.1',
    'Are customer accounts managed by the customer?',
    'NA',
    'Single-tenant deployment managed by us.',
    'Identity & Access Management',
  ],
];

export async function caiqDemoWorkbook(answered: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Introduction').addRow(['A short questionnaire laid out like the CSA CAIQ, written for the Attest demo.']);
  const s = wb.addWorksheet('CAIQv4.0.3');
  s.addRow(['v4.0.3', 'CAIQ-style demo questionnaire v4.0.3']);
  s.addRow(HEADER);
  for (const [id, question, answer, notes, domain] of ROWS) {
    const row = s.addRow([id, question, answered ? answer : '', 'CSP-owned', answered ? notes : '', id.replace(/\.\d+$/, ''), domain]);
    row.getCell(3).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No,NA"'] };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const caiqDemo: DemoSeeder = {
  name: 'caiq questionnaire',
  async seed({ core, dates }) {
    const call = demoCall(core, dates);
    const file = (name: string, bytes: Uint8Array) => ({ name, dataBase64: Buffer.from(bytes).toString('base64') });
    await call('template.import', { file: file('caiq-style-demo.xlsx', await caiqDemoWorkbook(false)), id: 'caiq-demo', replace: false });
    const { vendors } = await call('vendor.list', {});
    const first = [...vendors].sort((a, b) => a.name.localeCompare(b.name))[0];
    if (!first) return;
    const q = await call('questionnaire.create', { vendorId: first.id, templateId: 'caiq-demo', cycle: '2026' });
    const r = await call('questionnaire.import', {
      id: q.id,
      file: file('caiq-style-demo-answered.xlsx', await caiqDemoWorkbook(true)),
      partial: false,
    });
    if (!r.applied)
      throw new AttestError('DEMO', `Demo CAIQ answers were refused: ${JSON.stringify([...r.invalid, ...r.unknown]).slice(0, 300)}`);
  },
};
