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
];

export const LATEST_SCHEMA = migrations[migrations.length - 1]!.version;
