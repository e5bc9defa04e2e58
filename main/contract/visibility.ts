// Which items of a form a vendor sees, given the answers so far. A condition is either a
// simple "show when question Q is one of these answers" or a VSAQ expression over option
// and question ids (`a || !b && (c)`). An item inside a hidden nested block is hidden too.
// Pure and free of zod: the core scores with it and the builder's preview shows with it.
import type { AnswerValue, Question, TemplateBody, TemplateItem } from './questionnaire';

export type Answers = ReadonlyMap<string, AnswerValue>;

/** True when a term of a VSAQ expression holds: a chosen option, or a question answered yes / non-empty. */
function termHolds(term: string, answers: Answers, questions: ReadonlyMap<string, Question>): boolean {
  for (const [qid, value] of answers) {
    if (Array.isArray(value) ? value.includes(term) : value === term) {
      if (questions.get(qid)?.type !== 'yesno') return true;
    }
  }
  const own = answers.get(term);
  if (own === undefined) return false;
  if (Array.isArray(own)) return own.length > 0;
  return own !== '' && own !== 'no' && own !== 'na';
}

/** Evaluates a VSAQ condition; an expression that cannot be read shows the item rather than hide it. */
export function evaluateCond(expr: string, holds: (term: string) => boolean): boolean {
  const tokens = expr.match(/\|\||&&|!|\(|\)|[A-Za-z0-9_.:-]+/g) ?? [];
  let i = 0;
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === '||') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (tokens[i] === '&&') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (tokens[i] === '!') {
      i++;
      return !not();
    }
    if (tokens[i] === '(') {
      i++;
      const v = or();
      if (tokens[i] !== ')') throw new Error('unbalanced');
      i++;
      return v;
    }
    const t = tokens[i++];
    if (!t || t === ')' || t === '||' || t === '&&') throw new Error('term expected');
    return holds(t);
  };
  try {
    const v = or();
    return i === tokens.length ? v : true;
  } catch {
    return true;
  }
}

export function questionsOf(body: TemplateBody): Map<string, Question> {
  return new Map(
    body.sections
      .flatMap((s) => s.items)
      .filter((i): i is Question => i.kind === 'question')
      .map((q) => [q.id, q]),
  );
}

function itemShown(item: TemplateItem, answers: Answers, questions: ReadonlyMap<string, Question>): boolean {
  if (item.showWhen) {
    const a = answers.get(item.showWhen.question);
    const hit = Array.isArray(a)
      ? a.some((v) => item.showWhen!.anyOf.includes(v))
      : a !== undefined && item.showWhen.anyOf.includes(String(a));
    if (!hit) return false;
  }
  if (item.cond && !evaluateCond(item.cond, (t) => termHolds(t, answers, questions))) return false;
  return true;
}

/** The ids (and positions, for items without an id) of every item hidden by the answers. */
export function hiddenItems(body: TemplateBody, answers: Answers): Set<TemplateItem> {
  const questions = questionsOf(body);
  const hidden = new Set<TemplateItem>();
  const hiddenBlocks = new Set<string>();
  for (const section of body.sections) {
    for (const item of section.items) {
      const parent = item.origin?.parent;
      if ((parent && hiddenBlocks.has(parent)) || !itemShown(item, answers, questions)) {
        hidden.add(item);
        if (item.kind === 'note' && item.style === 'heading' && item.id) hiddenBlocks.add(item.id);
      }
    }
  }
  return hidden;
}
