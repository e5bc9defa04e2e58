// The audit log as people read it: each entry's entity named from the workspace
// ("Finding F-003 “Backups never rehearsed” in “Q4 review”" rather than an id), filtered
// by actor, kind of action, words and days, and exported as formula-safe CSV.
import type { AuditEntry, AuditFilter } from '../../contract/workspace';
import { toCsv } from '../spreadsheet/cell-safety';
import type { Workspace } from '../workspace';

type Row = Omit<AuditEntry, 'entityName'>;
type Names = Map<string, string>;

/** Names of everything an entity id can point at, read once per call. */
function nameBook(ws: Workspace): (kind: string, id: string) => string | null {
  const cache = new Map<string, Names>();
  const load = (key: string, sql: string): Names => {
    let names = cache.get(key);
    if (!names) {
      names = new Map();
      try {
        for (const r of ws.query<{ id: string; name: string }>(sql)) names.set(String(r.id), String(r.name));
      } catch {
        // a workspace from before this table existed: nothing to name
      }
      cache.set(key, names);
    }
    return names;
  };
  const assessments = () => load('assessment', 'SELECT id, name FROM assessments');
  const vendors = () => load('vendor', 'SELECT id, name FROM vendors');
  return (kind, id) => {
    switch (kind) {
      case 'assessment':
      case 'control':
        return assessments().get(id) ?? null;
      case 'vendor':
        return vendors().get(id) ?? null;
      case 'finding': {
        const f = load(
          'finding',
          "SELECT id, printf('F-%03d', ref) || ' “' || title || '”' || coalesce(' in “' || (SELECT name FROM assessments a WHERE a.id = f.assessment_id) || '”', '') AS name FROM findings f",
        ).get(id);
        return f ?? null;
      }
      case 'questionnaire':
        return (
          load(
            'questionnaire',
            "SELECT q.id, coalesce(v.name, '?') || ', cycle ' || q.cycle AS name FROM questionnaires q LEFT JOIN vendors v ON v.id = q.vendor_id",
          ).get(id) ?? null
        );
      case 'template':
        return load('template', 'SELECT id, title AS name FROM templates').get(id) ?? null;
      case 'catalogue':
        return load('catalogue', 'SELECT id, title AS name FROM catalogues').get(id) ?? null;
      case 'check-target':
        return load('check-target', "SELECT id, check_id || ' on ' || target AS name FROM check_targets").get(id) ?? null;
      case 'check-run':
        return load('check-run', "SELECT id, check_id || ' on ' || target AS name FROM check_runs").get(id) ?? null;
      case 'signing-identity':
        return load('signing-identity', 'SELECT fingerprint AS id, common_name AS name FROM signing_identities').get(id) ?? null;
      case 'trusted-certificate':
        return load('trusted-certificate', 'SELECT fingerprint AS id, label AS name FROM trusted_certificates').get(id) ?? null;
      case 'report':
        return load('report', 'SELECT id, title AS name FROM issued_reports').get(id) ?? null;
      case 'blob':
        // A stored file is named by the evidence it is attached as (the first, if several).
        return (
          load('blob', 'SELECT blob_id AS id, min(title) AS name FROM evidence WHERE blob_id IS NOT NULL GROUP BY blob_id').get(id) ?? null
        );
      default:
        return null;
    }
  };
}

const KIND_WORDS: Record<string, string> = {
  assessment: 'Assessment',
  control: 'Control',
  vendor: 'Vendor',
  finding: 'Finding',
  questionnaire: 'Questionnaire',
  template: 'Template',
  catalogue: 'Catalogue',
  'check-target': 'Check target',
  'check-run': 'Check run',
  'signing-identity': 'Signing identity',
  'trusted-certificate': 'Trusted certificate',
  report: 'Report',
  blob: 'File',
};

/** "control:asm_1/platform-baseline/S.N.11" → "Control S.N.11 of “Q4 review”". */
export function entityName(entity: string, name: (kind: string, id: string) => string | null): string | null {
  // An entity may carry free text after its id ("questionnaire:qnr_1 VSB-4: "No" → "Yes""):
  // the name is the id's, and the text stays in the raw entity.
  const [head = '', ...rest] = (entity.split(/\s/, 1)[0] ?? '').split('/');
  const colon = head.indexOf(':');
  if (colon < 0) return null;
  const kind = head.slice(0, colon);
  const id = head.slice(colon + 1);
  const word = KIND_WORDS[kind];
  const named = name(kind, id);
  if (!word || !named) return null;
  if (kind === 'control') {
    const control = rest[rest.length - 1];
    return control ? `Control ${control} of “${named}”` : `Controls of “${named}”`;
  }
  if (kind === 'finding') return `Finding ${named}`;
  const tail = rest.map((part) => part.split(':')[0]).filter(Boolean);
  return `${word} “${named}”${tail.length ? ` · ${tail.join(' · ')}` : ''}`;
}

/**
 * One entity in words, read from the workspace now (null when it is gone or unnamed); an
 * entity followed by a summary ("assessment:… 5 controls → not-met: …") keeps the summary.
 */
export function describeEntity(ws: Workspace, entity: string): string | null {
  const name = entityName(entity, nameBook(ws));
  const summary = /^\S+\s(.+)$/s.exec(entity)?.[1];
  return name && summary ? `${name} · ${summary}` : name;
}

function matching(ws: Workspace, filter: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.actor) {
    where.push('actor = ?');
    params.push(filter.actor);
  }
  if (filter.kind) {
    where.push("(action = ? OR substr(action, 1, length(?) + 1) = ? || '.')");
    params.push(filter.kind, filter.kind, filter.kind);
  }
  if (filter.from) {
    where.push('substr(at, 1, 10) >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('substr(at, 1, 10) <= ?');
    params.push(filter.to);
  }
  const rows = ws.query<Row>(
    `SELECT seq, at, actor, action, entity, digest, hash FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC`,
    params,
  );
  const name = nameBook(ws);
  const entries = rows.map((r) => ({ ...r, entityName: entityName(r.entity, name) }));
  const words = filter.text?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  if (!words.length) return entries;
  return entries.filter((e) => {
    const hay = `${e.action} ${e.entity} ${e.entityName ?? ''} ${e.actor}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function listAudit(ws: Workspace, request: AuditFilter & { offset: number; limit: number }) {
  const entries = matching(ws, request);
  const actors = ws.query<{ actor: string }>('SELECT DISTINCT actor FROM audit_log ORDER BY actor').map((r) => r.actor);
  const kinds = ws
    .query<{ kind: string }>(
      "SELECT DISTINCT CASE WHEN instr(action, '.') > 0 THEN substr(action, 1, instr(action, '.') - 1) ELSE action END AS kind FROM audit_log ORDER BY kind",
    )
    .map((r) => r.kind);
  return { total: entries.length, entries: entries.slice(request.offset, request.offset + request.limit), actors, kinds };
}

export function exportAudit(ws: Workspace, filter: AuditFilter, workspaceName: string | null) {
  const entries = matching(ws, filter);
  const csv = toCsv(
    ['seq', 'at', 'actor', 'action', 'entity', 'entity_name', 'hash'],
    entries.map((e) => [e.seq, e.at, e.actor, e.action, e.entity, e.entityName, e.hash]),
  );
  const stem = (workspaceName ?? 'workspace').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'workspace';
  return {
    name: `${stem}-audit-log.csv`,
    mediaType: 'text/csv',
    dataBase64: Buffer.from(csv, 'utf8').toString('base64'),
    entries: entries.length,
  };
}
