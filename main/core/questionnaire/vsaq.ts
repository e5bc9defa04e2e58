// Google VSAQ questionnaires. The published files are JavaScript-flavoured JSON: `//`
// comments, strings that run over several lines, and sometimes trailing commas. The
// reader below tolerates exactly those, then the importer walks the tree and keeps every
// item: blocks become sections (nested blocks become headings that keep their nesting),
// radio and check groups become single and multi-select questions whose items become
// options, info and tips (with their warnings) become notes, and every `cond` is kept.
import type { ImportCounts, Question, TemplateBody, TemplateItem, TemplateSection } from '../../contract/questionnaire';
import { AttestError } from '../errors';
import { createIdAllocator } from './unique-ids';

/** VSAQ-flavoured JSON to plain JSON text: comments dropped, raw line breaks in strings escaped, trailing commas gone. */
export function relaxedJsonToStrict(source: string): string {
  let out = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === '"') {
      // A string literal, joined with any "…" + "…" continuation that follows it.
      let s = '"';
      for (;;) {
        i++;
        while (i < n && source[i] !== '"') {
          const c = source[i]!;
          if (c === '\\') {
            s += c + (source[i + 1] ?? '');
            i += 2;
            continue;
          }
          s += c === '\n' ? '\\n' : c === '\r' ? '' : c === '\t' ? '\\t' : c;
          i++;
        }
        if (i >= n) throw new AttestError('VSAQ_UNREADABLE', 'A string is never closed (a " is missing).');
        i++;
        const joined = /^\s*\+\s*(?:\/\/[^\n]*\n\s*)*"/.exec(source.slice(i, i + 4000));
        if (!joined) break;
        i += joined[0].length - 1;
      }
      out += s + '"';
      continue;
    }
    if (ch === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (ch === ',') {
      const rest = source.slice(i + 1).replace(/^(\s|\/\/[^\n]*\n)*/, '');
      if (rest.startsWith('}') || rest.startsWith(']')) {
        i++;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

export function readRelaxedJson(source: string, name: string): unknown {
  try {
    return JSON.parse(relaxedJsonToStrict(source));
  } catch (cause) {
    if (cause instanceof AttestError) throw new AttestError(cause.code, `${name}: ${cause.message}`);
    throw new AttestError('VSAQ_UNREADABLE', `${name} cannot be read as a VSAQ questionnaire (${(cause as Error).message}).`, { cause });
  }
}

interface VsaqItem {
  type?: unknown;
  id?: unknown;
  text?: unknown;
  items?: unknown;
  choices?: unknown;
  cond?: unknown;
  warn?: unknown;
  severity?: unknown;
  name?: unknown;
  why?: unknown;
  required?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const isObj = (v: unknown): v is VsaqItem => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isVsaq(data: unknown): boolean {
  return isObj(data) && Array.isArray((data as { questionnaire?: unknown }).questionnaire);
}

/** Turns a VSAQ tree into a template; every item is counted by its VSAQ type on the way. */
export function importVsaq(data: unknown, templateId: string, fileName: string): { body: TemplateBody; counts: ImportCounts } {
  if (!isVsaq(data))
    throw new AttestError('VSAQ_NOT_QUESTIONNAIRE', `${fileName} has no "questionnaire" list, so it is not a VSAQ questionnaire.`);
  const byType: Record<string, number> = {};
  const count = (type: string) => (byType[type] = (byType[type] ?? 0) + 1);
  const ids = createIdAllocator();
  const uniqueId = (wanted: string) => ids.take(wanted);
  let conditions = 0;
  let warnings = 0;
  // Warning tips name the answers that raise them; the other options of that group are expected.
  const warnTerms = new Set<string>();

  const optionsOf = (item: VsaqItem, itemType: 'radioitem' | 'checkitem') => {
    const out: { id: string; label: string }[] = [];
    if (Array.isArray(item.choices)) {
      for (const choice of item.choices) {
        if (!isObj(choice)) continue;
        for (const [id, label] of Object.entries(choice)) {
          count(itemType);
          out.push({ id, label: str(label) });
        }
      }
    }
    if (Array.isArray(item.items)) {
      for (const child of item.items) {
        if (isObj(child) && (child.type === 'radioitem' || child.type === 'checkitem')) {
          count(str(child.type));
          out.push({ id: str(child.id) || `${str(item.id)}_${out.length + 1}`, label: str(child.text) });
        }
      }
    }
    return out;
  };

  const convert = (item: VsaqItem, depth: number, parent: string | null, sink: TemplateItem[]): void => {
    const type = str(item.type) || 'unknown';
    count(type);
    const vsaqId = typeof item.id === 'string' && item.id ? item.id : null;
    const origin = { format: 'vsaq' as const, type, id: vsaqId, parent, depth };
    const cond = typeof item.cond === 'string' && item.cond.trim() ? item.cond.trim() : undefined;
    if (cond) conditions++;
    const warn = str(item.warn).toLowerCase() === 'yes' || item.warn === true;
    if (warn) warnings++;
    const text = str(item.text);
    const base = { ...(cond ? { cond } : {}), origin };
    switch (type) {
      case 'block': {
        const id = uniqueId(vsaqId ?? `block_${Object.values(byType).reduce((a, b) => a + b, 0)}`);
        sink.push({ kind: 'note', style: 'heading', id, text, warn: false, ...base });
        for (const child of Array.isArray(item.items) ? item.items : []) if (isObj(child)) convert(child, depth + 1, id, sink);
        return;
      }
      case 'radiogroup':
      case 'checkgroup':
      case 'yesno':
      case 'check':
      case 'line':
      case 'box':
      case 'upload':
      case 'date':
      case 'number': {
        const options = type === 'radiogroup' ? optionsOf(item, 'radioitem') : type === 'checkgroup' ? optionsOf(item, 'checkitem') : [];
        const id = uniqueId(vsaqId ?? `${options[0]?.id ?? 'question'}_group`);
        const qtype: Question['type'] =
          type === 'radiogroup'
            ? 'single'
            : type === 'checkgroup'
              ? 'multi'
              : type === 'yesno' || type === 'check'
                ? 'yesno'
                : type === 'upload'
                  ? 'file'
                  : type === 'date'
                    ? 'date'
                    : type === 'number'
                      ? 'number'
                      : 'text';
        sink.push({
          kind: 'question',
          id,
          type: qtype,
          text: text.trim() || id,
          help: '',
          weight: 0,
          options,
          controls: [],
          required: item.required === true,
          ...(type === 'box' ? { multiline: true } : {}),
          ...base,
        });
        return;
      }
      case 'tip':
      case 'info':
      case 'spacer':
      default: {
        if (warn && cond) for (const t of cond.split(/\|\||&&|[()!\s]+/).filter(Boolean)) warnTerms.add(t);
        sink.push({
          kind: 'note',
          style: type === 'tip' ? 'tip' : type === 'spacer' ? 'spacer' : 'info',
          ...(vsaqId ? { id: uniqueId(vsaqId) } : {}),
          text,
          warn,
          ...(item.severity !== undefined ? { severity: str(item.severity) } : {}),
          ...(item.name !== undefined ? { name: str(item.name) } : {}),
          ...(item.why !== undefined ? { why: str(item.why) } : {}),
          ...base,
        });
      }
    }
  };

  const roots = ((data as { questionnaire: unknown[] }).questionnaire ?? []).filter(isObj);
  // One top block is the questionnaire itself: its child blocks become sections.
  const single = roots.length === 1 && str(roots[0]!.type) === 'block' ? roots[0]! : null;
  const title = single ? str(single.text).trim() || fileName : fileName;
  if (single) count('block');
  const tops = single ? (Array.isArray(single.items) ? single.items.filter(isObj) : []) : roots;
  const sections: TemplateSection[] = [];
  let loose: TemplateSection | null = null;
  for (const top of tops) {
    if (str(top.type) === 'block') {
      count('block');
      const id = uniqueId(str(top.id) || `section_${sections.length + 1}`);
      const cond = typeof top.cond === 'string' && top.cond.trim() ? top.cond.trim() : undefined;
      if (cond) conditions++;
      const items: TemplateItem[] = [];
      for (const child of Array.isArray(top.items) ? top.items : []) if (isObj(child)) convert(child, 2, id, items);
      sections.push({
        id,
        title: str(top.text).trim() || id,
        help: '',
        items,
        origin: { format: 'vsaq', type: 'block', id: str(top.id) || null, parent: null, depth: 1 },
      });
      continue;
    }
    if (!loose) {
      loose = { id: uniqueId('general'), title: 'General', help: '', items: [] };
      sections.push(loose);
    }
    convert(top, 1, null, loose.items);
  }
  if (sections.length === 0) throw new AttestError('IMPORT_EMPTY', `${fileName} holds no questionnaire items.`);

  // Expected answers from the warnings: a single-select whose options raise a warning
  // expects one of its other options, and counts in the score.
  for (const item of sections.flatMap((s) => s.items)) {
    if (item.kind !== 'question' || item.type !== 'single') continue;
    const flagged = item.options.filter((o) => warnTerms.has(o.id));
    const fine = item.options.filter((o) => !warnTerms.has(o.id));
    if (flagged.length && fine.length) {
      item.expected = { kind: 'anyOf', values: fine.map((o) => o.id) };
      item.weight = 1;
    }
  }

  const total = Object.values(byType).reduce((a, b) => a + b, 0);
  const all = sections.flatMap((s) => s.items);
  const body: TemplateBody = {
    format: 1,
    id: templateId,
    title,
    description: `Imported from ${fileName} (Google VSAQ).`,
    source: { name: `Google VSAQ: ${fileName}`, url: 'https://github.com/google/vsaq', licence: 'Apache License 2.0' },
    sections,
  };
  return {
    body,
    counts: {
      byType,
      total,
      questions: all.filter((i) => i.kind === 'question').length,
      notes: all.filter((i) => i.kind === 'note').length,
      conditions,
      warnings,
    },
  };
}

/** Counts a stored VSAQ template's items by their source type, from the body alone (nothing dropped means equal counts). */
export function countVsaqItems(body: TemplateBody): Record<string, number> {
  const byType: Record<string, number> = {};
  const add = (t: string, n = 1) => (byType[t] = (byType[t] ?? 0) + n);
  if (body.sections.some((s) => s.origin?.format === 'vsaq')) add('block'); // the questionnaire's own top block
  for (const s of body.sections) {
    if (s.origin?.format === 'vsaq') add('block');
    for (const item of s.items) {
      if (!item.origin) continue;
      add(item.origin.type);
      if (item.kind === 'question' && item.origin.type === 'radiogroup') add('radioitem', item.options.length);
      if (item.kind === 'question' && item.origin.type === 'checkgroup') add('checkitem', item.options.length);
    }
  }
  return byType;
}
