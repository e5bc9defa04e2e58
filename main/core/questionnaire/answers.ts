// Answer values per question type: how a cell or a JSON field turns into a stored value,
// and how a stored value reads back as text. Every rule here gives a message a vendor
// can act on ("pick one of: …", "not a number"), never a silent guess.
import type { AnswerValue, Question } from '../../contract/questionnaire';
import { neutraliseCell } from '../spreadsheet/cell-safety';

export const YESNO_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', partial: 'Partial', na: 'Not applicable' };
const YESNO_INPUT: Record<string, string> = {
  yes: 'yes',
  y: 'yes',
  no: 'no',
  n: 'no',
  partial: 'partial',
  partly: 'partial',
  na: 'na',
  'n/a': 'na',
  'not applicable': 'na',
};

export type Parsed = { ok: true; value: AnswerValue | null } | { ok: false; message: string };

const optionFor = (q: Question, raw: string) => {
  const t = raw.trim();
  const same = (label: string) => label.trim().toLowerCase() === t.toLowerCase();
  // A label Attest exported neutralised (with a leading apostrophe) still picks its option.
  return q.options.find((o) => o.id === t) ?? q.options.find((o) => same(o.label) || same(neutraliseCell(o.label)));
};

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Reads one answer as a vendor wrote it (a cell, a JSON field); null means "left empty". */
export function parseAnswer(q: Question, raw: unknown): Parsed {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0)) {
    return { ok: true, value: null };
  }
  switch (q.type) {
    case 'yesno': {
      const v = YESNO_INPUT[String(raw).trim().toLowerCase()];
      return v ? { ok: true, value: v } : { ok: false, message: `"${String(raw)}" is not an answer here; use Yes, No, Partial or N/A` };
    }
    case 'single': {
      const o = optionFor(q, String(raw));
      return o
        ? { ok: true, value: o.id }
        : { ok: false, message: `"${String(raw)}" is not one of the options (${q.options.map((x) => x.label || x.id).join(' / ')})` };
    }
    case 'multi': {
      const parts = Array.isArray(raw) ? raw.map(String) : String(raw).split(/[;\n]/);
      const ids: string[] = [];
      for (const p of parts.map((x) => x.trim()).filter(Boolean)) {
        const o = optionFor(q, p);
        if (!o) return { ok: false, message: `"${p}" is not one of the options (${q.options.map((x) => x.label || x.id).join(' / ')})` };
        if (!ids.includes(o.id)) ids.push(o.id);
      }
      return { ok: true, value: ids.length ? ids : null };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(/,/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `"${String(raw)}" is not a number` };
    }
    case 'date': {
      const s = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
      return /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s)
        ? { ok: true, value: s }
        : { ok: false, message: `"${String(raw)}" is not a date (write it as 2026-11-23)` };
    }
    case 'text':
    case 'file': {
      const s = String(raw);
      return s.length > 20_000 ? { ok: false, message: 'the answer is longer than 20,000 characters' } : { ok: true, value: s };
    }
  }
}

/** A stored value as a person reads it: option labels, Yes/No, the number or text. */
export function answerText(q: Question | undefined, value: AnswerValue | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (!q) return Array.isArray(value) ? value.join('; ') : String(value);
  if (q.type === 'yesno') return YESNO_LABELS[String(value)] ?? String(value);
  const label = (id: string) => q.options.find((o) => o.id === id)?.label || id;
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (q.type === 'single') return label(String(value));
  return String(value);
}

/** The expected answer as a sentence part: "Yes", "one of: A / B", "between 1 and 30". */
export function expectedText(q: Question): string {
  const e = q.expected;
  if (!e) return '';
  const label = (id: string) => q.options.find((o) => o.id === id)?.label || id;
  switch (e.kind) {
    case 'equals':
      return YESNO_LABELS[e.value] ?? e.value;
    case 'anyOf':
      return e.values.length === 1 ? label(e.values[0]!) : `one of: ${e.values.map(label).join(' / ')}`;
    case 'allOf':
      return `all of: ${e.values.map(label).join(' / ')}`;
    case 'range':
      return e.min !== undefined && e.max !== undefined
        ? `between ${e.min} and ${e.max}`
        : e.min !== undefined
          ? `at least ${e.min}`
          : e.max !== undefined
            ? `at most ${e.max}`
            : 'any number';
    case 'provided':
      return 'an answer';
  }
}
