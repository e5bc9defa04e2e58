// CSV and XLSX catalogue imports in two steps: read the file and show its columns with a few
// sample rows (previewTabular), then turn the rows into a catalogue using the column mapping
// the user chose (importTabular). Bad rows are reported one by one; good rows still import.
import ExcelJS from 'exceljs';
import { assertZipWithinBounds } from '../spreadsheet/zip-bounds';
import { AttestError } from '../errors';
import { parseCsv } from './csv';
import { slugId } from './import-oscal';
import { CATALOGUE_FORMAT, SEVERITIES, controlSchema, type Catalogue, type Category, type Control, type Severity } from './schema';
import { describeZodIssues } from './zod-issues';

export interface TabularFile {
  name: string;
  bytes: Uint8Array;
}

export interface TabularRow {
  /** the row number a spreadsheet shows (the header is row 1); for CSV, the record's first line */
  row: number;
  cells: string[];
}

export interface TabularTable {
  columns: string[];
  rows: TabularRow[];
}

export const TABULAR_FIELDS = ['id', 'title', 'statement', 'guidance', 'category', 'weight', 'severity', 'tags', 'references'] as const;
export type TabularField = (typeof TABULAR_FIELDS)[number];
export const REQUIRED_TABULAR_FIELDS: readonly TabularField[] = ['id', 'title', 'statement'];

/** Which column (by its header text) supplies each field. */
export type ColumnMapping = Partial<Record<TabularField, string>>;

export interface TabularPreview {
  columns: string[];
  sampleRows: string[][];
  rowCount: number;
  /** a best guess from the header names; the user confirms or changes it */
  suggestedMapping: ColumnMapping;
}

export interface RowError {
  row: number;
  message: string;
}

export interface TabularImportResult {
  catalogue: Catalogue;
  errors: RowError[];
}

export interface TabularCatalogueInfo {
  title: string;
  id?: string;
  version?: string;
  sourceName?: string;
}

/** Largest file accepted, so a mistaken pick of a huge file fails fast and clearly. */
export const MAX_TABULAR_BYTES = 20 * 1024 * 1024;

export async function readTabular(file: TabularFile): Promise<TabularTable> {
  if (file.bytes.byteLength > MAX_TABULAR_BYTES) {
    throw new AttestError('IMPORT_TOO_LARGE', `${file.name} is ${(file.bytes.byteLength / 1048576).toFixed(1)} MB; catalogue imports are limited to ${MAX_TABULAR_BYTES / 1048576} MB. Split the file or remove unused sheets.`);
  }
  const lower = file.name.toLowerCase();
  const grid = lower.endsWith('.xlsx')
    ? await readXlsx(file)
    : lower.endsWith('.csv') || lower.endsWith('.txt')
      ? parseCsv(new TextDecoder('utf-8').decode(file.bytes)).records.map((r) => ({ row: r.line, cells: r.cells }))
      : unsupported(file.name);
  const [header, ...body] = grid;
  if (!header || header.cells.every((c) => c.trim() === '')) {
    throw new AttestError('IMPORT_EMPTY', `${file.name} has no header row. The first row must name the columns (for example id, title, statement).`);
  }
  const columns = header.cells.map((c, i) => c.trim() || `Column ${i + 1}`);
  const rows = body
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.row, cells: columns.map((_c, i) => r.cells[i] ?? '') }));
  return { columns, rows };
}

function unsupported(name: string): never {
  throw new AttestError('IMPORT_UNSUPPORTED_FILE', `${name} is neither a .csv nor an .xlsx file. Save the sheet as CSV or Excel workbook (.xlsx) and import that.`);
}

async function readXlsx(file: TabularFile): Promise<TabularRow[]> {
  const workbook = new ExcelJS.Workbook();
  // Inflated size and part count are bounded before exceljs (JSZip) inflates anything.
  await assertZipWithinBounds(file.bytes, file.name);
  try {
    // exceljs's declared Buffer type lags behind @types/node; the bytes are a plain Buffer.
    await workbook.xlsx.load(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AttestError('IMPORT_UNREADABLE_XLSX', `${file.name} could not be read as an Excel workbook. Open it in a spreadsheet program and save it again as .xlsx.`, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AttestError('IMPORT_EMPTY', `${file.name} contains no worksheet.`);
  const out: TabularRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    out.push({ row: rowNumber, cells });
  });
  return out;
}

const SYNONYMS: Record<TabularField, string[]> = {
  id: ['id', 'control id', 'controlid', 'code', 'ref', 'reference id', 'control', 'identifier', 'number', 'no'],
  title: ['title', 'name', 'control name', 'control title', 'summary'],
  statement: ['statement', 'requirement', 'description', 'control statement', 'text', 'goal', 'control text'],
  guidance: ['guidance', 'evidence', 'how to assess', 'assessment guidance', 'notes', 'supplemental guidance'],
  category: ['category', 'domain', 'family', 'group', 'section', 'area'],
  weight: ['weight', 'priority', 'importance'],
  severity: ['severity', 'risk', 'impact'],
  tags: ['tags', 'labels', 'keywords'],
  references: ['references', 'reference', 'source', 'sources'],
};

export function suggestMapping(columns: readonly string[]): ColumnMapping {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const field of TABULAR_FIELDS) {
    const hit = columns.find((c) => !used.has(c) && SYNONYMS[field].includes(norm(c)));
    if (hit) {
      mapping[field] = hit;
      used.add(hit);
    }
  }
  return mapping;
}

export async function previewTabular(file: TabularFile, sampleSize = 5): Promise<TabularPreview> {
  const table = await readTabular(file);
  return {
    columns: table.columns,
    sampleRows: table.rows.slice(0, sampleSize).map((r) => r.cells),
    rowCount: table.rows.length,
    suggestedMapping: suggestMapping(table.columns),
  };
}

const splitList = (cell: string) => cell.split(/[;,\n]/).map((s) => s.trim()).filter(Boolean);

export function importTabular(table: TabularTable, mapping: ColumnMapping, info: TabularCatalogueInfo): TabularImportResult {
  const missing = REQUIRED_TABULAR_FIELDS.filter((f) => !mapping[f]);
  if (missing.length) {
    throw new AttestError('IMPORT_MAPPING_INCOMPLETE', `Choose a column for ${missing.join(', ')}; id, title and statement are required.`);
  }
  const index: Partial<Record<TabularField, number>> = {};
  for (const field of TABULAR_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    const at = table.columns.indexOf(column);
    if (at < 0) throw new AttestError('IMPORT_MAPPING_INCOMPLETE', `The column "${column}" chosen for ${field} is not in the file. Pick one of: ${table.columns.join(', ')}.`);
    index[field] = at;
  }

  const errors: RowError[] = [];
  const categories: Category[] = [];
  const categoryByName = new Map<string, string>();
  const controls: Control[] = [];
  const seenIds = new Map<string, number>();

  const categoryFor = (name: string): string => {
    const key = name.trim() || 'Uncategorised';
    let id = categoryByName.get(key.toLowerCase());
    if (!id) {
      const base = slugId(key);
      id = base;
      for (let n = 2; categories.some((c) => c.id === id); n++) id = `${base}-${n}`;
      categories.push({ id, title: key });
      categoryByName.set(key.toLowerCase(), id);
    }
    return id;
  };

  for (const { row, cells } of table.rows) {
    const cell = (f: TabularField) => (index[f] === undefined ? '' : (cells[index[f]] ?? '').trim());
    const problems: string[] = [];
    for (const f of REQUIRED_TABULAR_FIELDS) if (!cell(f)) problems.push(`${f} is empty (column "${mapping[f]}")`);

    const id = cell('id');
    if (id) {
      const first = seenIds.get(id);
      if (first !== undefined) problems.push(`id "${id}" was already used on row ${first}`);
    }

    let weight: number | undefined;
    if (cell('weight')) {
      const n = Number(cell('weight'));
      if (Number.isInteger(n) && n >= 1 && n <= 5) weight = n;
      else problems.push(`weight "${cell('weight')}" is not a whole number from 1 to 5`);
    }
    let severity: Severity | undefined;
    if (cell('severity')) {
      const s = cell('severity').toLowerCase();
      if ((SEVERITIES as readonly string[]).includes(s)) severity = s as Severity;
      else problems.push(`severity "${cell('severity')}" is not one of ${SEVERITIES.join(', ')}`);
    }

    if (problems.length === 0) {
      const candidate = {
        id,
        title: cell('title'),
        statement: cell('statement'),
        guidance: cell('guidance'),
        category: categoryFor(cell('category')),
        ...(weight !== undefined ? { weight } : {}),
        ...(severity !== undefined ? { severity } : {}),
        references: splitList(cell('references')).map((title) => ({ title })),
        tags: splitList(cell('tags')),
      };
      const parsed = controlSchema.safeParse(candidate);
      if (parsed.success) controls.push(parsed.data);
      else problems.push(...describeZodIssues(parsed.error, 3));
    }
    if (id && !seenIds.has(id)) seenIds.set(id, row);
    if (problems.length) errors.push({ row, message: problems.join('; ') });
  }

  if (categories.length === 0) categories.push({ id: 'uncategorised', title: 'Uncategorised' });
  const catalogue: Catalogue = {
    format: CATALOGUE_FORMAT,
    id: info.id ?? slugId(info.title),
    version: info.version ?? '1.0.0',
    title: info.title,
    description: 'Imported from a spreadsheet.',
    source: { name: info.sourceName ?? info.title },
    licence: { note: 'Imported by the user; the terms are those of the source spreadsheet.' },
    origin: 'tabular',
    categories,
    controls,
  };
  return { catalogue, errors };
}
