// Standard questionnaires as their publishers ship them (CSA CAIQ, the EDUCAUSE HECVAT
// family) and any workbook of that shape. Nothing is read from fixed cell addresses: the
// response sheet is the one with the most question ids (XX-01, A&A-01.1) next to an
// answer column; the header row names the question, answer, notes and guidance columns;
// section rows (a heading where an id would be) or a domain column give the sections; the
// answer cell's dropdown (a list, or a named range of one) gives the question type. An
// analyst sheet's preferred or compliant answer, when the workbook has one, becomes the
// expected answer; otherwise a Yes/No question expects Yes.
import type ExcelJS from 'exceljs';
import { AttestError } from '../errors';
import { readWorkbook, valueText, type GridRow, type SheetGrid } from '../spreadsheet/read-workbook';

/** A question id as standard questionnaires write them: letters (and &), a dash, a number, maybe a sub-number. */
export const QUESTION_ID = /^[A-Z][A-Z0-9&]{1,9}-\d{1,3}(?:\.\d{1,3})?$/;

export interface SheetQuestion {
  id: string;
  section: string;
  text: string;
  type: 'yesno' | 'single' | 'text';
  options: string[];
  help: string;
  expected?: 'yes' | 'no';
  /** what the workbook holds as the answer (a completed workbook), as text */
  answer: string;
  notes: string;
  where: string;
}

export interface StandardQuestionnaire {
  family: 'caiq' | 'hecvat' | 'spreadsheet';
  title: string;
  version: string;
  sheet: string;
  questions: SheetQuestion[];
}

/** The columns of a general "questionnaire from spreadsheet" mapping, by header text. */
export interface QuestionnaireMapping {
  sheet?: string | undefined;
  headerRow?: number | undefined;
  id: string;
  question: string;
  section?: string | undefined;
  answer?: string | undefined;
  notes?: string | undefined;
  guidance?: string | undefined;
}

const YESNO = new Set(['yes', 'no', 'na', 'n/a', 'not applicable', 'partial']);
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const isYesNo = (s: string) => YESNO.has(norm(s));

interface Columns {
  header: number;
  id: number;
  question: number;
  answer: number;
  notes: number;
  guidance: number;
  section: number;
  /** CAIQ v3-style answers: a mark under Yes, No or Not applicable */
  marks: { yes: number; no: number; na: number } | null;
  extraHelp: number[];
}

const idColumn = (rows: readonly GridRow[]): { col: number; count: number } => {
  const counts = new Map<number, number>();
  for (const r of rows) r.cells.slice(0, 6).forEach((c, i) => QUESTION_ID.test(c.trim()) && counts.set(i, (counts.get(i) ?? 0) + 1));
  let best = { col: -1, count: 0 };
  for (const [col, count] of counts) if (count > best.count) best = { col, count };
  return best;
};

const find = (cells: readonly string[], pattern: RegExp, not?: RegExp) =>
  cells.findIndex((c) => pattern.test(c.trim()) && !(not && not.test(c)));

/** The header row: the first row above or among the questions that names an answer column (or Yes/No mark columns). */
function columnsOf(grid: SheetGrid, idCol: number): Columns | null {
  const firstId = grid.rows.findIndex((r) => QUESTION_ID.test((r.cells[idCol] ?? '').trim()));
  const candidates = grid.rows.filter(
    (r, i) => !QUESTION_ID.test((r.cells[idCol] ?? '').trim()) && i < grid.rows.length && (i < firstId || find(r.cells, /answer/i) >= 0),
  );
  const noAnswer = /analyst|override|^c_|^v_|preferred|compliant/i;
  for (const h of candidates) {
    const found = find(h.cells, /answer|response/i, noAnswer);
    // A sheet title ("… | Vendor Response") in the id column is not the answer column.
    const answer = found !== idCol && (h.cells[found] ?? '').length <= 60 ? found : -1;
    const yes = find(h.cells, /^yes$/i);
    const no = find(h.cells, /^no$/i);
    const next = grid.rows[grid.rows.indexOf(h) + 1];
    const markRow = yes >= 0 ? h.cells : next ? next.cells : [];
    const markYes = yes >= 0 ? yes : find(markRow, /^yes$/i);
    const markNo = no >= 0 ? no : find(markRow, /^no$/i);
    if (answer < 0 && (markYes < 0 || markNo < 0)) continue;
    const marks = markYes >= 0 && markNo >= 0 ? { yes: markYes, no: markNo, na: find(markRow, /^(n\/?a|not applicable)$/i) } : null;
    const question = find(h.cells, /question|requirement/i, /id$|answer|^consensus assessment answers$/i);
    return {
      header: h.row,
      id: idCol,
      question: question >= 0 && question !== idCol ? question : idCol + 1,
      answer: marks && answer < 0 ? -1 : answer,
      notes: find(h.cells, /additional information|implementation description|notes|comment|explanation/i, /analyst/i),
      guidance: find(h.cells, /guidance/i, /analyst/i),
      section: find(h.cells, /domain|section|category/i, /id$/i),
      marks,
      extraHelp: h.cells.flatMap((c, i) => (/control (id|title|specification)/i.test(c) ? [i] : [])),
    };
  }
  return null;
}

/** The options of an answer cell's dropdown: a quoted list, or a named range read from its sheet. */
function dropdown(sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook, row: number, col: number): string[] | null {
  let v: ExcelJS.DataValidation | undefined;
  try {
    v = sheet.getCell(row, col + 1).dataValidation;
  } catch {
    return null;
  }
  if (!v || v.type !== 'list' || !v.formulae?.length) return null;
  const f = String(v.formulae[0]).trim();
  if (f.startsWith('"'))
    return f
      .replace(/^"|"$/g, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const ranges = (() => {
    try {
      return workbook.definedNames.getRanges(f).ranges;
    } catch {
      return [];
    }
  })();
  const ref = ranges[0] ?? (f.includes('!') ? f : null);
  const m = ref ? /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref) : null;
  const target = m ? workbook.getWorksheet(m[1]!.replace(/^[A-Z]\+/, '')) : undefined;
  if (!m || !target) return null;
  const out: string[] = [];
  const last = Number(m[5] ?? m[3]);
  for (let r = Number(m[3]); r <= Math.min(last, Number(m[3]) + 200); r++) {
    const text = valueText(target.getCell(`${m[2]}${r}`).value).trim();
    if (text) out.push(text);
  }
  return out.length ? out : null;
}

/** Expected answers from an analyst sheet: an id column with a "C_Answer", "Preferred Response" or "Compliant Answer" column. */
function expectedAnswers(sheets: readonly SheetGrid[]): Map<string, 'yes' | 'no'> {
  const out = new Map<string, 'yes' | 'no'>();
  for (const grid of sheets) {
    const { col, count } = idColumn(grid.rows);
    if (count < 5) continue;
    const header = grid.rows
      .slice(0, 40)
      .find((r) => find(r.cells, /^(c_answer|preferred response|compliant answer|expected answer)$/i) >= 0);
    if (!header) continue;
    const at = find(header.cells, /^(c_answer|preferred response|compliant answer|expected answer)$/i);
    for (const r of grid.rows) {
      const id = (r.cells[col] ?? '').trim();
      const v = norm(r.cells[at] ?? '');
      if (QUESTION_ID.test(id) && (v === 'yes' || v === 'no') && !out.has(id)) out.set(id, v);
    }
  }
  return out;
}

const sectionRowText = (r: GridRow, idCol: number): string | null => {
  const texts = [...new Set(r.cells.map((c) => c.trim()).filter(Boolean))];
  const first = (r.cells[idCol] ?? '').trim() || texts[0] || '';
  if (!first || QUESTION_ID.test(first) || first.length > 120 || /\b[A-Z]{2,}[A-Z&]*-\d/.test(first)) return null;
  const headingOnly = texts.length === 1;
  const withAnswerHeader = texts.some((t) => /answer/i.test(t));
  return headingOnly || withAnswerHeader ? first.replace(/\s*-\s*Optional based on .*$/i, '').trim() : null;
};

function familyOf(book: readonly SheetGrid[], sheet: SheetGrid): StandardQuestionnaire['family'] {
  const text = [sheet.name, ...sheet.rows.slice(0, 3).flatMap((r) => r.cells)].join(' ');
  if (/CAIQ|consensus assessments/i.test(text) || book.some((s) => /^CAIQ/i.test(s.name))) return 'caiq';
  if (/HECVAT|K-?12CVAT|HEISC/i.test(text)) return 'hecvat';
  return 'spreadsheet';
}

function titleOf(sheet: SheetGrid, header: number, fileName: string): { title: string; version: string } {
  const top = sheet.rows
    .filter((r) => r.row < header)
    .slice(0, 3)
    .flatMap((r) => r.cells.map((c) => c.trim()).filter(Boolean));
  const version =
    top.map((t) => /^(?:version\s*)?v?(\d+(?:\.\d+)+)$/i.exec(t)?.[1] ?? /\bv(\d+(?:\.\d+)+)\b/i.exec(t)?.[1]).find(Boolean) ?? '';
  const title =
    top.find((t) => t.length > 3 && t.length <= 120 && !/^(?:version\s*)?v?\d+(?:\.\d+)+$/i.test(t)) ?? fileName.replace(/\.[^.]+$/, '');
  return { title: title.replace(/\s*\|\s*Vendor Response\s*$/i, ''), version };
}

const standardId = (s: string) => QUESTION_ID.test(s);

function questionsFrom(
  grid: SheetGrid,
  cols: Columns,
  workbook: ExcelJS.Workbook | null,
  expected: ReadonlyMap<string, 'yes' | 'no'>,
  isId: (s: string) => boolean = standardId,
): SheetQuestion[] {
  const out: SheetQuestion[] = [];
  const headerCells = grid.rows.find((r) => r.row === cols.header)?.cells ?? [];
  let section = '';
  let lastDomain = '';
  for (const r of grid.rows) {
    const id = (r.cells[cols.id] ?? '').trim();
    if (r.row === cols.header) {
      const heading = sectionRowText(r, cols.id);
      if (heading) section = heading;
      continue;
    }
    if (!isId(id)) {
      const heading = sectionRowText(r, cols.id);
      if (heading) section = heading;
      continue;
    }
    const at = (i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
    const domain = at(cols.section);
    if (domain) lastDomain = domain;
    const text = at(cols.question);
    let answer = at(cols.answer);
    if (cols.marks) {
      const marked = (i: number) => i >= 0 && at(i) !== '';
      answer = marked(cols.marks.yes) ? 'Yes' : marked(cols.marks.no) ? 'No' : marked(cols.marks.na) ? 'N/A' : answer;
    }
    const options = cols.answer >= 0 && workbook ? dropdown(grid.sheet, workbook, r.row, cols.answer) : null;
    const yesno = cols.marks !== null || (options ? options.every(isYesNo) : answer !== '' && isYesNo(answer));
    const help = [at(cols.guidance), ...cols.extraHelp.map((i) => (at(i) ? `${headerCells[i]}: ${at(i)}` : '')).filter(Boolean)]
      .filter(Boolean)
      .join('\n');
    const exp = yesno ? (expected.get(id) ?? 'yes') : undefined;
    out.push({
      id,
      section: lastDomain || section || id.replace(/-.*$/, ''),
      text: text || id,
      type: yesno ? 'yesno' : options ? 'single' : 'text',
      options: yesno || !options ? [] : options,
      help,
      ...(exp ? { expected: exp } : {}),
      answer,
      notes: at(cols.notes),
      where: `sheet "${grid.name}" row ${r.row}`,
    });
  }
  return out;
}

/** Reads a CAIQ, a HECVAT or any workbook of that shape: its response sheet, questions and (if completed) answers. */
export async function readStandardQuestionnaire(bytes: Uint8Array, fileName: string): Promise<StandardQuestionnaire> {
  const book = await readWorkbook(bytes, fileName);
  const ranked = book.sheets
    .map((s) => ({ s, ...idColumn(s.rows) }))
    .filter((x) => x.count >= 5)
    .sort((a, b) => Number(a.s.hidden) - Number(b.s.hidden) || b.count - a.count);
  for (const { s, col } of ranked) {
    const cols = columnsOf(s, col);
    if (!cols) continue;
    const questions = questionsFrom(s, cols, book.workbook, expectedAnswers(book.sheets));
    if (!questions.length) continue;
    return { family: familyOf(book.sheets, s), ...titleOf(s, cols.header, fileName), sheet: s.name, questions };
  }
  throw new AttestError(
    'IMPORT_NOT_QUESTIONNAIRE',
    `${fileName} has no sheet with question ids (like A&A-01.1 or COMP-01) next to an answer column. For another layout, map its columns (id, question, section, answer, notes).`,
  );
}

/** Reads any workbook with a column mapping: the general "questionnaire from spreadsheet". */
export async function readMappedQuestionnaire(
  bytes: Uint8Array,
  fileName: string,
  mapping: QuestionnaireMapping,
): Promise<StandardQuestionnaire> {
  const book = await readWorkbook(bytes, fileName);
  const wanted = [mapping.id, mapping.question, mapping.section, mapping.answer, mapping.notes, mapping.guidance]
    .filter((c): c is string => Boolean(c))
    .map(norm);
  const sheets = mapping.sheet ? book.sheets.filter((s) => norm(s.name) === norm(mapping.sheet!)) : book.sheets;
  if (!sheets.length)
    throw new AttestError(
      'IMPORT_SHEET_NOT_FOUND',
      `${fileName} has no sheet "${mapping.sheet}". Its sheets are: ${book.sheets.map((s) => `"${s.name}"`).join(', ')}.`,
    );
  for (const s of sheets) {
    const header = s.rows.find((r) =>
      mapping.headerRow ? r.row === mapping.headerRow : wanted.every((w) => r.cells.some((c) => norm(c) === w)),
    );
    if (!header) continue;
    const col = (name: string | undefined) => (name ? header.cells.findIndex((c) => norm(c) === norm(name)) : -1);
    const missing = [mapping.id, mapping.question, mapping.section, mapping.answer, mapping.notes, mapping.guidance].filter(
      (c): c is string => Boolean(c) && col(c) < 0,
    );
    if (missing.length)
      throw new AttestError(
        'IMPORT_MAPPING_INCOMPLETE',
        `Sheet "${s.name}" row ${header.row} has no column ${missing.map((m) => `"${m}"`).join(', ')}. Its columns are: ${header.cells.filter(Boolean).join(', ')}.`,
      );
    const cols: Columns = {
      header: header.row,
      id: col(mapping.id),
      question: col(mapping.question),
      answer: col(mapping.answer),
      notes: col(mapping.notes),
      guidance: col(mapping.guidance),
      section: col(mapping.section),
      marks: null,
      extraHelp: [],
    };
    // Any id the mapping's column holds counts (SIG's 1.1.2 too): a short text without spaces below the header.
    const rows = s.rows.filter((r) => r.row >= header.row);
    const questions = questionsFrom({ ...s, rows }, cols, book.workbook, new Map(), (id) =>
      /^[A-Za-z0-9][A-Za-z0-9_.:&/()-]{0,119}$/.test(id),
    );
    return { family: 'spreadsheet', ...titleOf(s, header.row, fileName), sheet: s.name, questions };
  }
  throw new AttestError(
    'IMPORT_HEADER_NOT_FOUND',
    `No sheet of ${fileName} has a row naming the columns ${wanted.join(', ')}. Check the column names or give the sheet and header row.`,
  );
}
