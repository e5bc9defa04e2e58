// Findings of an assessment as CSV and as an Excel workbook. Every text cell goes through
// the shared cell-safety module, so a hostile finding title never runs as a formula.
import ExcelJS from 'exceljs';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS, type FindingView } from '../../contract/assessment';
import { assessmentSummary } from '../assessment/assessments';
import { listFindings } from '../assessment/findings';
import { neutraliseCell, toCsv } from '../spreadsheet/cell-safety';
import type { Workspace } from '../workspace';

const HEADER = ['Ref', 'Title', 'Severity', 'Status', 'Likelihood', 'Impact', 'Owner', 'Due', 'Controls', 'Description', 'Remediation', 'Created', 'Updated'] as const;

function cells(f: FindingView): (string | number)[] {
  return [
    f.ref,
    f.title,
    SEVERITY_LABELS[f.severity],
    FINDING_STATUS_LABELS[f.status],
    f.likelihood,
    f.impact,
    f.owner,
    f.dueDate ?? '',
    f.controls.map((c) => `${c.catalogueId} ${c.controlId}`).join('; '),
    f.description,
    f.remediation,
    f.createdAt,
    f.updatedAt,
  ];
}

function findingsOf(ws: Workspace, assessmentId: string): { name: string; findings: FindingView[] } {
  const a = assessmentSummary(ws, assessmentId);
  return { name: a.name, findings: listFindings(ws, assessmentId, a.updatedAt.slice(0, 10)) };
}

export function findingsCsv(ws: Workspace, assessmentId: string): string {
  return toCsv(HEADER, findingsOf(ws, assessmentId).findings.map(cells));
}

export async function findingsXlsx(ws: Workspace, assessmentId: string): Promise<Buffer> {
  const { name, findings } = findingsOf(ws, assessmentId);
  const a = assessmentSummary(ws, assessmentId);
  const book = new ExcelJS.Workbook();
  // Fixed workbook dates: the same data gives the same sheet content.
  book.creator = 'Attest';
  book.created = new Date(a.updatedAt);
  book.modified = new Date(a.updatedAt);
  const sheet = book.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...HEADER]).font = { bold: true };
  for (const f of findings) sheet.addRow(cells(f).map((v) => (typeof v === 'number' ? v : neutraliseCell(v))));
  sheet.columns.forEach((c, i) => (c.width = [8, 48, 10, 14, 10, 8, 18, 12, 28, 60, 60, 22, 22][i] ?? 14));
  sheet.getRow(1).alignment = { vertical: 'middle' };
  void name;
  return Buffer.from(await book.xlsx.writeBuffer());
}
