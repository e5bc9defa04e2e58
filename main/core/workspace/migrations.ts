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
  {
    version: 4,
    name: 'vendors, questionnaire templates and answers, vendor findings, live-check runs, issued reports',
    up: [
      // Vendor registry. data_types is a JSON array; tier is the rubric's result, and an
      // override keeps its reason beside it.
      `CREATE TABLE vendors (
         id TEXT PRIMARY KEY, name TEXT NOT NULL, services TEXT NOT NULL, owner TEXT NOT NULL,
         data_types TEXT NOT NULL, criticality TEXT NOT NULL, tier INTEGER NOT NULL,
         tier_override INTEGER, tier_override_reason TEXT, contract_start TEXT, contract_end TEXT,
         exit_plan TEXT NOT NULL, notes TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
         updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, removed_at TEXT)`,
      `CREATE TABLE vendor_certifications (
         id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL REFERENCES vendors(id), kind TEXT NOT NULL,
         period_start TEXT, period_end TEXT, expires_at TEXT, blob_id TEXT REFERENCES blobs(id),
         added_at TEXT NOT NULL, removed_at TEXT)`,
      // Credentials the organisation issued to a vendor (metadata only, never a value).
      `CREATE TABLE vendor_credentials (
         id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL REFERENCES vendors(id), label TEXT NOT NULL,
         system TEXT NOT NULL, issued_at TEXT, expires_at TEXT, revoked_at TEXT, notes TEXT NOT NULL)`,
      // Questionnaire templates; body is the whole template as JSON (sections, questions).
      `CREATE TABLE templates (
         id TEXT PRIMARY KEY, title TEXT NOT NULL, version INTEGER NOT NULL, origin TEXT NOT NULL,
         source TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, removed_at TEXT)`,
      // One questionnaire per vendor and review cycle. The template is copied in, so later
      // template edits never change a questionnaire already sent.
      `CREATE TABLE questionnaires (
         id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL REFERENCES vendors(id), template_id TEXT NOT NULL,
         template_version INTEGER NOT NULL, template_body TEXT NOT NULL, cycle TEXT NOT NULL, state TEXT NOT NULL,
         created_at TEXT NOT NULL, created_by TEXT NOT NULL, exported_at TEXT, imported_at TEXT,
         score TEXT, conclusion TEXT, conclusion_rationale TEXT, concluded_at TEXT, concluded_by TEXT)`,
      `CREATE TABLE answers (
         questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id), question_id TEXT NOT NULL,
         value TEXT NOT NULL, comment TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
         PRIMARY KEY (questionnaire_id, question_id))`,
      // Findings now belong to an assessment or to a vendor (follow-up items of a review).
      `CREATE TABLE findings_v4 (
         id TEXT PRIMARY KEY, assessment_id TEXT REFERENCES assessments(id), vendor_id TEXT REFERENCES vendors(id),
         questionnaire_id TEXT, ref INTEGER NOT NULL,
         title TEXT NOT NULL, description TEXT NOT NULL, likelihood INTEGER NOT NULL, impact INTEGER NOT NULL,
         severity TEXT NOT NULL, severity_override_reason TEXT, owner TEXT NOT NULL, due_date TEXT,
         remediation TEXT NOT NULL, status TEXT NOT NULL, acceptance_justification TEXT, acceptance_expires TEXT,
         created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
         removed_at TEXT, UNIQUE (assessment_id, ref), UNIQUE (vendor_id, ref),
         CHECK ((assessment_id IS NULL) <> (vendor_id IS NULL)))`,
      `INSERT INTO findings_v4 (id, assessment_id, ref, title, description, likelihood, impact, severity,
         severity_override_reason, owner, due_date, remediation, status, acceptance_justification, acceptance_expires,
         created_at, created_by, updated_at, updated_by, removed_at)
       SELECT id, assessment_id, ref, title, description, likelihood, impact, severity,
         severity_override_reason, owner, due_date, remediation, status, acceptance_justification, acceptance_expires,
         created_at, created_by, updated_at, updated_by, removed_at FROM findings`,
      `DROP TABLE findings`,
      `ALTER TABLE findings_v4 RENAME TO findings`,
      // Live checks: saved targets per assessment, and every run with its raw (redacted)
      // observations. A run evidences controls through evidence rows that point at it.
      `CREATE TABLE check_targets (
         id TEXT PRIMARY KEY, assessment_id TEXT REFERENCES assessments(id), check_id TEXT NOT NULL,
         target TEXT NOT NULL, inputs TEXT NOT NULL, credential_id TEXT, created_at TEXT NOT NULL, removed_at TEXT)`,
      `CREATE TABLE check_runs (
         id TEXT PRIMARY KEY, assessment_id TEXT REFERENCES assessments(id), target_id TEXT, check_id TEXT NOT NULL,
         target TEXT NOT NULL, inputs TEXT NOT NULL, status TEXT NOT NULL, summary TEXT NOT NULL,
         remediation TEXT NOT NULL, observations TEXT NOT NULL, suggested_status TEXT, controls TEXT NOT NULL,
         started_at TEXT NOT NULL, finished_at TEXT NOT NULL, run_by TEXT NOT NULL,
         decision TEXT, decided_at TEXT, decided_by TEXT)`,
      `CREATE INDEX check_runs_by_target ON check_runs (assessment_id, check_id, target)`,
      `ALTER TABLE evidence ADD COLUMN check_run_id TEXT REFERENCES check_runs(id)`,
      // Reports: every issued PDF (the bytes as a blob), the signing identities (the
      // PKCS#12 as a blob, its passphrase in the OS keychain) and trusted certificates.
      `CREATE TABLE signing_identities (
         fingerprint TEXT PRIMARY KEY, common_name TEXT NOT NULL, subject TEXT NOT NULL, not_after TEXT NOT NULL,
         p12_blob_id TEXT NOT NULL REFERENCES blobs(id), origin TEXT NOT NULL, added_at TEXT NOT NULL, removed_at TEXT)`,
      `CREATE TABLE trusted_certificates (
         fingerprint TEXT PRIMARY KEY, label TEXT NOT NULL, pem TEXT NOT NULL, added_at TEXT NOT NULL, removed_at TEXT)`,
      `CREATE TABLE issued_reports (
         id TEXT PRIMARY KEY, kind TEXT NOT NULL, subject_id TEXT NOT NULL, title TEXT NOT NULL,
         sha256 TEXT NOT NULL, size INTEGER NOT NULL, signer_fingerprint TEXT, signer_name TEXT,
         issued_at TEXT NOT NULL, issued_by TEXT NOT NULL, blob_id TEXT REFERENCES blobs(id))`,
    ],
  },
  {
    version: 5,
    name: 'results carried forward from an earlier assessment',
    up: [
      // The assessment a result was copied from; cleared when someone sets the result again.
      `ALTER TABLE results ADD COLUMN carried_from TEXT`,
    ],
  },
  {
    version: 6,
    name: 'questionnaire answers with their provenance: carried forward from an earlier cycle, corrected by the analyst',
    up: [
      // Who an answer is from: 'vendor' (an import), 'carried' (copied from the questionnaire
      // in carried_from, needs review), 'analyst' (corrected in the app or CLI).
      `ALTER TABLE answers ADD COLUMN source TEXT NOT NULL DEFAULT 'vendor'`,
      `ALTER TABLE answers ADD COLUMN carried_from TEXT`,
      // The answer as it stood before the analyst's first correction (JSON), for reverting it.
      `ALTER TABLE answers ADD COLUMN original TEXT`,
      // The questionnaire a new cycle started from, and what was and was not carried (JSON).
      `ALTER TABLE questionnaires ADD COLUMN carried_from TEXT`,
      `ALTER TABLE questionnaires ADD COLUMN carry_report TEXT`,
    ],
  },
];

export const LATEST_SCHEMA = migrations[migrations.length - 1]!.version;
