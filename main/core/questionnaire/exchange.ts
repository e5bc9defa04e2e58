// Questionnaires out and back. XLSX: an Instructions sheet, a Questions sheet whose
// question ids sit in a locked, hidden column and whose answers go in the only unlocked
// cells (with dropdowns for yes/no/partial and select questions), sheet protection and
// workbook structure protection (no password: they guard against slips, not attackers).
// JSON: the shape documented in catalog/questionnaires/questionnaire-answers.schema.json.
// Text cells are written as they are, formula-like ones with Excel's quote-prefix style;
// answers are read back by question id and checked as a whole before anything is stored.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadWorkbook } from '../spreadsheet/read-workbook';
import { assertZipWithinBounds } from '../spreadsheet/zip-bounds';
import type { AnswerValue, ImportProblem, Question, QuestionnaireSummary, TemplateBody } from '../../contract/questionnaire';
import { AttestError } from '../errors';
import { looksLikeFormula, toExcelCsv } from '../spreadsheet/cell-safety';
import { applyQuotePrefix, setTextCell } from '../spreadsheet/quote-prefix';
import { answerText, parseAnswer, YESNO_LABELS } from './answers';
import { hiddenItems, questionsOf } from '../../contract/visibility';
import type { IncomingAnswer } from './questionnaires';

export const QUESTIONS_SHEET = 'Questions';
export const LISTS_SHEET = 'Lists';
export const JSON_FORMAT = 'attest-questionnaire';
// Source says who stands behind a pre-filled answer (carried forward, corrected by the analyst); read-only.
const HEADERS = [
  'Question id',
  'Section',
  'Question',
  'Help and options',
  'Answer type',
  'Required',
  'Shown when',
  'Answer',
  'Comment',
  'Source',
];
export const COL = { id: 1, answer: 8, comment: 9 } as const;

const TYPE_TEXT: Record<Question['type'], string> = {
  yesno: 'Yes / No / Partial / N/A',
  single: 'Pick one option',
  multi: 'One or more options, separated by ;',
  text: 'Text',
  number: 'A number',
  date: 'A date (YYYY-MM-DD)',
  file: 'Name of the file you send with this questionnaire',
};

// Text goes in as written; formula-like cells get Excel's quote-prefix style (no visible
// apostrophe), added after the workbook is written (spreadsheet/quote-prefix.ts).
const cell = (text: string) => text;

function conditionText(q: Question, questions: ReadonlyMap<string, Question>): string {
  if (q.showWhen) {
    const other = questions.get(q.showWhen.question);
    const values = q.showWhen.anyOf.map((v) => (other ? answerText(other, other.type === 'multi' ? [v] : v) : v));
    return `Only if ${q.showWhen.question} is ${values.join(' or ')}`;
  }
  return q.cond ? `Only if: ${q.cond}` : '';
}

interface Existing {
  value: AnswerValue;
  comment: string;
  /** Empty for the vendor's own answer; else "Carried forward …" or "Corrected by …" (provenance.ts). */
  source?: string;
}

export async function exportXlsx(
  summary: QuestionnaireSummary,
  body: TemplateBody,
  answers: ReadonlyMap<string, Existing>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Attest';
  wb.created = new Date(summary.createdAt);
  const questions = questionsOf(body);

  const intro = wb.addWorksheet('Instructions', { properties: { tabColor: { argb: 'FF1F4E79' } } });
  intro.columns = [{ width: 24 }, { width: 90 }];
  const lines: [string, string][] = [
    ['Questionnaire', body.title],
    ['For', summary.vendorName],
    ['Questionnaire id', summary.id],
    ['Review cycle', summary.cycle],
    ['Template', `${summary.templateId} version ${summary.templateVersion}`],
    ['', ''],
    [
      'How to answer',
      'Answer every question on the Questions sheet in the Answer column; add anything you want us to know in the Comment column.',
    ],
    ['', 'Yes/No questions take Yes, No, Partial or N/A (not applicable). Select questions offer their options in a dropdown.'],
    ['', 'Questions marked Required must be answered. A question with a "Shown when" note only needs an answer when that condition holds.'],
    ['', 'Please do not add, remove or reorder rows or sheets: answers are matched to questions by the hidden question id.'],
    ['', 'Sheets are protected without a password to prevent accidental edits; only the Answer and Comment cells can be changed.'],
  ];
  for (const [k, v] of lines) intro.addRow([cell(k), cell(v)]);
  intro.getColumn(1).font = { bold: true };
  intro.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const sheet = wb.addWorksheet(QUESTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 18 },
    { width: 24 },
    { width: 60 },
    { width: 50 },
    { width: 22 },
    { width: 10 },
    { width: 30 },
    { width: 40 },
    { width: 40 },
    { width: 36 },
  ];
  sheet.addRow(HEADERS);
  sheet.getRow(1).font = { bold: true };
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  let listCol = 0;

  for (const section of body.sections) {
    const head = sheet.addRow(['', cell(section.title)]);
    head.font = { bold: true };
    for (const item of section.items) {
      if (item.kind !== 'question') continue;
      const optionsText = item.options.length ? item.options.map((o) => `• ${o.label || o.id}`).join('\n') : '';
      const help = [item.help, optionsText].filter(Boolean).join('\n');
      const prior = answers.get(item.id);
      const priorCell = prior === undefined ? '' : typeof prior.value === 'number' ? prior.value : cell(answerText(item, prior.value));
      const row = sheet.addRow([
        cell(item.id),
        cell(section.title),
        cell(item.text),
        cell(help),
        TYPE_TEXT[item.type],
        item.required ? 'Yes' : '',
        cell(conditionText(item, questions)),
        priorCell,
        prior ? cell(prior.comment) : '',
        prior?.source ? cell(prior.source) : '',
      ]);
      row.alignment = { wrapText: true, vertical: 'top' };
      for (const c of [COL.answer, COL.comment]) row.getCell(c).protection = { locked: false };
      const answer = row.getCell(COL.answer);
      if (item.type === 'yesno') {
        answer.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${Object.values(YESNO_LABELS).join(',')}"`],
          showErrorMessage: true,
          errorTitle: 'Pick an answer',
          error: 'Choose Yes, No, Partial or Not applicable.',
        };
      } else if (item.type === 'single' || item.type === 'multi') {
        listCol++;
        item.options.forEach((o, i) => (lists.getCell(i + 1, listCol).value = cell(o.label || o.id)));
        const letter = lists.getColumn(listCol).letter;
        answer.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`${LISTS_SHEET}!$${letter}$1:$${letter}$${item.options.length}`],
          // A multi-select holds several options, so the dropdown only suggests.
          showErrorMessage: item.type === 'single',
          errorTitle: 'Pick an option',
          error: 'Choose one of the options in the list.',
        };
      } else if (item.type === 'number') {
        answer.dataValidation = {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [-1e15, 1e15],
          showErrorMessage: true,
          error: 'Enter a number.',
        };
      }
    }
  }
  sheet.getColumn(COL.id).hidden = true;
  const protection = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };
  await sheet.protect('', protection);
  await intro.protect('', protection);
  await lists.protect('', protection);
  for (const ws of [intro, sheet, lists]) ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && setTextCell(c, c.value)));
  const bytes = await applyQuotePrefix(new Uint8Array(await wb.xlsx.writeBuffer()));
  return lockStructure(bytes);
}

/** exceljs cannot protect the workbook structure, so the flag goes into workbook.xml directly. */
async function lockStructure(bytes: Uint8Array): Promise<Uint8Array> {
  // These bytes were just written by exceljs; the same bounds apply to every ZIP read.
  await assertZipWithinBounds(bytes, 'the generated workbook');
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('xl/workbook.xml');
  if (!file) throw new AttestError('INTERNAL_XLSX', 'The workbook has no workbook.xml.');
  const xml = await file.async('string');
  // workbookProtection comes right after workbookPr in the schema's element order.
  const locked = /<workbookPr[^>]*\/>/.test(xml)
    ? xml.replace(/(<workbookPr[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>')
    : xml.replace(/(<bookViews)/, '<workbookProtection lockStructure="1"/>$1');
  zip.file('xl/workbook.xml', locked);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A cell's value as a vendor meant it; a formula someone typed is kept as its text, never evaluated. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return `=${String((v as { formula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula ?? '')}`;
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return null;
  }
  if (typeof v === 'string') return unNeutralise(v);
  return v;
}

/** Workbooks from older versions put an apostrophe before formula-like text: it comes off. */
const unNeutralise = (s: string) => (s.startsWith("'") && looksLikeFormula(s.slice(1)) ? s.slice(1) : s);

export interface RawAnswer {
  questionId: string;
  where: string;
  value: unknown;
  comment: string;
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<{ questionnaireId: string | null; answers: RawAnswer[] }> {
  const wb = await loadWorkbook(bytes, fileName);
  const sheet = wb.getWorksheet(QUESTIONS_SHEET);
  if (!sheet)
    throw new AttestError(
      'IMPORT_NOT_QUESTIONNAIRE',
      `${fileName} has no "${QUESTIONS_SHEET}" sheet, so it is not a questionnaire Attest sent.`,
    );
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const idCol = header.indexOf('Question id');
  const answerCol = header.indexOf('Answer');
  const commentCol = header.indexOf('Comment');
  if (idCol < 0 || answerCol < 0)
    throw new AttestError('IMPORT_NOT_QUESTIONNAIRE', `${fileName}: the Questions sheet has no "Question id" and "Answer" columns.`);
  const answers: RawAnswer[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const id = cellValue(row.getCell(idCol).value);
    if (id === null || String(id).trim() === '') return;
    const comment = commentCol > 0 ? cellValue(row.getCell(commentCol).value) : null;
    answers.push({
      questionId: String(id).trim(),
      where: `Questions row ${n}`,
      value: cellValue(row.getCell(answerCol).value),
      comment: comment === null ? '' : String(comment),
    });
  });
  const intro = wb.getWorksheet('Instructions');
  const qid = intro?.getCell('B3').value;
  return { questionnaireId: typeof qid === 'string' ? qid : null, answers };
}

export function exportJson(summary: QuestionnaireSummary, body: TemplateBody, answers: ReadonlyMap<string, Existing>): Uint8Array {
  const doc = {
    format: JSON_FORMAT,
    version: 1,
    questionnaireId: summary.id,
    vendor: { id: summary.vendorId, name: summary.vendorName },
    cycle: summary.cycle,
    template: { id: summary.templateId, version: summary.templateVersion, title: body.title },
    instructions:
      'Fill "answer" (and optionally "comment") of each question. yesno takes "yes", "no", "partial" or "na"; single takes one option id; ' +
      'multi takes a list of option ids; number a number; date "YYYY-MM-DD"; text and file a string. Leave an unanswered question null.',
    sections: body.sections.map((s) => ({
      id: s.id,
      title: s.title,
      questions: s.items
        .filter((i): i is Question => i.kind === 'question')
        .map((q) => ({
          id: q.id,
          type: q.type,
          text: q.text,
          help: q.help,
          required: q.required,
          ...(q.options.length ? { options: q.options } : {}),
          ...(q.showWhen ? { showWhen: q.showWhen } : {}),
          ...(q.cond ? { cond: q.cond } : {}),
          answer: answers.get(q.id)?.value ?? null,
          comment: answers.get(q.id)?.comment ?? '',
          ...(answers.get(q.id)?.source ? { source: answers.get(q.id)!.source } : {}),
        })),
    })),
  };
  return new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`);
}

export function readJson(bytes: Uint8Array, fileName: string): { questionnaireId: string | null; answers: RawAnswer[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (cause) {
    throw new AttestError('IMPORT_NOT_JSON', `${fileName} is not valid JSON.`, { cause });
  }
  const d = doc as { format?: unknown; questionnaireId?: unknown; sections?: unknown; answers?: unknown };
  const answers: RawAnswer[] = [];
  if (Array.isArray(d?.sections)) {
    d.sections.forEach((s: { questions?: unknown }, si: number) => {
      if (!Array.isArray(s?.questions)) return;
      s.questions.forEach((q: { id?: unknown; answer?: unknown; comment?: unknown }, qi: number) => {
        if (typeof q?.id !== 'string') return;
        answers.push({
          questionId: q.id,
          where: `sections[${si}].questions[${qi}]`,
          value: q.answer ?? null,
          comment: typeof q.comment === 'string' ? q.comment : '',
        });
      });
    });
  } else if (d && typeof d.answers === 'object' && d.answers !== null) {
    for (const [id, v] of Object.entries(d.answers as Record<string, unknown>)) {
      const withComment = typeof v === 'object' && v !== null && !Array.isArray(v) && 'value' in v;
      answers.push({
        questionId: id,
        where: `answers.${id}`,
        value: withComment ? (v as { value: unknown }).value : v,
        comment: withComment ? String((v as { comment?: unknown }).comment ?? '') : '',
      });
    }
  } else {
    throw new AttestError('IMPORT_NOT_QUESTIONNAIRE', `${fileName} has neither "sections" with questions nor an "answers" object.`);
  }
  return { questionnaireId: typeof d.questionnaireId === 'string' ? d.questionnaireId : null, answers };
}

/** Checks every incoming answer against the questionnaire: the answers to store, or the report of what is wrong. */
export function checkAnswers(body: TemplateBody, raw: readonly RawAnswer[]) {
  const questions = questionsOf(body);
  const missing: ImportProblem[] = [];
  const invalid: ImportProblem[] = [];
  const unknown: ImportProblem[] = [];
  const accepted: IncomingAnswer[] = [];
  const seen = new Set<string>();
  for (const a of raw) {
    const q = questions.get(a.questionId);
    if (!q) {
      unknown.push({ questionId: a.questionId, where: a.where, message: `no question has the id "${a.questionId}"` });
      continue;
    }
    if (seen.has(q.id)) {
      invalid.push({ questionId: q.id, where: a.where, message: 'this question is answered twice' });
      continue;
    }
    seen.add(q.id);
    const p = parseAnswer(q, a.value);
    if (!p.ok) invalid.push({ questionId: q.id, where: a.where, message: p.message });
    else if (p.value !== null || a.comment.trim()) accepted.push({ questionId: q.id, value: p.value ?? '', comment: a.comment });
  }
  const given = new Map(accepted.filter((a) => a.value !== '').map((a) => [a.questionId, a.value]));
  const hidden = hiddenItems(body, given);
  for (const s of body.sections) {
    for (const q of s.items) {
      if (q.kind === 'question' && q.required && !hidden.has(q) && !given.has(q.id) && !invalid.some((x) => x.questionId === q.id)) {
        missing.push({ questionId: q.id, where: s.title, message: `required and not answered: ${q.text.slice(0, 160)}` });
      }
    }
  }
  return { missing, invalid, unknown, accepted };
}

export function answersCsv(body: TemplateBody, answers: ReadonlyMap<string, Existing>): Uint8Array {
  const rows = body.sections.flatMap((s) =>
    s.items
      .filter((i): i is Question => i.kind === 'question')
      .map((q) => [
        q.id,
        s.title,
        q.text,
        answerText(q, answers.get(q.id)?.value),
        answers.get(q.id)?.comment ?? '',
        answers.get(q.id)?.source ?? '',
      ]),
  );
  return new TextEncoder().encode(toExcelCsv(['Question id', 'Section', 'Question', 'Answer', 'Comment', 'Source'], rows));
}
