// The catalogues a workspace holds: built-ins installed on first use, imports and custom
// catalogues. Every version ever installed is kept as a snapshot keyed by its content
// hash, so an assessment can always show (and a report reproduce) what it was assessed
// against. The current version of each catalogue is indexed for full-text search.
import { AttestError } from '../errors';
import type { Statement, Workspace } from '../workspace';
import { canonicalJson, contentHash } from './canonical';
import { catalogueIssues } from './integrity';
import type { LoadedCatalogue } from './loader';
import { catalogueSchema, type Catalogue, type Control } from './schema';
import { describeZodIssues } from './zod-issues';

export interface CatalogueSummary {
  id: string;
  version: string;
  hash: string;
  title: string;
  origin: Catalogue['origin'];
  controlCount: number;
  addedAt: string;
  updatedAt: string;
}

interface CatalogueRow {
  id: string;
  version: string;
  hash: string;
  title: string;
  origin: string;
  control_count: number;
  added_at: string;
  updated_at: string;
}

const toSummary = (r: CatalogueRow): CatalogueSummary => ({
  id: r.id,
  version: r.version,
  hash: r.hash,
  title: r.title,
  origin: r.origin as Catalogue['origin'],
  controlCount: Number(r.control_count),
  addedAt: r.added_at,
  updatedAt: r.updated_at,
});

// Snapshots never change once written, so parsed copies can be shared for the session.
const parsedSnapshots = new Map<string, Catalogue>();

export function listCatalogues(ws: Workspace): CatalogueSummary[] {
  return ws.query<CatalogueRow>("SELECT * FROM catalogues ORDER BY origin = 'builtin' DESC, title").map(toSummary);
}

export function catalogueSummary(ws: Workspace, id: string): CatalogueSummary {
  const row = ws.query<CatalogueRow>('SELECT * FROM catalogues WHERE id = ?', [id])[0];
  if (!row) throw new AttestError('CATALOG_NOT_FOUND', `This workspace has no catalogue "${id}". List them with "attest catalog list".`);
  return toSummary(row);
}

/** The catalogue at the version a snapshot hash names. */
export function snapshot(ws: Workspace, hash: string): Catalogue {
  const cached = parsedSnapshots.get(hash);
  if (cached) return cached;
  const row = ws.query<{ body: string }>('SELECT body FROM catalogue_snapshots WHERE hash = ?', [hash])[0];
  if (!row)
    throw new AttestError('CATALOG_SNAPSHOT_MISSING', `The catalogue snapshot ${hash.slice(0, 19)}… is missing from this workspace.`);
  const catalogue = catalogueSchema.parse(JSON.parse(row.body));
  parsedSnapshots.set(hash, catalogue);
  return catalogue;
}

/** The current version of a catalogue. */
export function getCatalogue(ws: Workspace, id: string): Catalogue {
  return snapshot(ws, catalogueSummary(ws, id).hash);
}

export function findControl(catalogue: Catalogue, controlId: string): Control {
  const control = catalogue.controls.find((c) => c.id === controlId);
  if (!control) throw new AttestError('CONTROL_NOT_FOUND', `Catalogue "${catalogue.id}" has no control "${controlId}".`);
  return control;
}

/** Validates a catalogue from outside the app (import, edit) and explains what is wrong. */
export function validateCatalogue(input: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) {
    throw new AttestError('CATALOG_INVALID', `The catalogue is not valid: ${describeZodIssues(parsed.error, 5).join('; ')}`);
  }
  const issues = catalogueIssues(parsed.data);
  if (issues.length) {
    throw new AttestError(
      'CATALOG_INVALID',
      `The catalogue is not valid: ${issues
        .slice(0, 5)
        .map((i) => i.message)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

function indexStatements(catalogue: Catalogue, firstDocid: number): Statement[] {
  const out: Statement[] = [];
  catalogue.controls.forEach((c, position) => {
    const docid = firstDocid + position;
    const tags = c.tags.join(' ');
    out.push({
      sql: `INSERT INTO controls (docid, catalogue_id, control_id, position, category, weight, severity, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [docid, catalogue.id, c.id, position, c.category, c.weight ?? null, c.severity ?? null, JSON.stringify(c.tags)],
    });
    out.push({
      sql: `INSERT INTO controls_fts (docid, control_id, title, statement, guidance, tags) VALUES (?, ?, ?, ?, ?, ?)`,
      params: [docid, `${c.id} ${c.label ?? ''}`.trim(), c.title, c.statement, c.guidance, tags],
    });
  });
  return out;
}

export interface InstallResult {
  summary: CatalogueSummary;
  /** false when the workspace already held exactly this version */
  changed: boolean;
  previousVersion: string | null;
}

/**
 * Makes `catalogue` the current version of its id in the workspace, in one commit: the
 * snapshot is added (if new), the search index is rebuilt for that id. Refuses to replace
 * a catalogue of another origin (an import never overwrites a built-in).
 */
export async function installCatalogue(ws: Workspace, catalogue: Catalogue, actor: string, now = ws.now()): Promise<InstallResult> {
  const hash = contentHash(catalogue);
  const existing = ws.query<CatalogueRow>('SELECT * FROM catalogues WHERE id = ?', [catalogue.id])[0];
  if (existing && existing.hash === hash) return { summary: toSummary(existing), changed: false, previousVersion: existing.version };
  if (existing && existing.origin !== catalogue.origin && existing.origin === 'builtin') {
    throw new AttestError('CATALOG_EXISTS', `A built-in catalogue already has the id "${catalogue.id}". Import under another id.`);
  }
  const at = now.toISOString();
  const nextDocid = Number(ws.query<{ n: number | null }>('SELECT max(docid) AS n FROM controls')[0]?.n ?? 0) + 1;
  const statements: Statement[] = [
    {
      sql: 'INSERT OR IGNORE INTO catalogue_snapshots (hash, catalogue_id, version, body, added_at) VALUES (?, ?, ?, ?, ?)',
      params: [hash, catalogue.id, catalogue.version, canonicalJson(catalogue), at],
    },
    { sql: 'DELETE FROM controls_fts WHERE docid IN (SELECT docid FROM controls WHERE catalogue_id = ?)', params: [catalogue.id] },
    { sql: 'DELETE FROM controls WHERE catalogue_id = ?', params: [catalogue.id] },
    {
      sql: `INSERT INTO catalogues (id, version, hash, title, origin, control_count, added_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, hash = excluded.hash, title = excluded.title,
              origin = excluded.origin, control_count = excluded.control_count, updated_at = excluded.updated_at`,
      params: [catalogue.id, catalogue.version, hash, catalogue.title, catalogue.origin, catalogue.controls.length, at, at],
    },
    ...indexStatements(catalogue, nextDocid),
  ];
  await ws.commit({
    actor,
    action: existing ? 'catalog.update' : 'catalog.install',
    entity: `catalogue:${catalogue.id}@${catalogue.version}`,
    statements,
  });
  return { summary: catalogueSummary(ws, catalogue.id), changed: true, previousVersion: existing?.version ?? null };
}

/**
 * Installs every built-in catalogue the workspace does not hold yet, and newer versions
 * of those it holds. Assessments keep the snapshots they were created with.
 */
export async function ensureBuiltins(ws: Workspace, builtins: readonly LoadedCatalogue[], actor: string): Promise<number> {
  let installed = 0;
  for (const b of builtins) {
    const row = ws.query<{ hash: string }>('SELECT hash FROM catalogues WHERE id = ?', [b.catalogue.id])[0];
    if (row?.hash === b.hash) continue;
    await installCatalogue(ws, b.catalogue, actor);
    installed++;
  }
  return installed;
}

/** Removes an imported or custom catalogue; snapshots stay, so assessments that used it keep working. */
export async function removeCatalogue(ws: Workspace, id: string, actor: string): Promise<void> {
  const summary = catalogueSummary(ws, id);
  if (summary.origin === 'builtin') throw new AttestError('CATALOG_BUILTIN', 'Built-in catalogues cannot be removed.');
  await ws.commit({
    actor,
    action: 'catalog.remove',
    entity: `catalogue:${id}@${summary.version}`,
    statements: [
      { sql: 'DELETE FROM controls_fts WHERE docid IN (SELECT docid FROM controls WHERE catalogue_id = ?)', params: [id] },
      { sql: 'DELETE FROM controls WHERE catalogue_id = ?', params: [id] },
      { sql: 'DELETE FROM catalogues WHERE id = ?', params: [id] },
    ],
  });
}

/** The next patch version, for an edit to a custom catalogue. */
export function bumpVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : '1.0.0';
}
