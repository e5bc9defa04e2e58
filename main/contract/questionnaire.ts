// Channels of questionnaire templates (built-in, VSAQ imports, custom), questionnaires
// sent to vendors, their answers (XLSX and JSON out and back), scoring and conclusions.
// The template body schema lives here too: the core validates built-ins, imports and
// edits with it, and the renderer's builder edits the same shape.
import { z } from 'zod';
import { day, id } from './primitives';
import { defineChannel } from './channel';
import { fileUpload } from './catalog';
import { FINDING_SEVERITIES, FINDING_STATUSES, REVIEW_CONCLUSIONS, type ReviewConclusion } from './vocabulary';

export const QUESTION_TYPES = ['yesno', 'single', 'multi', 'text', 'number', 'date', 'file'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** The answers a yes/no/partial question takes; "na" is not applicable (left out of the score). */
export const YESNO_VALUES = ['yes', 'no', 'partial', 'na'] as const;
/** The reviewer's conclusions (one list, in the vocabulary, shared with the vendor registry). */
export const CONCLUSIONS = REVIEW_CONCLUSIONS;
export type Conclusion = ReviewConclusion;
export const QUESTIONNAIRE_STATES = ['draft', 'sent', 'answered', 'concluded'] as const;
/** Who an answer is from: the vendor (an import), an earlier cycle (carried forward, needs review), the analyst (a correction). */
export const ANSWER_SOURCES = ['vendor', 'carried', 'analyst'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

const itemId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:&/()-]*$/, 'an id is letters, digits, and . _ : - & / ( ) (no spaces)');

export const controlRef = z.object({ catalogueId: z.string().min(1).max(63), controlId: z.string().min(1).max(80) }).strict();
export const questionOption = z.object({ id: itemId, label: z.string().max(4000) }).strict();

/** What a good answer looks like, per question type. */
export const expectedAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('equals'), value: z.enum(['yes', 'no']) }).strict(),
  z.object({ kind: z.literal('anyOf'), values: z.array(itemId).min(1) }).strict(),
  z.object({ kind: z.literal('allOf'), values: z.array(itemId).min(1) }).strict(),
  z.object({ kind: z.literal('range'), min: z.number().optional(), max: z.number().optional() }).strict(),
  z.object({ kind: z.literal('provided') }).strict(),
]);
export type ExpectedAnswer = z.infer<typeof expectedAnswer>;

/** Show an item only when another question's answer is one of these values (option ids, yes/no/partial/na). */
export const showWhen = z.object({ question: itemId, anyOf: z.array(z.string().min(1).max(120)).min(1) }).strict();

/** Where an imported item came from: its type and id in the source file, and its nesting. */
const itemOrigin = z
  .object({
    format: z.literal('vsaq'),
    type: z.string().max(40),
    id: z.string().max(200).nullable(),
    parent: z.string().max(200).nullable(),
    depth: z.number().int().min(0),
  })
  .strict();

export const question = z
  .object({
    kind: z.literal('question'),
    id: itemId,
    type: z.enum(QUESTION_TYPES),
    text: z.string().trim().min(1, 'a question needs its text').max(20_000),
    help: z.string().max(20_000).default(''),
    weight: z.number().min(0).max(100).default(1),
    expected: expectedAnswer.optional(),
    options: z.array(questionOption).max(200).default([]),
    controls: z.array(controlRef).max(50).default([]),
    showWhen: showWhen.optional(),
    /** A VSAQ display condition (`a || !b && (c)`), kept as written; option and question ids are its terms. */
    cond: z.string().max(2000).optional(),
    required: z.boolean().default(false),
    multiline: z.boolean().optional(),
    origin: itemOrigin.optional(),
  })
  .strict();
export type Question = z.output<typeof question>;

/** Text shown in the form but not answered: VSAQ info, tips (with their warnings), spacers and nested blocks. */
export const note = z
  .object({
    kind: z.literal('note'),
    style: z.enum(['info', 'tip', 'spacer', 'heading']),
    id: itemId.optional(),
    text: z.string().max(20_000).default(''),
    warn: z.boolean().default(false),
    severity: z.string().max(40).optional(),
    name: z.string().max(400).optional(),
    why: z.string().max(20_000).optional(),
    showWhen: showWhen.optional(),
    cond: z.string().max(2000).optional(),
    origin: itemOrigin.optional(),
  })
  .strict();
export type Note = z.output<typeof note>;

export const templateItem = z.discriminatedUnion('kind', [question, note]);
export type TemplateItem = z.output<typeof templateItem>;

export const templateSection = z
  .object({
    id: itemId,
    title: z.string().trim().min(1, 'a section needs a title').max(400),
    help: z.string().max(20_000).default(''),
    items: z.array(templateItem).max(2000),
    origin: itemOrigin.optional(),
  })
  .strict();
export type TemplateSection = z.output<typeof templateSection>;

const optionIdsFit = (q: Question, ids: readonly string[]) => ids.every((v) => q.options.some((o) => o.id === v));

/** A whole template: rules that span questions are checked here (unique ids, expectations fit the type). */
export const templateBody = z
  .object({
    format: z.literal(1),
    id: z
      .string()
      .min(1)
      .max(63)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'a template id is lower-case letters, digits and hyphens'),
    title: z.string().trim().min(1, 'a template needs a title').max(300),
    description: z.string().max(8000).default(''),
    source: z
      .object({ name: z.string().max(400), url: z.string().max(1000).optional(), licence: z.string().max(2000).optional() })
      .strict(),
    sections: z.array(templateSection).min(1, 'a template needs at least one section').max(500),
  })
  .strict()
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    const questions = new Map<string, Question>();
    t.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        const path = ['sections', si, 'items', ii];
        if (item.id) {
          if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path, message: `the id "${item.id}" is used twice` });
          ids.add(item.id);
        }
        if (item.kind !== 'question') return;
        questions.set(item.id, item);
        const needsOptions = item.type === 'single' || item.type === 'multi';
        if (needsOptions && item.options.length === 0)
          ctx.addIssue({ code: 'custom', path, message: `question ${item.id} needs options to choose from` });
        if (new Set(item.options.map((o) => o.id)).size !== item.options.length)
          ctx.addIssue({ code: 'custom', path, message: `question ${item.id} has two options with one id` });
        const e = item.expected;
        if (!e) return;
        const fits =
          (e.kind === 'equals' && item.type === 'yesno') ||
          (e.kind === 'anyOf' && item.type === 'single' && optionIdsFit(item, e.values)) ||
          (e.kind === 'allOf' && item.type === 'multi' && optionIdsFit(item, e.values)) ||
          (e.kind === 'range' && item.type === 'number') ||
          (e.kind === 'provided' && (item.type === 'text' || item.type === 'date' || item.type === 'file'));
        if (!fits)
          ctx.addIssue({ code: 'custom', path, message: `the expected answer of ${item.id} does not fit a ${item.type} question` });
      }),
    );
    t.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (item.showWhen && !questions.has(item.showWhen.question)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'items', ii],
            message: `the condition of ${item.id ?? 'an item'} names an unknown question ${item.showWhen.question}`,
          });
        }
      }),
    );
  });
export type TemplateBody = z.output<typeof templateBody>;
export type TemplateBodyInput = z.input<typeof templateBody>;

export const templateSummary = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number(),
  origin: z.enum(['builtin', 'vsaq', 'imported', 'custom']),
  source: z.string(),
  sections: z.number(),
  questions: z.number(),
  items: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

export const importCounts = z.object({
  /** items per type in the source file (VSAQ types, e.g. block, radiogroup, radioitem, tip) */
  byType: z.record(z.string(), z.number()),
  total: z.number(),
  questions: z.number(),
  notes: z.number(),
  conditions: z.number(),
  warnings: z.number(),
});
export type ImportCounts = z.infer<typeof importCounts>;

/** A question of the earlier cycle whose answer did not come into the new one, and why. */
export const notCarried = z.object({ questionId: z.string(), reason: z.string() });
/** Where a questionnaire started from: the earlier questionnaire, how many answers came in, which did not. */
export const carryReport = z.object({
  fromId: z.string(),
  fromCycle: z.string(),
  carried: z.number(),
  notCarried: z.array(notCarried),
});
export type CarryReport = z.infer<typeof carryReport>;

export const questionnaireSummary = z.object({
  id: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  templateId: z.string(),
  templateTitle: z.string(),
  templateVersion: z.number(),
  cycle: z.string(),
  state: z.enum(QUESTIONNAIRE_STATES),
  createdAt: z.string(),
  createdBy: z.string(),
  exportedAt: z.string().nullable(),
  importedAt: z.string().nullable(),
  questions: z.number(),
  answered: z.number(),
  score: z.number().nullable(),
  conclusion: z.enum(CONCLUSIONS).nullable(),
  conclusionRationale: z.string().nullable(),
  concludedAt: z.string().nullable(),
  concludedBy: z.string().nullable(),
  /** Answers still carried forward from an earlier cycle, not yet confirmed by the vendor or reviewed by the analyst. */
  carriedForward: z.number(),
  /** Answers the analyst corrected (not the vendor's own). */
  corrected: z.number(),
  carry: carryReport.nullable(),
});
export type QuestionnaireSummary = z.infer<typeof questionnaireSummary>;

export const TRACKER_STAGES = ['not-sent', 'awaiting', 'overdue', 'answered', 'scored', 'concluded'] as const;
/** One questionnaire in the tracker across vendors. */
export const trackerRow = z.object({
  questionnaireId: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  cycle: z.string(),
  templateTitle: z.string(),
  stage: z.enum(TRACKER_STAGES),
  sentAt: z.string().nullable(),
  /** The day the vendor should have answered by (sent + the response window); null until sent. */
  dueDate: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answered: z.number(),
  questions: z.number(),
  score: z.number().nullable(),
  conclusion: z.enum(CONCLUSIONS).nullable(),
  concludedAt: z.string().nullable(),
});
export type TrackerRow = z.infer<typeof trackerRow>;

/** An answer as stored: yes/no/partial/na, an option id, option ids, text, a number, a date or a file name. */
export const answerValue = z.union([z.string().max(20_000), z.number(), z.array(z.string().max(200)).max(200)]);
export type AnswerValue = z.infer<typeof answerValue>;
export const answerView = z.object({
  questionId: z.string(),
  value: answerValue,
  comment: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  source: z.enum(ANSWER_SOURCES),
  /** The questionnaire a carried-forward answer was copied from. */
  carriedFrom: z.string().nullable(),
  /** A corrected answer: what it was before the analyst's first correction (null value: there was no answer). */
  original: z.object({ value: answerValue.nullable(), comment: z.string(), source: z.enum(ANSWER_SOURCES) }).nullable(),
});
export type AnswerView = z.infer<typeof answerView>;

export const gapView = z.object({
  questionId: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  text: z.string(),
  answer: z.string(),
  expected: z.string(),
  credit: z.number(),
  weight: z.number(),
  controls: z.array(z.object({ catalogueId: z.string(), controlId: z.string() })),
});
export type GapView = z.infer<typeof gapView>;

export const scoreView = z.object({
  overall: z.number(),
  earned: z.number(),
  possible: z.number(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      score: z.number().nullable(),
      earned: z.number(),
      possible: z.number(),
      scored: z.number(),
    }),
  ),
  gaps: z.array(gapView),
  counts: z.object({ scored: z.number(), unanswered: z.number(), notApplicable: z.number(), hidden: z.number(), unscored: z.number() }),
  rule: z.string(),
  scoredAt: z.string(),
});
export type ScoreView = z.infer<typeof scoreView>;

export const importProblem = z.object({ questionId: z.string(), where: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;
export const answerChange = z.object({ questionId: z.string(), from: z.string(), to: z.string() });

export const vendorFindingView = z.object({
  id: z.string(),
  ref: z.string(),
  vendorId: z.string(),
  questionnaireId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  severity: z.enum(FINDING_SEVERITIES),
  owner: z.string(),
  dueDate: z.string().nullable(),
  remediation: z.string(),
  status: z.enum(FINDING_STATUSES),
  controls: z.array(z.object({ catalogueId: z.string(), controlId: z.string() })),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type VendorFindingView = z.infer<typeof vendorFindingView>;

export const comparisonView = z.object({
  from: questionnaireSummary,
  to: questionnaireSummary,
  overall: z.object({ from: z.number().nullable(), to: z.number().nullable(), change: z.number().nullable() }),
  sections: z.array(
    z.object({ id: z.string(), title: z.string(), from: z.number().nullable(), to: z.number().nullable(), change: z.number().nullable() }),
  ),
  changes: z.array(
    z.object({
      questionId: z.string(),
      text: z.string(),
      from: z.string(),
      to: z.string(),
      /** Who each side's answer is from (null: no answer). */
      fromSource: z.enum(ANSWER_SOURCES).nullable(),
      toSource: z.enum(ANSWER_SOURCES).nullable(),
    }),
  ),
  newGaps: z.array(gapView),
  closedGaps: z.array(gapView),
});
export type QuestionnaireComparison = z.infer<typeof comparisonView>;

const templateId = z.string().min(1).max(63);
/** The general "questionnaire from spreadsheet": which column (by header text) holds each part; sheet and header row found when left out. */
const column = z.string().trim().min(1).max(200);
export const questionnaireMapping = z
  .object({
    sheet: z.string().min(1).max(200).optional(),
    headerRow: z.number().int().min(1).max(1_048_576).optional(),
    id: column,
    question: column,
    section: column.optional(),
    answer: column.optional(),
    notes: column.optional(),
    guidance: column.optional(),
  })
  .strict();
const download = z.object({ name: z.string(), mediaType: z.string(), dataBase64: z.string() });
/** What an answer was before a correction or a revert (null: there was none), for undo. */
const previousAnswer = z.object({ value: answerValue, comment: z.string(), source: z.enum(ANSWER_SOURCES) }).nullable();
const answerChanged = z.object({
  answer: answerView.nullable(),
  previous: previousAnswer,
  summary: questionnaireSummary,
  score: scoreView.nullable(),
});

export const questionnaireChannels = {
  'template.list': defineChannel({
    effect: 'read',
    summary: 'Questionnaire templates of the workspace (the built-in baseline is installed on first use).',
    request: z.object({}).strict(),
    response: z.object({ templates: z.array(templateSummary) }),
  }),
  'template.get': defineChannel({
    effect: 'read',
    summary: 'One template with its sections, questions and notes.',
    request: z.object({ id: templateId }).strict(),
    response: z.object({ summary: templateSummary, body: templateBody }),
  }),
  'template.save': defineChannel({
    effect: 'write',
    summary: 'Create a custom template or change one (its version goes up); built-ins are copied first.',
    request: z.object({ body: templateBody, create: z.boolean().default(false) }).strict(),
    response: templateSummary,
  }),
  'template.duplicate': defineChannel({
    effect: 'write',
    summary: 'Copy a template (a built-in or an import) into a new custom template.',
    request: z
      .object({
        id: templateId,
        newId: templateId.regex(/^[a-z0-9][a-z0-9-]*$/, 'a template id is lower-case letters, digits and hyphens'),
        title: z.string().trim().min(1).max(300),
      })
      .strict(),
    response: templateSummary,
  }),
  'template.remove': defineChannel({
    effect: 'write',
    summary: 'Remove a template (undo with template.restore); questionnaires keep their copy.',
    request: z.object({ id: templateId }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'template.restore': defineChannel({
    effect: 'write',
    summary: 'Bring back a removed template.',
    request: z.object({ id: templateId }).strict(),
    response: templateSummary,
  }),
  'template.import': defineChannel({
    effect: 'write',
    summary:
      'Import a Google VSAQ questionnaire, an Attest template file, or a questionnaire workbook (CSA CAIQ, the HECVAT family, or any sheet with a column mapping); every item is kept and counted.',
    request: z
      .object({
        file: fileUpload,
        id: templateId.optional(),
        replace: z.boolean().default(false),
        mapping: questionnaireMapping.optional(),
      })
      .strict(),
    response: z.object({ template: templateSummary, counts: importCounts }),
  }),
  'questionnaire.list': defineChannel({
    effect: 'read',
    summary: 'Questionnaires, of one vendor or all, newest cycle first.',
    request: z.object({ vendorId: id.optional() }).strict(),
    response: z.object({ questionnaires: z.array(questionnaireSummary) }),
  }),
  'questionnaire.tracker': defineChannel({
    effect: 'read',
    summary: 'Every questionnaire across vendors: not sent, awaiting, overdue, answered, scored or concluded, with the answer due date.',
    request: z.object({ today: day.optional() }).strict(),
    response: z.object({ rows: z.array(trackerRow), today: z.string(), responseDays: z.number() }),
  }),
  'questionnaire.create': defineChannel({
    effect: 'write',
    summary: 'Start a questionnaire for a vendor and review cycle from a template (the template is copied in).',
    request: z
      .object({
        vendorId: id,
        templateId,
        cycle: z.string().trim().min(1, 'a cycle is required, e.g. 2026').max(40),
        /** An earlier questionnaire of the vendor whose answers come in pre-filled, flagged "carried forward, needs review". */
        carryFrom: id.optional(),
      })
      .strict(),
    response: questionnaireSummary,
  }),
  'questionnaire.get': defineChannel({
    effect: 'read',
    summary: 'A questionnaire with its template copy, answers and stored score.',
    request: z.object({ id }).strict(),
    response: z.object({ summary: questionnaireSummary, body: templateBody, answers: z.array(answerView), score: scoreView.nullable() }),
  }),
  'questionnaire.export': defineChannel({
    effect: 'write',
    summary: 'The questionnaire to send: an XLSX workbook (protected, with dropdowns) or JSON; or its answers as CSV. Base64.',
    request: z.object({ id, format: z.enum(['xlsx', 'json', 'csv']) }).strict(),
    response: download,
  }),
  'questionnaire.import': defineChannel({
    effect: 'write',
    summary:
      "Read a filled XLSX or JSON by question id (Attest's own workbook, or a vendor's completed CAIQ, HECVAT or mapped sheet): all answers or none with a report of every problem; with partial, the valid answers are taken and the rest flagged.",
    request: z.object({ id, file: fileUpload, partial: z.boolean().default(false), mapping: questionnaireMapping.optional() }).strict(),
    response: z.object({
      applied: z.boolean(),
      missing: z.array(importProblem),
      invalid: z.array(importProblem),
      unknown: z.array(importProblem),
      changes: z.array(answerChange),
      answered: z.number(),
      summary: questionnaireSummary,
      score: scoreView.nullable(),
    }),
  }),
  'questionnaire.answer.correct': defineChannel({
    effect: 'write',
    summary:
      'Correct one answer (value and note) as the analyst, checked like an import; the answer is marked corrected, the score updates. Refused once concluded.',
    request: z
      .object({
        id,
        questionId: z.string().min(1).max(120),
        /** As a person writes it (Yes, an option label or id, 12, 2026-11-23, text; a list for several choices); null or empty: no answer. */
        value: z.union([z.string().max(20_000), z.number(), z.array(z.string().max(4000)).max(200), z.null()]),
        comment: z.string().max(20_000).default(''),
      })
      .strict(),
    response: answerChanged,
  }),
  'questionnaire.answer.revert': defineChannel({
    effect: 'write',
    summary: "Take back the analyst's corrections of one answer: it is again as it stood before the first correction.",
    request: z.object({ id, questionId: z.string().min(1).max(120) }).strict(),
    response: answerChanged,
  }),
  'questionnaire.score': defineChannel({
    effect: 'write',
    summary: 'Score the answers (weighted, per section and overall, 0–100) and list the gaps; the result is stored.',
    request: z.object({ id }).strict(),
    response: scoreView,
  }),
  'questionnaire.conclude': defineChannel({
    effect: 'write',
    summary: "Record the reviewer's conclusion (approve, approve with conditions, reject) with its rationale.",
    request: z.object({ id, conclusion: z.enum(CONCLUSIONS), rationale: z.string().max(20_000) }).strict(),
    response: questionnaireSummary,
  }),
  'questionnaire.followUp': defineChannel({
    effect: 'write',
    summary: 'Turn a follow-up item (usually a gap) into a finding of the vendor.',
    request: z
      .object({
        id,
        questionId: z.string().max(120).optional(),
        title: z.string().trim().max(300).optional(),
        description: z.string().max(20_000).optional(),
        likelihood: z.number().int().min(1).max(5).default(3),
        impact: z.number().int().min(1).max(5).default(3),
        owner: z.string().max(200).default(''),
        dueDate: day.nullable().default(null),
      })
      .strict(),
    response: vendorFindingView,
  }),
  'questionnaire.compare': defineChannel({
    effect: 'read',
    summary: 'Year over year: two questionnaires of one vendor, score change, changed answers, new and closed gaps.',
    request: z.object({ from: id, to: id }).strict(),
    response: comparisonView,
  }),
  'questionnaire.vendorFindings': defineChannel({
    effect: 'read',
    summary: 'Findings of one vendor (follow-ups of its reviews), most severe first.',
    request: z.object({ vendorId: id }).strict(),
    response: z.object({ findings: z.array(vendorFindingView) }),
  }),
};
