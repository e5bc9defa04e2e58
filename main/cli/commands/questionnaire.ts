// `attest template list|show|import` and `attest questionnaire new|export|import|correct|score`:
// questionnaire templates and vendor questionnaires through the same channels as the app.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CarryReport, ImportCounts, QuestionnaireSummary, ScoreView } from '../../contract/questionnaire';
import type { QuestionnaireMapping } from '../../core/questionnaire/standard-workbook';
import { AttestError } from '../../core/errors';
import type { Core } from '../../core/core';
import type { CliCommand } from '../command';
import { invoke } from '../cli-core';
import { exitCodeFor } from '../exit-codes';
import { facts } from '../format';
import { openOptions } from '../passphrase';
import { table, withWorkspace } from './catalog';

const need = (v: string | undefined, what: string, usage: string) => {
  if (!v) throw new AttestError('USAGE', `Missing ${what}. Usage: attest ${usage}`);
  return v;
};

async function readInput(path: string) {
  try {
    return { name: basename(path), dataBase64: (await readFile(resolve(path))).toString('base64') };
  } catch (cause) {
    throw new AttestError('NOT_FOUND', `Cannot read ${path}.`, { cause });
  }
}

const countsLine = (c: ImportCounts) =>
  `${c.total} items (${Object.entries(c.byType)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ')}); ${c.questions} questions, ${c.notes} notes, ${c.conditions} conditions, ${c.warnings} warnings`;

export function scoreText(s: ScoreView): string {
  return [
    `Overall ${s.overall} / 100 (${s.earned} of ${s.possible} weighted points)`,
    table(
      ['SECTION', 'SCORE', 'EARNED', 'POSSIBLE'],
      s.sections.map((x) => [x.title, x.score ?? '–', x.earned, x.possible]),
    ),
    s.gaps.length
      ? `Gaps (${s.gaps.length}):\n${s.gaps.map((g) => `  ${g.questionId}  ${g.answer || '(none)'} (expected ${g.expected})  ${g.text.slice(0, 90)}${g.controls.length ? `  [${g.controls.map((c) => c.controlId).join(', ')}]` : ''}`).join('\n')}`
      : 'No gaps.',
    s.rule,
  ].join('\n\n');
}

/** What a cycle started from an earlier one brought in, and each answer that did not come. */
export function carryText(q: QuestionnaireSummary): string {
  const c: CarryReport | null = q.carry;
  if (!c) return '';
  const lines = c.notCarried.map((x) => `  ${x.questionId}  ${x.reason}`);
  return [
    `Started from ${c.fromId} (cycle ${c.fromCycle}): ${c.carried} answers carried forward, flagged "needs review" until the vendor answers again or you correct them.`,
    ...(lines.length ? [`Not carried (${lines.length}):`, ...lines] : []),
  ].join('\n');
}

const listUsage = 'template list <workspace>';
const showUsage = 'template show <workspace> <template-id>';
const importUsage =
  'template import <workspace> <vsaq.json|template.json|questionnaire.xlsx> [--map id=Column,question=Column,...] [--sheet <name>] [--header-row <n>] [--id ID] [--replace]';
const expectUsage = 'template expect <workspace> <template-id> <question-id> yes|no|none';
const exportUsage =
  'questionnaire export <workspace> --vendor <id> [--template <id>] [--cycle <cycle>] [--carry-from <questionnaire-id>] --format xlsx|json --out <file>';
const newUsage = 'questionnaire new <workspace> --vendor <id> [--template <id>] [--cycle <cycle>] [--carry-from <questionnaire-id>]';
const correctUsage = 'questionnaire correct <workspace> <questionnaire-id> <question-id> [<answer>] [--note <text>] [--revert]';
const qImportUsage =
  'questionnaire import <workspace> <questionnaire-id> <file> [--partial] [--map id=Column,question=Column,answer=Column,...]';

const MAPPING_PARTS = ['id', 'question', 'section', 'answer', 'notes', 'guidance'] as const;

/** `--map id=Ques Num,question=Question Text,answer=Response` (+ --sheet, --header-row) → the general questionnaire mapping. */
function questionnaireMapping(values: Record<string, unknown>): QuestionnaireMapping | undefined {
  const specs = (values.map as string[] | undefined) ?? [];
  if (!specs.length) {
    if (values.sheet !== undefined || values['header-row'] !== undefined)
      throw new AttestError('USAGE', '--sheet and --header-row go with --map (id=Column,question=Column,...).');
    return undefined;
  }
  const mapping: Record<string, string | number> = {};
  for (const pair of specs.flatMap((s) => s.split(','))) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    const part = pair.slice(0, at).trim();
    const column = pair.slice(at + 1).trim();
    if (at < 1 || !column)
      throw new AttestError('USAGE', `"${pair}" is not part=Column. Example: --map id=ID,question=Question,answer=Answer,notes=Notes`);
    if (!(MAPPING_PARTS as readonly string[]).includes(part))
      throw new AttestError('USAGE', `"${part}" is not a questionnaire column. Map any of: ${MAPPING_PARTS.join(', ')}.`);
    mapping[part] = column;
  }
  if (!mapping.id || !mapping.question) throw new AttestError('USAGE', '--map needs at least id=Column and question=Column.');
  if (typeof values.sheet === 'string') mapping.sheet = values.sheet;
  if (values['header-row'] !== undefined) {
    const n = Number(values['header-row']);
    if (!Number.isInteger(n) || n < 1)
      throw new AttestError(
        'USAGE',
        `--header-row takes the row number that names the columns (1, 2, …), not "${String(values['header-row'])}".`,
      );
    mapping.headerRow = n;
  }
  return mapping as unknown as QuestionnaireMapping;
}
const mappingOptions = { map: { type: 'string', multiple: true }, sheet: { type: 'string' }, 'header-row': { type: 'string' } } as const;
const scoreUsage = 'questionnaire score <workspace> <questionnaire-id>';
/** Which questionnaire `new` and `export` start: the vendor's, of a template and cycle, maybe carried from an earlier one. */
const cycleOptions = {
  vendor: { type: 'string' },
  template: { type: 'string' },
  cycle: { type: 'string' },
  'carry-from': { type: 'string' },
} as const;

function cycleOf(values: Record<string, unknown>, core: Core, usage: string) {
  return {
    vendorId: need(values.vendor as string | undefined, '--vendor', usage),
    templateId: (values.template as string | undefined) ?? 'vendor-security-baseline',
    // The default cycle is this year by the core's clock.
    cycle: (values.cycle as string | undefined) ?? String(core.session.workspace().now().getUTCFullYear()),
    carryFrom: values['carry-from'] as string | undefined,
  };
}

export const questionnaireCommands: CliCommand[] = [
  {
    name: 'template list',
    summary: 'List the questionnaire templates of a workspace (built-in, imported and custom).',
    usage: '<workspace> [--passphrase-file <file>] [--accept-older]',
    options: openOptions,
    async run(input) {
      const { templates } = await withWorkspace(input, listUsage, (core) => invoke(core, 'template.list', {}));
      return {
        value: { templates },
        human: table(
          ['ID', 'TITLE', 'VERSION', 'ORIGIN', 'SECTIONS', 'QUESTIONS'],
          templates.map((t) => [t.id, t.title, t.version, t.origin, t.sections, t.questions]),
        ),
      };
    },
  },
  {
    name: 'template show',
    summary: 'Show one template: its sections and questions with type, weight and mapped controls.',
    usage: '<workspace> <template-id> [--passphrase-file <file>] [--accept-older]',
    options: openOptions,
    async run(input) {
      const id = need(input.positionals[1], 'the template id', showUsage);
      const t = await withWorkspace(input, showUsage, (core) => invoke(core, 'template.get', { id }));
      const head = facts([
        ['Title', t.summary.title],
        ['Id', t.summary.id],
        ['Version', t.summary.version],
        ['Origin', t.summary.origin],
        ['Source', t.summary.source],
        ['Questions', t.summary.questions],
      ]);
      const sections = t.body.sections.map((s) =>
        [
          `${s.title} (${s.id})`,
          ...s.items.map((i) =>
            i.kind === 'question'
              ? `  ${i.id}  [${i.type}, weight ${i.weight}${i.required ? ', required' : ''}]  ${i.text.slice(0, 100)}${i.controls.length ? `  → ${i.controls.map((c) => c.controlId).join(', ')}` : ''}`
              : `  (${i.style}${i.warn ? ', warning' : ''})  ${i.text.slice(0, 100)}`,
          ),
        ].join('\n'),
      );
      return { value: t, human: [head, ...sections].join('\n\n') };
    },
  },
  {
    name: 'template import',
    summary:
      'Import a Google VSAQ questionnaire, an Attest template file, or a questionnaire workbook: CSA CAIQ and the HECVAT family are recognised, any other sheet is read with --map; prints the item counts.',
    usage:
      '<workspace> <vsaq.json|template.json|questionnaire.xlsx> [--map id=Column,question=Column,section=Column,answer=Column,notes=Column] [--sheet <name>] [--header-row <n>] [--id ID] [--replace] [--passphrase-file <file>] [--accept-older]',
    options: { ...openOptions, ...mappingOptions, id: { type: 'string' }, replace: { type: 'boolean' } },
    async run(input) {
      const file = await readInput(need(input.positionals[1], 'the file to import', importUsage));
      const id = input.values.id as string | undefined;
      const mapping = questionnaireMapping(input.values);
      const r = await withWorkspace(input, importUsage, (core) =>
        invoke(core, 'template.import', {
          file,
          ...(id ? { id } : {}),
          ...(mapping ? { mapping } : {}),
          replace: input.values.replace === true,
        }),
      );
      return {
        value: r,
        human: `Imported ${r.template.title} as ${r.template.id} (version ${r.template.version}): ${countsLine(r.counts)}.`,
      };
    },
  },
  {
    name: 'template expect',
    summary:
      'Set the answer a Yes/No question of a template expects (yes or no), or none to leave it unscored; the template version goes up.',
    usage: '<workspace> <template-id> <question-id> yes|no|none [--passphrase-file <file>]',
    options: openOptions,
    async run(input) {
      const [, templateId, questionId, want] = input.positionals;
      need(templateId, 'the template id', expectUsage);
      need(questionId, 'the question id', expectUsage);
      if (want !== 'yes' && want !== 'no' && want !== 'none')
        throw new AttestError('USAGE', `The expected answer is yes, no or none, not "${want ?? ''}". Usage: attest ${expectUsage}`);
      const saved = await withWorkspace(input, expectUsage, async (core) => {
        const { body } = await invoke(core, 'template.get', { id: templateId! });
        const question = body.sections.flatMap((s) => s.items).find((i) => i.kind === 'question' && i.id === questionId);
        if (!question || question.kind !== 'question')
          throw new AttestError(
            'QUESTION_NOT_FOUND',
            `Template ${templateId} has no question "${questionId}". See them with "attest template show".`,
          );
        if (question.type !== 'yesno')
          throw new AttestError('USAGE', `${questionId} is a ${question.type} question; only Yes/No questions take yes or no here.`);
        if (want === 'none') delete question.expected;
        else question.expected = { kind: 'equals', value: want };
        return invoke(core, 'template.save', { body });
      });
      return {
        value: saved,
        human: `${templateId} ${questionId} now ${want === 'none' ? 'has no expected answer' : `expects ${want === 'yes' ? 'Yes' : 'No'}`} (template version ${saved.version}).`,
      };
    },
  },
  {
    name: 'questionnaire new',
    summary:
      "Start a vendor's questionnaire for a cycle; --carry-from starts it from an earlier questionnaire of the vendor (answers pre-filled, flagged for review) and lists what was not carried.",
    usage:
      '<workspace> --vendor <id> [--template <id>] [--cycle <cycle>] [--carry-from <questionnaire-id>] [--passphrase-file <file>] [--accept-older]',
    options: { ...openOptions, ...cycleOptions },
    async run(input) {
      need(input.values.vendor as string | undefined, '--vendor', newUsage);
      const q = await withWorkspace(input, newUsage, (core) => {
        const { vendorId, templateId, cycle, carryFrom } = cycleOf(input.values, core, newUsage);
        return invoke(core, 'questionnaire.create', { vendorId, templateId, cycle, ...(carryFrom ? { carryFrom } : {}) });
      });
      return {
        value: q,
        human: [`Started questionnaire ${q.id} (${q.vendorName}, ${q.cycle}, ${q.templateTitle} v${q.templateVersion}).`, carryText(q)]
          .filter(Boolean)
          .join('\n'),
      };
    },
  },
  {
    name: 'questionnaire export',
    summary: "Write a vendor's questionnaire as XLSX or JSON (started from the template for the cycle if needed).",
    usage:
      '<workspace> --vendor <id> [--template <id>] [--cycle <cycle>] --format xlsx|json --out <file> [--passphrase-file <file>] [--accept-older]',
    options: { ...openOptions, ...cycleOptions, format: { type: 'string' }, out: { type: 'string' } },
    async run(input) {
      need(input.values.vendor as string | undefined, '--vendor', exportUsage);
      const out = need(input.values.out as string | undefined, '--out', exportUsage);
      const format = need(input.values.format as string | undefined, '--format', exportUsage);
      if (format !== 'xlsx' && format !== 'json') throw new AttestError('USAGE', `--format is xlsx or json, not "${format}".`);
      const r = await withWorkspace(input, exportUsage, async (core) => {
        const { vendorId, templateId, cycle, carryFrom } = cycleOf(input.values, core, exportUsage);
        const { questionnaires } = await invoke(core, 'questionnaire.list', { vendorId });
        const existing = questionnaires.find((x) => x.templateId === templateId && x.cycle === cycle);
        if (existing && carryFrom)
          throw new AttestError(
            'QUESTIONNAIRE_EXISTS',
            `The ${cycle} questionnaire exists already (${existing.id}); --carry-from only starts a new one.`,
          );
        const q =
          existing ?? (await invoke(core, 'questionnaire.create', { vendorId, templateId, cycle, ...(carryFrom ? { carryFrom } : {}) }));
        const file = await invoke(core, 'questionnaire.export', { id: q.id, format });
        return { questionnaire: q, file };
      });
      await writeFile(resolve(out), Buffer.from(r.file.dataBase64, 'base64'));
      return {
        value: { questionnaireId: r.questionnaire.id, out: resolve(out), format },
        human: [
          `Wrote questionnaire ${r.questionnaire.id} (${r.questionnaire.vendorName}, ${r.questionnaire.cycle}) to ${out}.`,
          carryText(r.questionnaire),
        ]
          .filter(Boolean)
          .join('\n'),
      };
    },
  },
  {
    name: 'questionnaire import',
    summary:
      "Read a filled XLSX or JSON by question id (Attest's own, or a vendor's completed CAIQ, HECVAT or --map sheet): every answer or none, with a report of each problem; --partial takes the valid answers and flags the rest.",
    usage:
      '<workspace> <questionnaire-id> <file> [--partial] [--map id=Column,question=Column,answer=Column,notes=Column] [--sheet <name>] [--header-row <n>] [--passphrase-file <file>] [--accept-older]',
    options: { ...openOptions, ...mappingOptions, partial: { type: 'boolean', default: false } },
    async run(input) {
      const id = need(input.positionals[1], 'the questionnaire id', qImportUsage);
      const file = await readInput(need(input.positionals[2], 'the filled file', qImportUsage));
      const mapping = questionnaireMapping(input.values);
      const r = await withWorkspace(input, qImportUsage, (core) =>
        invoke(core, 'questionnaire.import', { id, file, partial: input.values.partial === true, ...(mapping ? { mapping } : {}) }),
      );
      if (!r.applied) {
        const lines = [
          ...r.missing.map((p) => `missing  ${p.questionId}  ${p.message}`),
          ...r.invalid.map((p) => `invalid  ${p.questionId}  ${p.where}: ${p.message}`),
          ...r.unknown.map((p) => `unknown  ${p.questionId}  ${p.where}: ${p.message}`),
        ];
        return {
          value: r,
          human: `Nothing was imported: ${r.missing.length} missing, ${r.invalid.length} invalid, ${r.unknown.length} unknown.\n${lines.join('\n')}`,
          exitCode: exitCodeFor('IMPORT_REFUSED'),
        };
      }
      const changes = r.changes.map((c) => `  ${c.questionId}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`);
      const flagged = [
        ...r.missing.map((p) => ['missing', p] as const),
        ...r.invalid.map((p) => ['invalid', p] as const),
        ...r.unknown.map((p) => ['unknown', p] as const),
      ].map(([kind, p]) => `  ${kind}  ${p.questionId}  ${p.where}: ${p.message}`);
      return {
        value: r,
        human: [
          `Imported ${r.answered} answers into ${id}${r.score ? `; score ${r.score.overall} / 100` : ''}.`,
          ...(flagged.length ? [`Flagged, not imported (${flagged.length}):\n${flagged.join('\n')}`] : []),
          changes.length ? `Changes:\n${changes.join('\n')}` : 'No answer changed.',
        ].join('\n'),
      };
    },
  },
  {
    name: 'questionnaire correct',
    summary:
      'Correct one answer as the analyst (read like an import: Yes/No, an option, a number, a real date), with --note; audited under you, marked corrected, rescored. --revert takes the corrections back. Refused once concluded.',
    usage: '<workspace> <questionnaire-id> <question-id> [<answer>] [--note <text>] [--revert] [--passphrase-file <file>] [--accept-older]',
    options: { ...openOptions, note: { type: 'string' }, revert: { type: 'boolean', default: false } },
    async run(input) {
      const id = need(input.positionals[1], 'the questionnaire id', correctUsage);
      const questionId = need(input.positionals[2], 'the question id', correctUsage);
      const value = input.positionals[3];
      const revert = input.values.revert === true;
      if (revert && (value !== undefined || input.values.note !== undefined))
        throw new AttestError('USAGE', '--revert takes no answer or note: it puts back the answer as it was before the corrections.');
      if (!revert && value === undefined)
        throw new AttestError('USAGE', `Give the answer ("" for none), or --revert. Usage: attest ${correctUsage}`);
      const r = await withWorkspace(input, correctUsage, async (core) => {
        if (revert) return invoke(core, 'questionnaire.answer.revert', { id, questionId });
        // Without --note the answer's note stays as it is.
        const note =
          (input.values.note as string | undefined) ??
          (await invoke(core, 'questionnaire.get', { id })).answers.find((a) => a.questionId === questionId)?.comment ??
          '';
        return invoke(core, 'questionnaire.answer.correct', { id, questionId, value: value ?? null, comment: note });
      });
      const now = r.answer ? `${JSON.stringify(r.answer.value)}${r.answer.comment ? ` (note: ${r.answer.comment})` : ''}` : 'no answer';
      return {
        value: r,
        human: [
          `${questionId} ${revert ? 'is back as before the correction' : 'corrected'}: ${now}${r.answer ? `, from ${r.answer.source === 'analyst' ? `the analyst (${r.answer.updatedBy})` : r.answer.source === 'carried' ? 'the earlier cycle (needs review)' : 'the vendor'}` : ''}.`,
          r.score ? `Score ${r.score.overall} / 100.` : '',
          r.summary.carriedForward ? `${r.summary.carriedForward} answers carried forward still need review.` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      };
    },
  },
  {
    name: 'questionnaire score',
    summary: 'Score a questionnaire: per section and overall (0–100), with the gaps against expected answers.',
    usage: '<workspace> <questionnaire-id> [--passphrase-file <file>] [--accept-older]',
    options: openOptions,
    async run(input) {
      const id = need(input.positionals[1], 'the questionnaire id', scoreUsage);
      const { s, needsReview } = await withWorkspace(input, scoreUsage, async (core) => ({
        s: await invoke(core, 'questionnaire.score', { id }),
        needsReview: (await invoke(core, 'questionnaire.get', { id })).summary.carriedForward,
      }));
      const review = needsReview
        ? `\n\n${needsReview} answers in this score were carried forward from the earlier cycle and still need review.`
        : '';
      return { value: { ...s, needsReview }, human: scoreText(s) + review };
    },
  },
];
