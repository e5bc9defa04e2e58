// IPC handlers of questionnaire templates, questionnaires, answers and scoring.
import type { ImportCounts, TemplateBody } from '../../contract/questionnaire';
import type { CoreDeps } from '../deps';
import type { HandlerMap } from '../dispatcher';
import { oncePerWorkspace } from '../once-per-workspace';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { loadBuiltinTemplates, defaultTemplateDir } from './builtin';
import { compareQuestionnaires } from './compare';
import { questionnaireTracker, RESPONSE_DAYS } from './tracker';
import { todayOf } from '../time/clock';
import { answersCsv, checkAnswers, exportJson, exportXlsx, readJson, readXlsx } from './exchange';
import { followUp, listVendorFindings } from './followups';
import { correctAnswer, revertAnswer } from './corrections';
import { provenanceText } from './provenance';
import {
  conclude,
  createQuestionnaire,
  listAnswers,
  listQuestionnaires,
  markExported,
  questionnaireBody,
  questionnaireSummary,
  replaceAnswers,
  storedScore,
  storeScore,
} from './questionnaires';
import {
  duplicateTemplate,
  ensureBuiltinTemplates,
  getTemplate,
  installTemplate,
  listTemplates,
  parseTemplate,
  saveTemplate,
  setTemplateRemoved,
  templateSummary,
} from './templates';
import { importVsaq, isVsaq, readRelaxedJson } from './vsaq';
import { standardAnswers, standardTemplate, standardTemplateId } from './standard-template';
import { readMappedQuestionnaire, readStandardQuestionnaire, type QuestionnaireMapping } from './standard-workbook';

type QuestionnaireChannels =
  | 'template.list'
  | 'template.get'
  | 'template.save'
  | 'template.duplicate'
  | 'template.remove'
  | 'template.restore'
  | 'template.import'
  | 'questionnaire.list'
  | 'questionnaire.tracker'
  | 'questionnaire.create'
  | 'questionnaire.get'
  | 'questionnaire.export'
  | 'questionnaire.import'
  | 'questionnaire.answer.correct'
  | 'questionnaire.answer.revert'
  | 'questionnaire.score'
  | 'questionnaire.conclude'
  | 'questionnaire.followUp'
  | 'questionnaire.compare'
  | 'questionnaire.vendorFindings';

const decode = (file: { name: string; dataBase64: string }) => new Uint8Array(Buffer.from(file.dataBase64, 'base64'));
/** An XLSX file is a zip archive: told by its first bytes, whatever its name. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const readWorkbookQuestionnaire = (bytes: Uint8Array, name: string, mapping: QuestionnaireMapping | undefined) =>
  mapping ? readMappedQuestionnaire(bytes, name, mapping) : readStandardQuestionnaire(bytes, name);
const slug = (name: string) =>
  name
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50) || 'template';

/** Counts of an Attest template file: its items by question type or note style. */
function templateCounts(body: TemplateBody): ImportCounts {
  const byType: Record<string, number> = {};
  const items = body.sections.flatMap((s) => s.items);
  for (const i of items) {
    const t = i.kind === 'question' ? i.type : i.style;
    byType[t] = (byType[t] ?? 0) + 1;
  }
  return {
    byType,
    total: items.length,
    questions: items.filter((i) => i.kind === 'question').length,
    notes: items.filter((i) => i.kind === 'note').length,
    conditions: items.filter((i) => i.showWhen || i.cond).length,
    warnings: items.filter((i) => i.kind === 'note' && i.warn).length,
  };
}

const MEDIA = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  csv: 'text/csv',
};

/** Attest's own workbook when it has one, else a standard or mapped questionnaire workbook (a vendor's completed CAIQ or HECVAT). */
async function readAnyXlsx(bytes: Uint8Array, name: string, mapping: QuestionnaireMapping | undefined) {
  if (!mapping) {
    try {
      return await readXlsx(bytes, name);
    } catch (error) {
      if (!(error instanceof AttestError && error.code === 'IMPORT_NOT_QUESTIONNAIRE')) throw error;
    }
  }
  return { questionnaireId: null, answers: standardAnswers(await readWorkbookQuestionnaire(bytes, name, mapping)) };
}

export function questionnaireHandlers(deps: CoreDeps): Pick<HandlerMap, QuestionnaireChannels> {
  let builtins: TemplateBody[] | null = null;
  const ws = oncePerWorkspace(
    () => deps.library.workspace(),
    async (w) => {
      builtins ??= loadBuiltinTemplates(defaultTemplateDir(deps.options.catalogueDir));
      await ensureBuiltinTemplates(w, builtins);
    },
  );
  const existing = async (w: Workspace, id: string) => {
    const answers = listAnswers(w, id);
    const cycle = questionnaireSummary(w, id).carry?.fromCycle ?? null;
    return new Map(answers.map((a) => [a.questionId, { value: a.value, comment: a.comment, source: provenanceText(a, cycle) }]));
  };
  return {
    'template.list': async () => ({ templates: listTemplates(await ws()) }),
    'template.get': async (r) => getTemplate(await ws(), r.id),
    'template.save': async (r, c) => saveTemplate(await ws(), r.body, r.create, c.actor),
    'template.duplicate': async (r, c) => duplicateTemplate(await ws(), r.id, r.newId, r.title, c.actor),
    'template.remove': async (r, c) => {
      await setTemplateRemoved(await ws(), r.id, true, c.actor);
      return { removed: r.id };
    },
    'template.restore': async (r, c) => {
      const w = await ws();
      await setTemplateRemoved(w, r.id, false, c.actor);
      return templateSummary(w, r.id);
    },
    'template.import': async (r, c) => {
      const w = await ws();
      const bytes = decode(r.file);
      if (isZip(bytes)) {
        const read = await readWorkbookQuestionnaire(bytes, r.file.name, r.mapping);
        const { body, counts } = standardTemplate(read, r.id ?? standardTemplateId(read), r.file.name);
        return { template: await installTemplate(w, body, 'imported', c.actor, { replace: r.replace }), counts };
      }
      const text = new TextDecoder('utf-8').decode(bytes);
      const data = readRelaxedJson(text, r.file.name);
      if (isVsaq(data)) {
        const { body, counts } = importVsaq(data, r.id ?? `vsaq-${slug(r.file.name)}`, r.file.name);
        return { template: await installTemplate(w, body, 'vsaq', c.actor, { replace: r.replace }), counts };
      }
      if (typeof data === 'object' && data !== null && 'sections' in data) {
        const body = parseTemplate(r.id ? { ...data, id: r.id } : data, r.file.name);
        return { template: await installTemplate(w, body, 'imported', c.actor, { replace: r.replace }), counts: templateCounts(body) };
      }
      throw new AttestError(
        'IMPORT_UNSUPPORTED_FILE',
        `${r.file.name} is neither a VSAQ questionnaire (a "questionnaire" list) nor an Attest template ("sections").`,
      );
    },
    'questionnaire.list': async (r) => ({ questionnaires: listQuestionnaires(await ws(), r.vendorId) }),
    'questionnaire.tracker': async (r) => {
      const w = await ws();
      const today = r.today ?? todayOf(w);
      return { rows: questionnaireTracker(w, today), today, responseDays: RESPONSE_DAYS };
    },
    'questionnaire.create': async (r, c) => createQuestionnaire(await ws(), r.vendorId, r.templateId, r.cycle, c.actor, r.carryFrom),
    'questionnaire.get': async (r) => {
      const w = await ws();
      return {
        summary: questionnaireSummary(w, r.id),
        body: questionnaireBody(w, r.id),
        answers: listAnswers(w, r.id),
        score: storedScore(w, r.id),
      };
    },
    'questionnaire.export': async (r, c) => {
      const w = await ws();
      const summary = questionnaireSummary(w, r.id);
      const body = questionnaireBody(w, r.id);
      const answers = await existing(w, r.id);
      const bytes =
        r.format === 'xlsx'
          ? await exportXlsx(summary, body, answers)
          : r.format === 'csv'
            ? answersCsv(body, answers)
            : exportJson(summary, body, answers);
      await markExported(w, r.id, r.format, c.actor);
      const name = `${slug(summary.vendorName)}-${slug(summary.cycle)}-questionnaire.${r.format}`;
      return { name, mediaType: MEDIA[r.format], dataBase64: Buffer.from(bytes).toString('base64') };
    },
    'questionnaire.import': async (r, c) => {
      const w = await ws();
      const body = questionnaireBody(w, r.id);
      const bytes = decode(r.file);
      const isJson = r.file.name.toLowerCase().endsWith('.json');
      const read = isJson ? readJson(bytes, r.file.name) : await readAnyXlsx(bytes, r.file.name, r.mapping);
      if (read.questionnaireId && read.questionnaireId !== r.id) {
        throw new AttestError(
          'IMPORT_WRONG_QUESTIONNAIRE',
          `${r.file.name} belongs to questionnaire ${read.questionnaireId}, not ${r.id}.`,
        );
      }
      const checked = checkAnswers(body, read.answers);
      const problems = checked.missing.length + checked.invalid.length + checked.unknown.length;
      if (problems > 0 && !r.partial) {
        return {
          applied: false,
          missing: checked.missing,
          invalid: checked.invalid,
          unknown: checked.unknown,
          changes: [],
          answered: 0,
          summary: questionnaireSummary(w, r.id),
          score: storedScore(w, r.id),
        };
      }
      // Partial: the valid answers are stored and every other one stays in the report, flagged.
      const { changes, score } = await replaceAnswers(w, r.id, checked.accepted, c.actor);
      return {
        applied: true,
        missing: checked.missing,
        invalid: checked.invalid,
        unknown: checked.unknown,
        changes,
        answered: checked.accepted.filter((a) => a.value !== '').length,
        summary: questionnaireSummary(w, r.id),
        score,
      };
    },
    'questionnaire.answer.correct': async (r, c) => correctAnswer(await ws(), r.id, r.questionId, r.value, r.comment, c.actor),
    'questionnaire.answer.revert': async (r, c) => revertAnswer(await ws(), r.id, r.questionId, c.actor),
    'questionnaire.score': async (r, c) => storeScore(await ws(), r.id, c.actor),
    'questionnaire.conclude': async (r, c) => conclude(await ws(), r.id, r.conclusion, r.rationale, c.actor),
    'questionnaire.followUp': async ({ id, ...f }, c) => followUp(await ws(), id, f, c.actor),
    'questionnaire.compare': async (r) => compareQuestionnaires(await ws(), r.from, r.to),
    'questionnaire.vendorFindings': async (r) => ({ findings: listVendorFindings(await ws(), r.vendorId) }),
  };
}
