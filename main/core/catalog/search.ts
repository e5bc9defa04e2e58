// Full-text search over the controls of the workspace's current catalogues (SQLite FTS4:
// sql.js is built without FTS5), with filters. Given an assessment, the status filter
// and the returned statuses come from that assessment's results.
import { MATCH_END, MATCH_START } from '../../contract/vocabulary';
import type { SqlValue, Workspace } from '../workspace';

export interface SearchQuery {
  text: string;
  catalogueId?: string | undefined;
  category?: string | undefined;
  tag?: string | undefined;
  assessmentId?: string | undefined;
  status?: string | undefined;
  limit: number;
}

export interface SearchHit {
  catalogueId: string;
  controlId: string;
  title: string;
  category: string;
  /** the matching text with each matched word between MATCH_START and MATCH_END */
  snippet: string;
  status: string | null;
}

/**
 * Turns what a user types into an FTS4 MATCH expression: every term must match, as a
 * prefix, in any column; a punctuated term such as S.A.3 or sign-on is matched as a
 * phrase of its parts. Quotes and operators are dropped, so no input is a syntax error.
 */
export function matchExpression(text: string): string | null {
  const terms = text
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))
    .filter((words) => words.length > 0)
    .slice(0, 12);
  if (terms.length === 0) return null;
  return terms.map((words) => (words.length === 1 ? `${words[0]}*` : `"${words.join(' ')}*"`)).join(' ');
}

export function searchControls(ws: Workspace, q: SearchQuery): { hits: SearchHit[]; total: number } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const match = matchExpression(q.text);
  const fromFts = match !== null;
  if (fromFts) {
    where.push('controls_fts MATCH ?');
    params.push(match);
  }
  if (q.catalogueId) {
    where.push('c.catalogue_id = ?');
    params.push(q.catalogueId);
  }
  if (q.category) {
    where.push('c.category = ?');
    params.push(q.category);
  }
  if (q.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?)');
    params.push(q.tag);
  }
  const join = q.assessmentId
    ? `JOIN assessment_catalogues ac ON ac.catalogue_id = c.catalogue_id AND ac.assessment_id = ?
       LEFT JOIN results r ON r.assessment_id = ac.assessment_id AND r.catalogue_id = c.catalogue_id AND r.control_id = c.control_id`
    : '';
  const joinParams: SqlValue[] = q.assessmentId ? [q.assessmentId] : [];
  if (q.assessmentId && q.status) {
    where.push(q.status === 'not-assessed' ? 'r.status IS NULL' : 'r.status = ?');
    if (q.status !== 'not-assessed') params.push(q.status);
  }
  // CROSS JOIN keeps the full-text index as the outer loop: with a plain JOIN SQLite may
  // scan the filtered controls first and run the MATCH once per row (seconds, not ms).
  const from = fromFts
    ? `FROM controls_fts CROSS JOIN controls c ON c.docid = controls_fts.docid ${join}`
    : `FROM controls c CROSS JOIN controls_fts ON controls_fts.docid = c.docid ${join}`;
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Controls whose title holds the first word come first, then catalogue order. (Ranking by
  // offsets() costs a pass over every match: tens of ms on common words at 5,000 controls.)
  const firstWord = fromFts ? (q.text.toLowerCase().match(/[\p{L}\p{N}]+/u)?.[0] ?? '') : '';
  const order = fromFts
    ? 'ORDER BY instr(lower(controls_fts.title), ?) = 0, c.catalogue_id, c.position'
    : 'ORDER BY c.catalogue_id, c.position';
  const rows = ws.query<{ catalogue_id: string; control_id: string; title: string; category: string; snip: string; status: string | null }>(
    `SELECT c.catalogue_id, c.control_id, controls_fts.title AS title, c.category,
            ${fromFts ? `snippet(controls_fts, '${MATCH_START}', '${MATCH_END}', '…', -1, 12)` : `substr(controls_fts.statement, 1, 120)`} AS snip,
            ${q.assessmentId ? 'r.status' : 'NULL'} AS status
     ${from} ${whereSql} ${order} LIMIT ?`,
    [...joinParams, ...params, ...(fromFts ? [firstWord] : []), q.limit],
  );
  // Without text the index is not needed to count: count the controls alone.
  const countFrom = fromFts ? from : `FROM controls c ${join}`;
  const total = Number(ws.query<{ n: number }>(`SELECT count(*) AS n ${countFrom} ${whereSql}`, [...joinParams, ...params])[0]?.n ?? 0);
  return {
    total,
    hits: rows.map((r) => ({
      catalogueId: r.catalogue_id,
      controlId: r.control_id,
      title: r.title,
      category: r.category,
      snippet: r.snip,
      status: r.status,
    })),
  };
}
