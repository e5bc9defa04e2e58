// Stored runs (table check_runs) and the evidence they leave on controls. A finished run
// is one commit: the run row with its redacted observations, and one evidence row of
// kind 'check' on each control the check evidences in the assessment's catalogues. The
// assessor then accepts (the controls' status is set, citing the run) or rejects.
import type { CheckRunView } from '../../contract/checks';
import type { ControlStatus } from '../../contract/vocabulary';
import { assertEditable, setResult } from '../assessment/assessments';
import { newId } from '../ids';
import { AttestError } from '../errors';
import { isSecretHeader, REDACTED } from '../net/redact';
import { stripUserinfoDeep, withoutUserinfo } from '../net/userinfo';
import type { Statement, Workspace } from '../workspace';
import type { ControlRef } from './controls';
import type { CheckResult, SuggestedControlStatus } from './types';

interface RunDbRow {
  id: string;
  assessment_id: string;
  target_id: string | null;
  check_id: string;
  target: string;
  inputs: string;
  status: CheckRunView['status'];
  summary: string;
  remediation: string;
  observations: string;
  suggested_status: SuggestedControlStatus | null;
  controls: string;
  started_at: string;
  finished_at: string;
  run_by: string;
  decision: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

/** What the run row keeps of the input: never a value, only which credential and whether a CA was given. */
export interface StoredInputs {
  params: Record<string, string>;
  credentialId: string | null;
  customCa: boolean;
}

const toControlStatus: Record<SuggestedControlStatus, ControlStatus> = { met: 'met', 'partially-met': 'partial', 'not-met': 'not-met' };

/**
 * A second, structural layer over the client's scrubbing: any field named like a
 * secret-bearing header (Authorization, Cookie, X-Api-Key, …) is replaced wherever it is.
 */
export function redactObservations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactObservations);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.toLowerCase() === 'set-cookie')
      out[k] = v; // already reduced to names and attributes by the checks
    else out[k] = isSecretHeader(k) ? (Array.isArray(v) ? v.map(() => REDACTED) : REDACTED) : redactObservations(v);
  }
  return out;
}

function parseJson<T>(raw: string | null, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

function decisionOf(raw: string | null): { decision: 'accepted' | 'rejected' | null; note: string | null } {
  if (!raw) return { decision: null, note: null };
  const v = parseJson<{ decision?: string; note?: string }>(raw, {});
  const decision = v.decision === 'accepted' || v.decision === 'rejected' ? v.decision : null;
  return { decision, note: v.note?.trim() ? v.note : null };
}

function toView(r: RunDbRow, titleOf: (checkId: string) => string): CheckRunView {
  const { decision, note } = decisionOf(r.decision);
  const obs = parseJson<{ errorCode?: string | null }>(r.observations, {});
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    targetId: r.target_id,
    checkId: r.check_id,
    title: titleOf(r.check_id),
    target: r.target,
    status: r.status,
    summary: r.summary,
    remediation: r.remediation,
    suggestedStatus: r.suggested_status,
    controls: parseJson<ControlRef[]>(r.controls, []),
    errorCode: obs.errorCode ?? null,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    runBy: r.run_by,
    decision,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decisionNote: note,
  };
}

export interface RunToStore {
  assessmentId: string;
  targetId: string | null;
  inputs: StoredInputs;
  result: CheckResult;
  controls: ControlRef[];
}

/** Statements that store one finished run and its evidence (for one commit). */
export function runStatements(run: RunToStore, actor: string): { id: string; statements: Statement[] } {
  const id = newId('run');
  // No URL is stored with its user:password@, whichever check or error quoted it.
  const r = stripUserinfoDeep({ ...run.result, target: withoutUserinfo(run.result.target) });
  const observations = JSON.stringify({ errorCode: r.errorCode, durationMs: r.durationMs, data: redactObservations(r.observations) });
  const statements: Statement[] = [
    {
      sql: `INSERT INTO check_runs (id, assessment_id, target_id, check_id, target, inputs, status, summary, remediation,
              observations, suggested_status, controls, started_at, finished_at, run_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        id,
        run.assessmentId,
        run.targetId,
        r.checkId,
        r.target,
        JSON.stringify(run.inputs),
        r.status,
        r.summary,
        r.remediation,
        observations,
        r.suggestedControlStatus,
        JSON.stringify(run.controls),
        r.startedAt,
        r.finishedAt,
        actor,
      ],
    },
  ];
  // A run that failed for a setup reason (bad input, cancelled, crashed) is history, not evidence.
  if (r.status !== 'error') {
    for (const c of run.controls) {
      statements.push({
        sql: `INSERT INTO evidence (id, assessment_id, catalogue_id, control_id, kind, title, body, url, blob_id, added_at, added_by, check_run_id)
              VALUES (?, ?, ?, ?, 'check', ?, ?, NULL, NULL, ?, ?, ?)`,
        params: [
          newId('evd'),
          run.assessmentId,
          c.catalogueId,
          c.controlId,
          `${r.title} — ${r.target}`,
          `${statusWord(r.status)}: ${r.summary}`,
          r.finishedAt,
          actor,
          id,
        ],
      });
    }
  }
  return { id, statements };
}

export function statusWord(status: CheckRunView['status']): string {
  return { pass: 'Pass', fail: 'Fail', warn: 'Warning', 'could-not-verify': 'Could not verify', error: 'Error' }[status];
}

export async function storeRun(ws: Workspace, run: RunToStore, actor: string): Promise<string> {
  const { id, statements } = runStatements(run, actor);
  await ws.commit({ actor, action: 'check.run', entity: `check-run:${id}`, statements });
  return id;
}

function runRow(ws: Workspace, id: string): RunDbRow {
  const r = ws.query<RunDbRow>('SELECT * FROM check_runs WHERE id = ?', [id])[0];
  if (!r) throw new AttestError('RUN_NOT_FOUND', 'That check result no longer exists; reload the results.');
  return r;
}

export function listRuns(ws: Workspace, assessmentId: string, titleOf: (id: string) => string): CheckRunView[] {
  return ws
    .query<RunDbRow>('SELECT * FROM check_runs WHERE assessment_id = ? ORDER BY finished_at DESC, started_at DESC, rowid DESC', [
      assessmentId,
    ])
    .map((r) => toView(r, titleOf));
}

export function getRun(ws: Workspace, id: string, titleOf: (id: string) => string) {
  const r = runRow(ws, id);
  const stored = parseJson<Partial<StoredInputs>>(r.inputs, {});
  const inputs: Record<string, string> = { ...(stored.params ?? {}) };
  if (stored.customCa) inputs.caPem = '(custom CA)';
  return {
    ...toView(r, titleOf),
    observations: JSON.stringify(parseJson<{ data?: unknown }>(r.observations, {}).data ?? {}, null, 2),
    inputs,
  };
}

export async function decideRun(
  ws: Workspace,
  id: string,
  decision: 'accept' | 'reject',
  note: string,
  actor: string,
  titleOf: (id: string) => string,
): Promise<CheckRunView> {
  const r = runRow(ws, id);
  assertEditable(ws, r.assessment_id);
  const view = toView(r, titleOf);
  if (view.decision) {
    throw new AttestError('ALREADY_DECIDED', `This suggestion was already ${view.decision}; run the check again for a new one.`);
  }
  if (decision === 'accept') {
    if (!r.suggested_status) {
      throw new AttestError(
        'NO_SUGGESTION',
        'This result suggests no control status (it could not be verified), so there is nothing to accept.',
      );
    }
    if (view.controls.length === 0) {
      throw new AttestError('NO_CONTROLS', "This check evidences no control of the assessment's catalogues, so there is no status to set.");
    }
    const status = toControlStatus[r.suggested_status];
    const rationale = [
      `Live check "${view.title}" on ${r.target} (run ${r.id}, ${r.finished_at}): ${statusWord(r.status).toLowerCase()}. ${r.summary}`,
      note.trim(),
    ]
      .filter(Boolean)
      .join('\n');
    // Each control goes through the assessment core, so its history shows the change.
    for (const c of view.controls) await setResult(ws, r.assessment_id, c.catalogueId, c.controlId, status, rationale, actor);
  }
  const value = JSON.stringify({ decision: decision === 'accept' ? 'accepted' : 'rejected', note: note.trim() });
  await ws.commit({
    actor,
    action: `check.decide.${decision}`,
    entity: `check-run:${id}`,
    statements: [
      {
        sql: 'UPDATE check_runs SET decision = ?, decided_at = ?, decided_by = ? WHERE id = ?',
        params: [value, ws.now().toISOString(), actor, id],
      },
    ],
  });
  return toView(runRow(ws, id), titleOf);
}
