// CSV and XLSX catalogue imports in two steps: read the file and show its columns with a few
// sample rows (previewTabular), then turn the rows into a catalogue using the column mapping
// the user chose (importTabular). Files come as users have them: the sheet and the header
// row are found (or chosen), the encoding and delimiter of a CSV are detected, and parent
// rows and blank category cells carry their category down. Bad rows are reported one
// problem at a time, each naming its sheet, row and column; good rows still import.
import { AttestError } from '../errors';
import { readWorkbook, type GridRow } from '../spreadsheet/read-workbook';
import { parseCsv } from './csv';
import { slugId } from './import-oscal';
import { CATALOGUE_FORMAT, SEVERITIES, controlSchema, type Catalogue, type Category, type Control, type Severity } from './schema';
import { decodeText } from './text-encoding';

export interface TabularFile {
  name: string;
  bytes: Uint8Array;
}

export type TabularRow = GridRow;

/** Where the table is: the sheet (XLSX) and the row that names the columns; found when not given. */
export interface TabularLayout {
  sheet?: string | undefined;
  headerRow?: number | undefined;
}

export interface TabularTable {
  /** the sheet read, or null for a CSV */
  sheet: string | null;
  sheets: { name: string; hidden: boolean }[];
  headerRow: number;
  columns: string[];
  rows: TabularRow[];
  /** the first rows of the sheet, header included, for choosing the header row */
  topRows: TabularRow[];
  encoding?: string;
  delimiter?: string;
  warnings: string[];
}

export const TABULAR_FIELDS = ['id', 'title', 'statement', 'guidance', 'category', 'weight', 'severity', 'tags', 'references'] as const;
export type TabularField = (typeof TABULAR_FIELDS)[number];
export const REQUIRED_TABULAR_FIELDS: readonly TabularField[] = ['id', 'statement'];
/** Fields that can be fed by several columns (their texts are joined, their lists merged). */
export const MULTI_COLUMN_FIELDS: readonly TabularField[] = ['statement', 'guidance', 'tags', 'references'];

/** Which column (by its header text) supplies each field; some fields take several columns. */
export type ColumnMapping = Partial<Record<TabularField, string | string[]>>;

export interface TabularPreview {
  sheet: string | null;
  sheets: { name: string; hidden: boolean }[];
  headerRow: number;
  topRows: TabularRow[];
  columns: string[];
  sampleRows: string[][];
  rowCount: number;
  /** a best guess from the header names; the user confirms or changes it */
  suggestedMapping: ColumnMapping;
  encoding?: string;
  delimiter?: string;
  warnings: string[];
}

export interface RowError {
  sheet: string | null;
  row: number;
  column?: string;
  message: string;
}

export interface TabularImportResult {
  catalogue: Catalogue;
  errors: RowError[];
  warnings: string[];
}

export interface TabularCatalogueInfo {
  title: string;
  id?: string;
  version?: string;
  sourceName?: string;
}

/** Largest file accepted, so a mistaken pick of a huge file fails fast and clearly. */
export const MAX_TABULAR_BYTES = 20 * 1024 * 1024;
/** How far down a sheet a header row is looked for. */
const HEADER_SEARCH_ROWS = 50;
const TOP_ROWS = 15;

/** "Sheet "CCM" row 12, column "Control ID"" — the place a problem is reported at. */
export function tabularWhere(e: { sheet: string | null; row: number; column?: string | undefined }): string {
  return `${e.sheet !== null ? `sheet "${e.sheet}" ` : ''}row ${e.row}${e.column ? `, column "${e.column}"` : ''}`;
}

const columnsOf = (mapping: ColumnMapping): string[] =>
  Object.values(mapping).flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

function headerColumns(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.trim().replace(/\s+/g, ' ') || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** How well a row serves as the header: every mapped column present, or how many fields its names suggest. */
function headerScore(cells: readonly string[], mapping: ColumnMapping | undefined): number {
  const names = new Set(headerColumns(cells).map(norm));
  if (mapping && columnsOf(mapping).length) return columnsOf(mapping).every((c) => names.has(norm(c))) ? 100 : -1;
  const suggested = suggestMapping(headerColumns(cells));
  const hits = Object.keys(suggested).length;
  return suggested.id && suggested.statement ? hits + 10 : hits;
}

function findHeaderRow(rows: readonly GridRow[], mapping: ColumnMapping | undefined): { index: number; score: number } {
  let best = { index: -1, score: 0 };
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, index) => {
    const score = headerScore(r.cells, mapping);
    if (score > best.score) best = { index, score };
  });
  return best;
}

interface Grid {
  name: string | null;
  hidden: boolean;
  rows: GridRow[];
}

function tableFrom(
  grid: Grid,
  all: Grid[],
  layout: TabularLayout,
  mapping: ColumnMapping | undefined,
  fileName: string,
  extra: Partial<TabularTable>,
): TabularTable {
  const where = grid.name !== null ? `sheet "${grid.name}" of ${fileName}` : fileName;
  let index: number;
  if (layout.headerRow !== undefined) {
    index = grid.rows.findIndex((r) => r.row === layout.headerRow);
    if (index < 0)
      throw new AttestError(
        'IMPORT_HEADER_NOT_FOUND',
        `Row ${layout.headerRow} of ${where} is empty, so it cannot name the columns. Choose the row that holds the column names.`,
      );
  } else {
    // When no row names every mapped column, the likeliest header is used and the import
    // then says which chosen column is missing and lists the ones there are.
    let found = findHeaderRow(grid.rows, mapping);
    if (found.index < 0 && mapping) found = findHeaderRow(grid.rows, undefined);
    // Without a recognisable header, the first row with two or more filled cells names the columns.
    index =
      found.index >= 0
        ? found.index
        : Math.max(
            0,
            grid.rows.findIndex((r) => r.cells.filter((c) => c.trim()).length >= 2),
          );
  }
  const header = grid.rows[index];
  if (!header || header.cells.every((c) => c.trim() === '')) {
    throw new AttestError('IMPORT_EMPTY', `${where} has no header row. A row must name the columns (for example id, title, statement).`);
  }
  const columns = headerColumns(header.cells);
  const rows = grid.rows
    .slice(index + 1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.row, cells: columns.map((_c, i) => r.cells[i] ?? '') }));
  return {
    sheet: grid.name,
    sheets: all.filter((g) => g.name !== null).map((g) => ({ name: g.name!, hidden: g.hidden })),
    headerRow: header.row,
    columns,
    rows,
    topRows: grid.rows.slice(0, TOP_ROWS),
    warnings: [],
    ...extra,
  };
}

/** The sheet to read: the one named, or the first (visible before hidden) whose header matches the mapping. */
function chooseGrid(grids: Grid[], layout: TabularLayout, mapping: ColumnMapping | undefined, fileName: string): Grid {
  if (layout.sheet !== undefined) {
    const wanted = norm(layout.sheet);
    const hit = grids.find((g) => g.name !== null && norm(g.name) === wanted);
    if (!hit)
      throw new AttestError(
        'IMPORT_SHEET_NOT_FOUND',
        `${fileName} has no sheet "${layout.sheet}". Its sheets are: ${grids.map((g) => `"${g.name}"`).join(', ')}.`,
      );
    return hit;
  }
  const ordered = [...grids.filter((g) => !g.hidden), ...grids.filter((g) => g.hidden)];
  if (layout.headerRow !== undefined) return ordered.find((g) => g.rows.some((r) => r.row === layout.headerRow)) ?? ordered[0]!;
  const needed = mapping && columnsOf(mapping).length ? 100 : 10;
  const scored = ordered.map((g) => ({ g, score: findHeaderRow(g.rows, mapping).score }));
  const match = scored.find((s) => s.score >= needed);
  if (match) return match.g;
  if (needed === 100) return chooseGrid(grids, layout, undefined, fileName);
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a), scored[0]!);
  return best.score > 0 ? best.g : (ordered.find((g) => g.rows.length) ?? ordered[0]!);
}

export async function readTabular(file: TabularFile, layout: TabularLayout = {}, mapping?: ColumnMapping): Promise<TabularTable> {
  if (file.bytes.byteLength > MAX_TABULAR_BYTES) {
    throw new AttestError(
      'IMPORT_TOO_LARGE',
      `${file.name} is ${(file.bytes.byteLength / 1048576).toFixed(1)} MB; catalogue imports are limited to ${MAX_TABULAR_BYTES / 1048576} MB. Split the file or remove unused sheets.`,
    );
  }
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
    const book = await readWorkbook(file.bytes, file.name);
    const grids: Grid[] = book.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows }));
    return tableFrom(chooseGrid(grids, layout, mapping, file.name), grids, layout, mapping, file.name, {});
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) {
    if (layout.sheet !== undefined)
      throw new AttestError('IMPORT_SHEET_NOT_FOUND', `${file.name} is a CSV file, which has no sheets; leave the sheet out.`);
    const decoded = decodeText(file.bytes, file.name);
    const csv = parseCsv(decoded.text);
    const grid: Grid = { name: null, hidden: false, rows: csv.records.map((r) => ({ row: r.line, cells: r.cells })) };
    return tableFrom(grid, [grid], layout, mapping, file.name, {
      encoding: decoded.encoding,
      delimiter: csv.delimiter === '\t' ? 'tab' : csv.delimiter,
      warnings: decoded.warning ? [decoded.warning] : [],
    });
  }
  throw new AttestError(
    'IMPORT_UNSUPPORTED_FILE',
    `${file.name} is neither a .csv nor an .xlsx file. Save the sheet as CSV or Excel workbook (.xlsx) and import that.`,
  );
}

const SYNONYMS: Record<TabularField, string[]> = {
  id: [
    'id',
    'control id',
    'controlid',
    'code',
    'ref',
    'reference id',
    'control',
    'identifier',
    'number',
    'no',
    'requirement id',
    'control number',
  ],
  title: ['title', 'name', 'control name', 'control title', 'summary'],
  statement: [
    'statement',
    'requirement',
    'description',
    'control statement',
    'text',
    'goal',
    'control text',
    'control specification',
    'specification',
  ],
  guidance: [
    'guidance',
    'evidence',
    'how to assess',
    'assessment guidance',
    'notes',
    'supplemental guidance',
    'implementation guidance',
    'implementation guidelines',
  ],
  category: ['category', 'domain', 'family', 'group', 'section', 'area', 'control domain', 'domain title', 'control family'],
  weight: ['weight', 'priority', 'importance'],
  severity: ['severity', 'risk', 'impact'],
  tags: ['tags', 'labels', 'keywords'],
  references: ['references', 'reference', 'source', 'sources', 'mapping', 'mappings'],
};

export function suggestMapping(columns: readonly string[]): ColumnMapping {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const field of TABULAR_FIELDS) {
    const hit = columns.find((c) => !used.has(c) && SYNONYMS[field].includes(key(c)));
    if (hit) {
      mapping[field] = hit;
      used.add(hit);
    }
  }
  return mapping;
}

export async function previewTabular(file: TabularFile, sampleSize = 5, layout: TabularLayout = {}): Promise<TabularPreview> {
  const table = await readTabular(file, layout);
  return {
    sheet: table.sheet,
    sheets: table.sheets,
    headerRow: table.headerRow,
    topRows: table.topRows,
    columns: table.columns,
    sampleRows: table.rows.slice(0, sampleSize).map((r) => r.cells),
    rowCount: table.rows.length,
    suggestedMapping: suggestMapping(table.columns),
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
    warnings: table.warnings,
  };
}

const dedupe = (xs: string[]) => [...new Set(xs)];
/** Tags: one cell may hold several, separated by ; , or line breaks. */
const splitTags = (cell: string) =>
  cell
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
/** References split on ; and line breaks only: a citation like "SP 800-53: AC-1, AC-2" keeps its commas. */
const splitReferences = (cell: string) =>
  cell
    .split(/[;\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A title for a control whose title cell is empty: the start of its statement. */
function titleFromStatement(statement: string): string {
  const line = statement.split('\n')[0]!.trim();
  if (line.length <= 100) return line;
  const cut = line.slice(0, 100);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

export function importTabular(table: TabularTable, mapping: ColumnMapping, info: TabularCatalogueInfo): TabularImportResult {
  const missing = REQUIRED_TABULAR_FIELDS.filter((f) => !columnsOf({ [f]: mapping[f] }).length);
  if (missing.length) {
    throw new AttestError(
      'IMPORT_MAPPING_INCOMPLETE',
      `Choose a column for ${missing.join(' and ')}; id and statement are required (a missing title is taken from the statement).`,
    );
  }
  const index: Partial<Record<TabularField, number[]>> = {};
  for (const field of TABULAR_FIELDS) {
    const chosen = columnsOf({ [field]: mapping[field] });
    if (!chosen.length) continue;
    if (chosen.length > 1 && !MULTI_COLUMN_FIELDS.includes(field)) {
      throw new AttestError(
        'IMPORT_MAPPING_INCOMPLETE',
        `Choose one column for ${field}; only ${MULTI_COLUMN_FIELDS.join(', ')} can take several.`,
      );
    }
    index[field] = chosen.map((column) => {
      const at = table.columns.findIndex((c) => norm(c) === norm(column));
      if (at < 0)
        throw new AttestError(
          'IMPORT_MAPPING_INCOMPLETE',
          `The column "${column}" chosen for ${field} is not in ${table.sheet !== null ? `sheet "${table.sheet}"` : 'the file'}. Pick one of: ${table.columns.join(', ')}.`,
        );
      return at;
    });
  }
  const columnName = (f: TabularField) => (index[f] ? table.columns[index[f][0]!] : undefined);

  const errors: RowError[] = [];
  const warnings = [...table.warnings];
  const categories: Category[] = [];
  const categoryByName = new Map<string, string>();
  const controls: Control[] = [];
  const seenIds = new Map<string, number>();
  // Categories carried down: a parent row names the category of the rows under it, and a
  // blank category cell means "same as above" (how grouped and merged sheets are laid out).
  let parentCategory = '';
  let lastCategory = '';
  const titled: number[] = [];

  const categoryFor = (name: string): string => {
    const key = name.trim() || 'Uncategorised';
    let id = categoryByName.get(key.toLowerCase());
    if (!id) {
      const base = slugId(key) || 'category';
      id = base;
      for (let n = 2; categories.some((c) => c.id === id); n++) id = `${base}-${n}`;
      categories.push({ id, title: key });
      categoryByName.set(key.toLowerCase(), id);
    }
    return id;
  };

  for (const { row, cells } of table.rows) {
    const values = (f: TabularField) => (index[f] ?? []).map((i) => (cells[i] ?? '').trim());
    const cell = (f: TabularField) => values(f).filter(Boolean).join('\n\n');
    const problem = (f: TabularField, message: string) =>
      errors.push({ sheet: table.sheet, row, ...(columnName(f) ? { column: columnName(f)! } : {}), message });

    const id = cell('id');
    const statement = cell('statement');
    const texts = dedupe(cells.map((c) => c.trim()).filter(Boolean));
    // A parent row: no statement, only a heading (often merged across the row, so it may sit
    // in the id column); a lone text that looks like an id is a control missing its statement.
    const heading = !statement && (!id || (texts.length === 1 && (/\s/.test(id) || !/\d/.test(id))));
    if (heading) {
      if (texts.length) {
        parentCategory = texts.join(' – ').slice(0, 200);
        lastCategory = '';
      }
      continue;
    }
    const before = errors.length;
    if (!id) problem('id', 'id is empty');
    if (!statement) problem('statement', 'statement is empty');
    if (id) {
      const first = seenIds.get(id);
      if (first !== undefined) problem('id', `id "${id}" was already used on row ${first}`);
    }

    let weight: number | undefined;
    if (cell('weight')) {
      const n = Number(cell('weight'));
      if (Number.isInteger(n) && n >= 1 && n <= 5) weight = n;
      else problem('weight', `weight "${cell('weight')}" is not a whole number from 1 to 5`);
    }
    let severity: Severity | undefined;
    if (cell('severity')) {
      const s = cell('severity').toLowerCase();
      if ((SEVERITIES as readonly string[]).includes(s)) severity = s as Severity;
      else problem('severity', `severity "${cell('severity')}" is not one of ${SEVERITIES.join(', ')}`);
    }
    if (cell('category')) lastCategory = cell('category');
    const category = cell('category') || lastCategory || parentCategory;

    if (errors.length === before) {
      let title = cell('title');
      if (!title) {
        title = titleFromStatement(statement);
        titled.push(row);
      }
      const candidate = {
        id,
        title,
        statement,
        guidance: cell('guidance'),
        category: categoryFor(category),
        ...(weight !== undefined ? { weight } : {}),
        ...(severity !== undefined ? { severity } : {}),
        references: dedupe(values('references').flatMap(splitReferences)).map((t) => ({ title: t })),
        tags: dedupe(values('tags').flatMap(splitTags)),
      };
      const parsed = controlSchema.safeParse(candidate);
      if (parsed.success) controls.push(parsed.data);
      else {
        for (const issue of parsed.error.issues.slice(0, 3)) {
          const field = String(issue.path[0] ?? '');
          problem(
            (TABULAR_FIELDS as readonly string[]).includes(field) ? (field as TabularField) : 'id',
            `${field || 'row'}: ${issue.message}`,
          );
        }
      }
    }
    if (id && !seenIds.has(id)) seenIds.set(id, row);
  }

  if (titled.length) {
    warnings.push(
      `${titled.length} ${titled.length === 1 ? 'control has' : 'controls have'} no title; the start of the statement is used (row${titled.length === 1 ? '' : 's'} ${titled.slice(0, 10).join(', ')}${titled.length > 10 ? ', …' : ''}).`,
    );
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
  return { catalogue, errors, warnings };
}
