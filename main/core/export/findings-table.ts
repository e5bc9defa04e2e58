// Findings of an assessment as CSV and as an Excel workbook. Every text cell goes through
// the shared cell-safety module, so a hostile finding title never runs as a formula: the
// CSV gets a leading apostrophe, the workbook Excel's quote-prefix style. The CSV starts
// with a UTF-8 byte-order mark so Excel reads accents right; the workbook has real dates.
import ExcelJS from 'exceljs';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS, type FindingView } from '../../contract/assessment';
import { assessmentSummary } from '../assessment/assessments';
import { listFindings } from '../assessment/findings';
import { toExcelCsv } from '../spreadsheet/cell-safety';
import { applyQuotePrefix, setTextCell } from '../spreadsheet/quote-prefix';
import type { Workspace } from '../workspace';

const HEADER = [
  'Ref',
  'Title',
  'Severity',
  'Status',
  'Likelihood',
  'Impact',
  'Owner',
  'Due',
  'Controls',
  'Description',
  'Remediation',
  'Created',
  'Updated',
] as const;

/** Columns written as date cells, with the number format each shows. */
const DATE_COLUMNS: Partial<Record<(typeof HEADER)[number], string>> = {
  Due: 'yyyy-mm-dd',
  Created: 'yyyy-mm-dd hh:mm',
  Updated: 'yyyy-mm-dd hh:mm',
};

/** A stored day or UTC timestamp as the Date exceljs writes as an Excel serial date. */
const excelDate = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);

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
  return toExcelCsv(HEADER, findingsOf(ws, assessmentId).findings.map(cells));
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
  for (const f of findings) {
    const row = sheet.addRow([]);
    cells(f).forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const format = DATE_COLUMNS[HEADER[i]!];
      if (typeof v === 'number') cell.value = v;
      else if (format && v) {
        cell.value = excelDate(v);
        cell.numFmt = format;
      } else setTextCell(cell, v);
    });
  }
  sheet.columns.forEach((c, i) => (c.width = [8, 48, 10, 14, 10, 8, 18, 12, 28, 60, 60, 22, 22][i] ?? 14));
  sheet.getRow(1).alignment = { vertical: 'middle' };
  void name;
  return applyQuotePrefix(new Uint8Array(await book.xlsx.writeBuffer()));
}
