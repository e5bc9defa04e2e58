// Forward-only schema migrations. To add one, append an entry with the next version
// number; never edit or reorder an entry that has shipped. Each runs as one journaled,
// audited commit (action "schema.migrate"), so a crash mid-migration leaves either the
// old or the new schema. Statements must be deterministic: they are replayed on open.
export interface Migration {
  version: number;
  name: string;
  up: string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'base tables: meta, settings, audit_log, blobs',
    up: [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE audit_log (
         seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
         entity TEXT NOT NULL, digest TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
      `CREATE TABLE blobs (
         id TEXT PRIMARY KEY, size INTEGER NOT NULL, name TEXT, media_type TEXT,
         added_at TEXT NOT NULL, added_by TEXT NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: 'settings.updated_at and blob_links (which entity an attachment belongs to)',
    up: [
      `ALTER TABLE settings ADD COLUMN updated_at TEXT`,
      `CREATE TABLE blob_links (
         blob_id TEXT NOT NULL REFERENCES blobs(id), entity TEXT NOT NULL, PRIMARY KEY (blob_id, entity))`,
    ],
  },
  {
    version: 3,
    name: 'catalogues with full-text search, assessments, results, evidence and findings',
    up: [
      // The catalogues this workspace holds, at their current version. Every version an
      // assessment used stays in catalogue_snapshots (keyed by content hash) for ever.
      `CREATE TABLE catalogues (
         id TEXT PRIMARY KEY, version TEXT NOT NULL, hash TEXT NOT NULL, title TEXT NOT NULL,
         origin TEXT NOT NULL, control_count INTEGER NOT NULL, added_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
      `CREATE TABLE catalogue_snapshots (
         hash TEXT PRIMARY KEY, catalogue_id TEXT NOT NULL, version TEXT NOT NULL, body TEXT NOT NULL, added_at TEXT NOT NULL)`,
      // One row per control of a current catalogue; docid joins it to the search index.
      `CREATE TABLE controls (
         docid INTEGER PRIMARY KEY, catalogue_id TEXT NOT NULL, control_id TEXT NOT NULL, position INTEGER NOT NULL,
         category TEXT NOT NULL, weight INTEGER, severity TEXT, tags TEXT NOT NULL, UNIQUE (catalogue_id, control_id))`,
      `CREATE VIRTUAL TABLE controls_fts USING fts4(control_id, title, statement, guidance, tags, tokenize=unicode61)`,
      `CREATE TABLE assessments (
         id TEXT PRIMARY KEY, name TEXT NOT NULL, client TEXT NOT NULL, scope TEXT NOT NULL,
         period_start TEXT, period_end TEXT, assessor TEXT NOT NULL, state TEXT NOT NULL,
         created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL)`,
      `CREATE TABLE assessment_catalogues (
         assessment_id TEXT NOT NULL REFERENCES assessments(id), catalogue_id TEXT NOT NULL,
         snapshot_hash TEXT NOT NULL REFERENCES catalogue_snapshots(hash), position INTEGER NOT NULL,
         PRIMARY KEY (assessment_id, catalogue_id))`,
      `CREATE TABLE results (
         assessment_id TEXT NOT NULL, catalogue_id TEXT NOT NULL, control_id TEXT NOT NULL,
         status TEXT NOT NULL, rationale TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
         PRIMARY KEY (assessment_id, catalogue_id, control_id))`,
      `CREATE TABLE evidence (
         id TEXT PRIMARY KEY, assessment_id TEXT NOT NULL, catalogue_id TEXT NOT NULL, control_id TEXT NOT NULL,
         kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, url TEXT, blob_id TEXT REFERENCES blobs(id),
         added_at TEXT NOT NULL, added_by TEXT NOT NULL, removed_at TEXT)`,
      `CREATE INDEX evidence_by_control ON evidence (assessment_id, catalogue_id, control_id)`,
      `CREATE TABLE findings (
         id TEXT PRIMARY KEY, assessment_id TEXT NOT NULL REFERENCES assessments(id), ref INTEGER NOT NULL,
         title TEXT NOT NULL, description TEXT NOT NULL, likelihood INTEGER NOT NULL, impact INTEGER NOT NULL,
         severity TEXT NOT NULL, severity_override_reason TEXT, owner TEXT NOT NULL, due_date TEXT,
         remediation TEXT NOT NULL, status TEXT NOT NULL, acceptance_justification TEXT, acceptance_expires TEXT,
         created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
         removed_at TEXT, UNIQUE (assessment_id, ref))`,
      `CREATE TABLE finding_controls (
         finding_id TEXT NOT NULL REFERENCES findings(id), catalogue_id TEXT NOT NULL, control_id TEXT NOT NULL,
         PRIMARY KEY (finding_id, catalogue_id, control_id))`,
    ],
  },
];

export const LATEST_SCHEMA = migrations[migrations.length - 1]!.version;
