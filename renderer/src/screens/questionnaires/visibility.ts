// Which items of a form a vendor sees, given the answers so far: the same rules the core
// scores with. A condition is "show when question Q is one of these answers" or a VSAQ
// expression over option and question ids; an item inside a hidden nested block is hidden.
import type { AnswerValue, Question, TemplateBody, TemplateItem } from './types';

export type Answers = ReadonlyMap<string, AnswerValue>;

function termHolds(term: string, answers: Answers, questions: ReadonlyMap<string, Question>): boolean {
  for (const [qid, value] of answers) {
    if ((Array.isArray(value) ? value.includes(term) : value === term) && questions.get(qid)?.type !== 'yesno') return true;
  }
  const own = answers.get(term);
  if (own === undefined) return false;
  if (Array.isArray(own)) return own.length > 0;
  return own !== '' && own !== 'no' && own !== 'na';
}

/** Evaluates a VSAQ condition; one that cannot be read shows the item rather than hide it. */
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

function itemShown(item: TemplateItem, answers: Answers, questions: ReadonlyMap<string, Question>): boolean {
  if (item.showWhen) {
    const a = answers.get(item.showWhen.question);
    const hit = Array.isArray(a) ? a.some((v) => item.showWhen!.anyOf.includes(v)) : a !== undefined && item.showWhen.anyOf.includes(String(a));
    if (!hit) return false;
  }
  return !item.cond || evaluateCond(item.cond, (t) => termHolds(t, answers, questions));
}

export function hiddenItems(body: TemplateBody, answers: Answers): Set<TemplateItem> {
  const questions = new Map(body.sections.flatMap((s) => s.items).filter((i): i is Question => i.kind === 'question').map((q) => [q.id, q]));
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
