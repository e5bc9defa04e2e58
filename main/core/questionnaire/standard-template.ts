// A standard questionnaire read from a workbook, as an Attest template (sections and
// questions keep the publisher's ids, so a vendor's completed copy matches by id) and as
// the raw answers of a completed copy.
import type { ImportCounts, TemplateBodyInput } from '../../contract/questionnaire';
import type { RawAnswer } from './exchange';
import type { StandardQuestionnaire } from './standard-workbook';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const FAMILY_NAMES = { caiq: 'CSA CAIQ', hecvat: 'EDUCAUSE HECVAT', spreadsheet: 'Spreadsheet' } as const;

export function standardTemplateId(q: StandardQuestionnaire): string {
  const base = q.family === 'caiq' ? `caiq ${q.version ? `v${q.version}` : ''}` : `${q.title} ${q.version}`;
  return (slug(base) || 'questionnaire').slice(0, 63).replace(/-+$/, '');
}

export function standardTemplate(
  q: StandardQuestionnaire,
  id: string,
  fileName: string,
): { body: TemplateBodyInput; counts: ImportCounts } {
  const sections = new Map<string, StandardQuestionnaire['questions']>();
  for (const question of q.questions) sections.set(question.section, [...(sections.get(question.section) ?? []), question]);
  const title = q.version && !q.title.includes(q.version) ? `${q.title} ${q.version}` : q.title;
  const body: TemplateBodyInput = {
    format: 1,
    id,
    title: title.slice(0, 300),
    description: `${FAMILY_NAMES[q.family]} questionnaire read from ${fileName} (sheet "${q.sheet}"). Yes/No questions expect the answer the workbook marks as compliant, else Yes; change it per question.`,
    source: { name: fileName },
    sections: [...sections].map(([sectionTitle, questions], i) => ({
      id: `s${i + 1}-${slug(sectionTitle).slice(0, 60) || 'section'}`.replace(/-+$/, ''),
      title: sectionTitle.slice(0, 400),
      items: questions.map((x) => ({
        kind: 'question' as const,
        id: x.id,
        type: x.type,
        text: x.text.slice(0, 20_000),
        help: x.help.slice(0, 20_000),
        ...(x.expected ? { expected: { kind: 'equals' as const, value: x.expected } } : {}),
        options: x.options.map((label, n) => ({ id: `opt-${n + 1}`, label: label.slice(0, 4000) })),
      })),
    })),
  };
  const byType: Record<string, number> = { section: sections.size };
  for (const x of q.questions) byType[x.type] = (byType[x.type] ?? 0) + 1;
  return { body, counts: { byType, total: q.questions.length, questions: q.questions.length, notes: 0, conditions: 0, warnings: 0 } };
}

/** The answers a completed workbook holds, by question id; the notes column becomes the comment. */
export const standardAnswers = (q: StandardQuestionnaire): RawAnswer[] =>
  q.questions
    .filter((x) => x.answer || x.notes)
    .map((x) => ({ questionId: x.id, where: x.where, value: x.answer || null, comment: x.notes }));
