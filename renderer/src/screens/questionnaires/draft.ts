// The builder's working copy of a template: every section and item carries a local key
// so React keeps its editor (and focus) while ids are renamed and items move.
import type { ExpectedAnswer, Question, QuestionType, TemplateBody, TemplateItem, TemplateSection } from './types';

export interface DraftItem {
  key: string;
  item: TemplateItem;
}
export interface DraftSection {
  key: string;
  section: Omit<TemplateSection, 'items'>;
  items: DraftItem[];
}
export interface Draft {
  head: Omit<TemplateBody, 'sections'>;
  sections: DraftSection[];
}

let counter = 0;
export const newKey = () => `k${++counter}`;

export function toDraft(body: TemplateBody): Draft {
  const { sections, ...head } = body;
  return {
    head,
    sections: sections.map(({ items, ...section }) => ({ key: newKey(), section, items: items.map((item) => ({ key: newKey(), item })) })),
  };
}

export function fromDraft(d: Draft): TemplateBody {
  return { ...d.head, sections: d.sections.map((s) => ({ ...s.section, items: s.items.map((i) => i.item) })) };
}

export function allIds(d: Draft): Set<string> {
  return new Set(d.sections.flatMap((s) => [s.section.id, ...s.items.map((i) => i.item.id ?? '')]).filter(Boolean));
}

/** The next free id with this prefix (Q-1, Q-2…), so a new item never clashes. */
export function freeId(d: Draft, prefix: string): string {
  const ids = allIds(d);
  let n = 1;
  while (ids.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function blankQuestion(id: string): Question {
  return {
    kind: 'question',
    id,
    type: 'yesno',
    text: 'New question',
    help: '',
    weight: 1,
    options: [],
    controls: [],
    required: false,
    expected: { kind: 'equals', value: 'yes' },
  };
}

export function blankTemplate(id: string): TemplateBody {
  return {
    format: 1,
    id,
    title: 'New questionnaire',
    description: '',
    source: { name: 'Written in Attest' },
    sections: [{ id: 'section-1', title: 'First section', help: '', items: [blankQuestion('Q-1')] }],
  };
}

/** The expected answer kept when the type changes, if it still fits; otherwise a sensible default or none. */
export function expectedFor(type: QuestionType, previous: ExpectedAnswer | undefined): ExpectedAnswer | undefined {
  const fits: Record<QuestionType, ExpectedAnswer['kind']> = {
    yesno: 'equals',
    single: 'anyOf',
    multi: 'allOf',
    number: 'range',
    text: 'provided',
    date: 'provided',
    file: 'provided',
  };
  if (previous?.kind === fits[type]) return previous;
  if (type === 'yesno') return { kind: 'equals', value: 'yes' };
  if (fits[type] === 'provided') return { kind: 'provided' };
  return undefined;
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x!);
  return next;
}

/** The answers another item can be shown for: yes/no/partial/na, or the question's option ids. */
export function answersOf(q: Question): { id: string; label: string }[] {
  if (q.type === 'yesno')
    return [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
      { id: 'partial', label: 'Partial' },
      { id: 'na', label: 'Not applicable' },
    ];
  return q.options.map((o) => ({ id: o.id, label: o.label || o.id }));
}
