// Undo for every kind of change. While a commit is tried (applied and rolled back before
// its record is written), temporary triggers note which rows of which tables it touches;
// the rows as they were are then read back, and the inverse (delete what the commit
// touched, put back what was there, with the same rowids) is kept in memory for this
// session. Undo commits that inverse as an ordinary journaled, audited change. Only the
// newest change can be taken back, then the one before it, so every inverse applies to
// exactly the state it was made from.
import type { Database } from 'sql.js';
import type { SqlValue, Statement } from './records';

const LOG = 'attest_undo_log';
/** Beyond this many rows a change is kept on record but cannot be undone. */
const MAX_ROWS = 20_000;
/** How many changes back Ctrl+Z can go. */
const MAX_ENTRIES = 200;
/** Statements kept across the whole history: the oldest changes give way beyond this. */
const MAX_STATEMENTS = 100_000;
const CHUNK = 500;

/**
 * Search indexes (virtual tables, which take no triggers) kept row for row in step with a
 * real table: their rows come back with the rows of the table they follow, by docid.
 */
const INDEXES: readonly { index: string; follows: string }[] = [{ index: 'controls_fts', follows: 'controls' }];

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface TableShape {
  columns: string[];
  /** The INTEGER PRIMARY KEY column that is the rowid, if the table has one. */
  rowidAlias: string | null;
}

/** Tables whose rows a change can touch: everything but SQLite's own, the audit log and search indexes. */
function capturedTables(db: Database): string[] {
  const rows = db.exec(`SELECT name, sql FROM main.sqlite_master WHERE type = 'table'`)[0]?.values ?? [];
  const virtual = rows.filter(([, sql]) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(String(sql))).map(([n]) => String(n));
  return rows
    .map(([n]) => String(n))
    .filter((n) => !n.startsWith('sqlite_') && n !== 'audit_log' && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

function shapeOf(db: Database, table: string): TableShape {
  const info = db.exec(`PRAGMA main.table_info(${quoteId(table)})`)[0]?.values ?? [];
  const columns = info.map((r) => String(r[1]));
  const pk = info.filter((r) => Number(r[5]) > 0);
  const rowidAlias = pk.length === 1 && String(pk[0]![2]).toUpperCase() === 'INTEGER' ? String(pk[0]![1]) : null;
  return { columns, rowidAlias };
}

function schemaSignature(db: Database): string {
  return String(db.exec(`SELECT count(*) || ':' || coalesce(sum(length(sql)), 0) FROM main.sqlite_master`)[0]?.values[0]?.[0] ?? '');
}

/**
 * Makes sure the log and its triggers exist for the current tables. sql.js's export()
 * reopens the database, which drops temporary objects, and a migration adds tables: both
 * are noticed here and the triggers made again.
 */
export function ensureCapture(db: Database, state: { signature: string | null }): void {
  // Rows that INSERT OR REPLACE deletes fire delete triggers only with this on (per connection).
  db.run('PRAGMA recursive_triggers = ON');
  const present = db.exec(`SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = '${LOG}'`).length > 0;
  const signature = schemaSignature(db);
  if (present && state.signature === signature) return;
  if (present) {
    for (const [name] of db.exec(`SELECT name FROM temp.sqlite_master WHERE type = 'trigger'`)[0]?.values ?? []) {
      db.run(`DROP TRIGGER temp.${quoteId(String(name))}`);
    }
  } else {
    db.run(`CREATE TEMP TABLE ${LOG} (tbl TEXT NOT NULL, rid INTEGER NOT NULL)`);
  }
  for (const table of capturedTables(db)) {
    const t = quoteId(table);
    const name = (op: string) => quoteId(`${LOG}_${table}_${op}`);
    const lit = `'${table.replace(/'/g, "''")}'`;
    db.run(`CREATE TEMP TRIGGER ${name('i')} AFTER INSERT ON main.${t} BEGIN INSERT INTO ${LOG} VALUES (${lit}, new.rowid); END`);
    db.run(
      `CREATE TEMP TRIGGER ${name('u')} AFTER UPDATE ON main.${t} BEGIN INSERT INTO ${LOG} VALUES (${lit}, old.rowid); INSERT INTO ${LOG} SELECT ${lit}, new.rowid WHERE new.rowid IS NOT old.rowid; END`,
    );
    db.run(`CREATE TEMP TRIGGER ${name('d')} AFTER DELETE ON main.${t} BEGIN INSERT INTO ${LOG} VALUES (${lit}, old.rowid); END`);
  }
  state.signature = signature;
}

export function clearLog(db: Database): void {
  db.run(`DELETE FROM ${LOG}`);
}

/** Rows the commit being tried has touched, by table (read inside its transaction). */
export function touchedRows(db: Database): Map<string, number[]> {
  const touched = new Map<string, Set<number>>();
  for (const [tbl, rid] of db.exec(`SELECT tbl, rid FROM ${LOG}`)[0]?.values ?? []) {
    const t = String(tbl);
    let set = touched.get(t);
    if (!set) touched.set(t, (set = new Set()));
    set.add(Number(rid));
  }
  return new Map([...touched].map(([t, s]) => [t, [...s].sort((a, b) => a - b)]));
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The rows with these keys as they are now. `withKey`: the key is not one of the columns
 * (a plain rowid, an index's docid), so it is selected first, under its own name.
 */
function rowsByKey(db: Database, table: string, key: string, ids: number[], withKey: boolean): { cols: string[]; values: SqlValue[][] } {
  const values: SqlValue[][] = [];
  let cols: string[] = [];
  const select = withKey ? `${key} AS ${key}, *` : '*';
  for (const part of chunks(ids)) {
    const r = db.exec(`SELECT ${select} FROM main.${quoteId(table)} WHERE ${key} IN (${part.map(() => '?').join(', ')})`, part)[0];
    if (!r) continue;
    cols = r.columns;
    values.push(...(r.values as SqlValue[][]));
  }
  return { cols, values };
}

/** What a change needs to be taken back, or why it cannot be. */
export type Inverse = { statements: Statement[]; blobIds: string[] } | { refusal: string };

/**
 * The inverse of a change, read after its trial was rolled back (the database holds the
 * rows as they were). `sql`: the change's statements, to see whether it wrote an index
 * this capture cannot follow.
 */
export function inverseOf(db: Database, touched: Map<string, number[]>, sql: readonly string[]): Inverse {
  let total = 0;
  for (const ids of touched.values()) total += ids.length;
  if (total > MAX_ROWS) return { refusal: `it changed ${total.toLocaleString('en')} rows, more than undo keeps` };
  const deletes: Statement[] = [];
  const inserts: Statement[] = [];
  const blobIds: string[] = [];
  const restore = (table: string, key: string, ids: number[], withKey: boolean) => {
    for (const part of chunks(ids)) {
      deletes.push({ sql: `DELETE FROM ${quoteId(table)} WHERE ${key} IN (${part.map(() => '?').join(', ')})`, params: part });
    }
    const { cols, values } = rowsByKey(db, table, key, ids, withKey);
    const sqlInsert = `INSERT INTO ${quoteId(table)} (${cols.map(quoteId).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    for (const row of values) {
      inserts.push({ sql: sqlInsert, params: row });
      if (table === 'blobs') blobIds.push(String(row[cols.indexOf('id')]));
    }
  };
  for (const [table, ids] of touched) {
    const shape = shapeOf(db, table);
    restore(table, shape.rowidAlias ? quoteId(shape.rowidAlias) : 'rowid', ids, shape.rowidAlias === null);
  }
  for (const { index, follows } of INDEXES) {
    const writesIndex = sql.some((s) => new RegExp(`\\b${index}\\b`, 'i').test(s));
    const docids = touched.get(follows) ?? [];
    if (writesIndex && docids.length === 0) return { refusal: 'it changed the search index on its own' };
    if (docids.length > 0) restore(index, 'docid', docids, true);
  }
  return { statements: [...deletes, ...inserts], blobIds };
}

/** One change as the undo history keeps it. */
export interface UndoEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  inverse: Inverse;
}

/** The session's changes, newest last; attachments' own commits ride with the change that uses them. */
export class UndoHistory {
  private entries: UndoEntry[] = [];
  private attachment: UndoEntry | null = null;

  /** Notes a commit just made. */
  record(entry: UndoEntry): void {
    if (entry.action === 'blob.put' && !('refusal' in entry.inverse)) {
      // Stored just before the change that refers to it: taken back together with it.
      this.attachment = entry;
      return;
    }
    const carried = this.attachment;
    this.attachment = null;
    if (carried && !('refusal' in entry.inverse) && !('refusal' in carried.inverse)) {
      entry = {
        ...entry,
        inverse: {
          statements: [...entry.inverse.statements, ...carried.inverse.statements],
          blobIds: [...entry.inverse.blobIds, ...carried.inverse.blobIds],
        },
      };
    } else if (carried) {
      this.push(carried);
    }
    if ('statements' in entry.inverse && entry.inverse.statements.length === 0) return;
    this.push(entry);
  }

  private push(entry: UndoEntry): void {
    // Nothing older than a change that cannot be undone can be reached again.
    if ('refusal' in entry.inverse) this.entries = [];
    this.entries.push(entry);
    const size = (e: UndoEntry) => ('statements' in e.inverse ? e.inverse.statements.length : 0);
    let kept = this.entries.reduce((n, e) => n + size(e), 0);
    while (this.entries.length > 1 && (this.entries.length > MAX_ENTRIES || kept > MAX_STATEMENTS)) kept -= size(this.entries.shift()!);
  }

  /** The change Ctrl+Z takes back now (an attachment waiting for its change counts as its own). */
  top(): UndoEntry | null {
    return this.attachment ?? this.entries.at(-1) ?? null;
  }

  pop(): void {
    if (this.attachment) this.attachment = null;
    else this.entries.pop();
  }

  /** Forgets everything, e.g. after a change made outside the history (setup commits). */
  clear(): void {
    this.entries = [];
    this.attachment = null;
  }

  /** Attachments an undo could bring back: compaction keeps their bytes. */
  keptBlobIds(): string[] {
    const all = this.attachment ? [this.attachment, ...this.entries] : this.entries;
    return all.flatMap((e) => ('blobIds' in e.inverse ? e.inverse.blobIds : []));
  }
}
