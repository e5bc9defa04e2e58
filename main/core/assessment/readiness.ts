// What stands between an assessment and "final": controls nobody assessed and open
// findings nobody owns or dated. Finalising with any of these needs an explicit
// acknowledgement, which the audit log records beside the move.
import type { Readiness } from '../../contract/assessment';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { assessmentRows } from './assessments';

/** How many of each gap are named in full (the counts are always exact). */
const NAMED = 25;

export function readiness(ws: Workspace, assessmentId: string): Readiness {
  const rows = assessmentRows(ws, assessmentId);
  const unassessed = rows.filter((r) => r.status === 'not-assessed');
  const carried = rows.filter((r) => r.carriedForward).length;
  const findings = ws.query<{ ref: number; title: string; owner: string; due_date: string | null }>(
    `SELECT ref, title, owner, due_date FROM findings
     WHERE assessment_id = ? AND removed_at IS NULL AND status IN ('open', 'in-progress') ORDER BY ref`,
    [assessmentId],
  );
  const ref = (n: number) => `F-${String(n).padStart(3, '0')}`;
  const noOwner = findings.filter((f) => !f.owner.trim());
  const noDue = findings.filter((f) => !f.due_date);
  return {
    complete: unassessed.length === 0 && carried === 0 && noOwner.length === 0 && noDue.length === 0,
    carriedForward: carried,
    unassessed: unassessed.length,
    unassessedControls: unassessed
      .slice(0, NAMED)
      .map((r) => ({ catalogueId: r.catalogueId, controlId: r.controlId, label: r.label, title: r.title })),
    findingsWithoutOwner: noOwner.length,
    findingsWithoutDueDate: noDue.length,
    findings: [...new Map([...noOwner, ...noDue].map((f) => [f.ref, f])).values()]
      .sort((a, b) => a.ref - b.ref)
      .slice(0, NAMED)
      .map((f) => ({ ref: ref(f.ref), title: f.title, owner: f.owner, dueDate: f.due_date })),
  };
}

/** One line for the audit log and the refusal: what was incomplete. */
export function gapsText(r: Readiness): string {
  const parts: string[] = [];
  if (r.unassessed) parts.push(`${r.unassessed} control${r.unassessed === 1 ? '' : 's'} not assessed`);
  if (r.carriedForward) parts.push(`${r.carriedForward} carried-forward result${r.carriedForward === 1 ? '' : 's'} not reviewed`);
  if (r.findingsWithoutOwner)
    parts.push(`${r.findingsWithoutOwner} open finding${r.findingsWithoutOwner === 1 ? '' : 's'} without an owner`);
  if (r.findingsWithoutDueDate)
    parts.push(`${r.findingsWithoutDueDate} open finding${r.findingsWithoutDueDate === 1 ? '' : 's'} without a due date`);
  return parts.join(', ');
}

/** Refuses to finalise incomplete work unless the caller acknowledged it; returns the gaps it accepted. */
export function checkFinalise(ws: Workspace, assessmentId: string, acknowledged: boolean): string | null {
  const r = readiness(ws, assessmentId);
  if (r.complete) return null;
  if (!acknowledged) {
    throw new AttestError(
      'ASSESSMENT_INCOMPLETE',
      `This assessment is incomplete (${gapsText(r)}). Finalise it anyway only with an explicit acknowledgement.`,
    );
  }
  return gapsText(r);
}
