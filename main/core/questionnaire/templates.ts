// The questionnaire templates a workspace holds: the built-in baseline (installed on
// first use), VSAQ and template-file imports, and custom templates. Every edit bumps the
// version; questionnaires keep the body they were created from, so edits never reach a
// questionnaire already sent. Removal is soft, so it can be undone.
import { templateBody, type TemplateBody, type TemplateBodyInput, type TemplateSummary } from '../../contract/questionnaire';
import { describeZodIssues } from '../catalog/zod-issues';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';

export type TemplateOrigin = TemplateSummary['origin'];

interface TemplateRow {
  id: string;
  title: string;
  version: number;
  origin: TemplateOrigin;
  source: string;
  body: string;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}

export function parseTemplate(input: unknown, where: string): TemplateBody {
  const parsed = templateBody.safeParse(input);
  if (!parsed.success) {
    throw new AttestError('TEMPLATE_INVALID', `${where} is not a valid template: ${describeZodIssues(parsed.error, 5).join('; ')}`);
  }
  return parsed.data;
}

export function countQuestions(body: TemplateBody): { questions: number; items: number } {
  const items = body.sections.flatMap((s) => s.items);
  return { questions: items.filter((i) => i.kind === 'question').length, items: items.length };
}

function toSummary(r: TemplateRow): TemplateSummary {
  const body = JSON.parse(r.body) as TemplateBody;
  return {
    id: r.id,
    title: r.title,
    version: Number(r.version),
    origin: r.origin,
    source: r.source,
    sections: body.sections.length,
    ...countQuestions(body),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const row = (ws: Workspace, id: string) => ws.query<TemplateRow>('SELECT * FROM templates WHERE id = ?', [id])[0];

export function listTemplates(ws: Workspace): TemplateSummary[] {
  return ws.query<TemplateRow>("SELECT * FROM templates WHERE removed_at IS NULL ORDER BY origin = 'builtin' DESC, title").map(toSummary);
}

function liveRow(ws: Workspace, id: string): TemplateRow {
  const r = row(ws, id);
  if (!r || r.removed_at)
    throw new AttestError('TEMPLATE_NOT_FOUND', `This workspace has no template "${id}". List them with "attest template list".`);
  return r;
}

export function templateSummary(ws: Workspace, id: string): TemplateSummary {
  return toSummary(liveRow(ws, id));
}

export function getTemplate(ws: Workspace, id: string): { summary: TemplateSummary; body: TemplateBody } {
  const r = liveRow(ws, id);
  return { summary: toSummary(r), body: parseTemplate(JSON.parse(r.body), `Template ${id}`) };
}

/** Installs a template, or replaces an existing one when replace is set (its version goes up). */
export async function installTemplate(
  ws: Workspace,
  input: TemplateBodyInput | TemplateBody,
  origin: TemplateOrigin,
  actor: string,
  opts: { replace?: boolean } = {},
): Promise<TemplateSummary> {
  const body = parseTemplate(input, `Template ${input.id}`);
  const existing = row(ws, body.id);
  if (existing && !existing.removed_at && !opts.replace) {
    throw new AttestError('TEMPLATE_EXISTS', `A template "${body.id}" already exists; choose another id or replace it.`);
  }
  const at = ws.now().toISOString();
  const version = existing ? Number(existing.version) + 1 : 1;
  await ws.commit({
    actor,
    action: existing ? 'template.replace' : 'template.add',
    entity: `template:${body.id}`,
    statements: [
      existing
        ? {
            sql: 'UPDATE templates SET title = ?, version = ?, origin = ?, source = ?, body = ?, updated_at = ?, removed_at = NULL WHERE id = ?',
            params: [body.title, version, origin, body.source.name, JSON.stringify(body), at, body.id],
          }
        : {
            sql: 'INSERT INTO templates (id, title, version, origin, source, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            params: [body.id, body.title, version, origin, body.source.name, JSON.stringify(body), at, at],
          },
    ],
  });
  return templateSummary(ws, body.id);
}

/** Saves an edited template; a built-in stays read-only (copy it first). */
export async function saveTemplate(ws: Workspace, body: TemplateBody, create: boolean, actor: string): Promise<TemplateSummary> {
  const existing = row(ws, body.id);
  if (create) {
    if (existing && !existing.removed_at)
      throw new AttestError('TEMPLATE_EXISTS', `A template "${body.id}" already exists; choose another id.`);
    return installTemplate(ws, body, 'custom', actor, { replace: true });
  }
  const current = liveRow(ws, body.id);
  if (current.origin === 'builtin') {
    throw new AttestError('TEMPLATE_BUILTIN', 'The built-in template is read-only. Duplicate it to make your own version.');
  }
  const at = ws.now().toISOString();
  await ws.commit({
    actor,
    action: 'template.edit',
    entity: `template:${body.id}`,
    statements: [
      {
        sql: 'UPDATE templates SET title = ?, version = version + 1, source = ?, body = ?, updated_at = ? WHERE id = ?',
        params: [body.title, body.source.name, JSON.stringify(body), at, body.id],
      },
    ],
  });
  return templateSummary(ws, body.id);
}

export async function duplicateTemplate(ws: Workspace, id: string, newId: string, title: string, actor: string): Promise<TemplateSummary> {
  const { body } = getTemplate(ws, id);
  const existing = row(ws, newId);
  if (existing && !existing.removed_at)
    throw new AttestError('TEMPLATE_EXISTS', `A template "${newId}" already exists; choose another id.`);
  return installTemplate(
    ws,
    { ...body, id: newId, title, source: { ...body.source, name: `${body.source.name} (copied from ${id})` } },
    'custom',
    actor,
    { replace: true },
  );
}

export async function setTemplateRemoved(ws: Workspace, id: string, removed: boolean, actor: string): Promise<void> {
  const r = row(ws, id);
  if (!r || (removed && r.removed_at)) throw new AttestError('TEMPLATE_NOT_FOUND', `This workspace has no template "${id}".`);
  if (r.origin === 'builtin') throw new AttestError('TEMPLATE_BUILTIN', 'The built-in template cannot be removed.');
  await ws.commit({
    actor,
    action: removed ? 'template.remove' : 'template.restore',
    entity: `template:${id}`,
    statements: [{ sql: 'UPDATE templates SET removed_at = ? WHERE id = ?', params: [removed ? ws.now().toISOString() : null, id] }],
  });
}

/** Installs or refreshes the built-in templates; a built-in whose content changed gets a new version. */
export async function ensureBuiltinTemplates(ws: Workspace, builtins: readonly TemplateBody[]): Promise<void> {
  for (const body of builtins) {
    const existing = row(ws, body.id);
    if (existing && existing.body === JSON.stringify(body)) continue;
    await installTemplate(ws, body, 'builtin', 'attest (built-in templates)', { replace: true });
  }
}
