// Reads a workbook as users have it: every worksheet as a grid of plain text, row numbers
// as the spreadsheet shows them. Cell text is worked out from the stored value, never from
// exceljs's `cell.text` (which throws on some merged and formula cells): a formula gives its
// cached result, rich text and hyperlinks their text. A merged range's value belongs to its
// first cell; cells below it in the same column repeat it (a category merged down a block of
// rows applies to each), cells to its right stay empty (a title merged across columns is
// one value, not one per column).
import ExcelJS from 'exceljs';
import { AttestError } from '../errors';
import { assertZipWithinBounds } from './zip-bounds';

export interface GridRow {
  /** the row number the spreadsheet shows */
  row: number;
  cells: string[];
}

export interface SheetGrid {
  name: string;
  hidden: boolean;
  rows: GridRow[];
  /** the worksheet itself, for callers that need more than text (data validation lists) */
  sheet: ExcelJS.Worksheet;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  workbook: ExcelJS.Workbook;
}

const isoDay = (d: Date) => (d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? d.toISOString() : d.toISOString().slice(0, 10));

/** The text a stored cell value shows; never throws. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoDay(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => valueText(r.text)).join('');
    if ('formula' in o || 'sharedFormula' in o) return valueText(o.result);
    if ('hyperlink' in o || 'text' in o) return valueText(o.text);
    if ('error' in o) return '';
  }
  return '';
}

/** The text of one cell, with the merge rule above. */
export function cellText(cell: ExcelJS.Cell): string {
  try {
    if (cell.isMerged && cell.master && cell.master.address !== cell.address) {
      return Number(cell.master.col) === Number(cell.col) ? valueText(cell.master.value) : '';
    }
    return valueText(cell.value);
  } catch {
    return '';
  }
}

export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // Inflated size and part count are bounded before exceljs (JSZip) inflates anything.
  await assertZipWithinBounds(bytes, fileName);
  try {
    // exceljs's declared Buffer type lags behind @types/node; the bytes are a plain Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AttestError(
      'IMPORT_UNREADABLE_XLSX',
      `${fileName} could not be read as an Excel workbook. Open it in a spreadsheet program and save it again as .xlsx.`,
      { cause: error },
    );
  }
  return workbook;
}

export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c)));
    while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
    if (cells.length) rows.push({ row: rowNumber, cells });
  });
  return { name: sheet.name, hidden: sheet.state !== 'visible' && sheet.state !== undefined, rows, sheet };
}

export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid> {
  const workbook = await loadWorkbook(bytes, fileName);
  if (workbook.worksheets.length === 0) throw new AttestError('IMPORT_EMPTY', `${fileName} contains no worksheet.`);
  return { workbook, sheets: workbook.worksheets.map(sheetGrid) };
}
