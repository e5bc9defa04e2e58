// The posture at a glance. A score is the weighted share of applicable, assessed controls
// that are met: met counts 1, partially met ½, not met 0; not applicable and not yet
// assessed controls are left out (progress shows how many are still to do).
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  type AssessmentRow,
  type ComparisonView,
  type DashboardView,
  type ScoreBlock,
} from '../../contract/assessment';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { assessmentRows, assessmentSummary } from './assessments';
import { listFindings } from './findings';
import { todayOf } from '../time/clock';

import { groupBy } from '../collections';

const VALUE: Partial<Record<AssessmentRow['status'], number>> = { met: 1, partial: 0.5, 'not-met': 0 };

export function scoreOf(rows: readonly Pick<AssessmentRow, 'status' | 'weight'>[]): ScoreBlock {
  let earned = 0;
  let possible = 0;
  const block: ScoreBlock = { score: null, met: 0, partial: 0, notMet: 0, notApplicable: 0, notAssessed: 0 };
  for (const r of rows) {
    if (r.status === 'met') block.met++;
    else if (r.status === 'partial') block.partial++;
    else if (r.status === 'not-met') block.notMet++;
    else if (r.status === 'not-applicable') block.notApplicable++;
    else block.notAssessed++;
    const v = VALUE[r.status];
    if (v !== undefined) {
      earned += v * r.weight;
      possible += r.weight;
    }
  }
  block.score = possible > 0 ? Math.round((1000 * earned) / possible) / 10 : null;
  return block;
}

export function dashboard(ws: Workspace, assessmentId: string, day = todayOf(ws)): DashboardView {
  const assessment = assessmentSummary(ws, assessmentId);
  const rows = assessmentRows(ws, assessmentId);
  const findings = listFindings(ws, assessmentId, day);
  const open = findings.filter((f) => f.status !== 'remediated' && f.status !== 'verified');
  const bySeverity = Object.fromEntries(
    FINDING_SEVERITIES.map((s) => [s, open.filter((f) => f.severity === s).length]),
  ) as DashboardView['findingsBySeverity'];
  const byStatus = Object.fromEntries(
    FINDING_STATUSES.map((s) => [s, findings.filter((f) => f.status === s).length]),
  ) as DashboardView['findingsByStatus'];
  const byCatalogue = groupBy(rows, (r) => r.catalogueId);
  return {
    assessment,
    overall: scoreOf(rows),
    catalogues: assessment.catalogues.map((c) => ({ id: c.id, title: c.title, ...scoreOf(byCatalogue.get(c.id) ?? []) })),
    categories: [...groupBy(rows, (r) => `${r.catalogueId}\u0000${r.category}`).values()].map((list) => ({
      catalogueId: list[0]!.catalogueId,
      id: list[0]!.category,
      title: list[0]!.categoryTitle,
      ...scoreOf(list),
    })),
    findingsBySeverity: bySeverity,
    findingsByStatus: byStatus,
    overdue: findings.filter((f) => f.overdue),
    today: day,
  };
}

/** What changed from one assessment to a later one of the same client and scope. */
export function compareAssessments(ws: Workspace, fromId: string, toId: string): ComparisonView {
  const from = assessmentSummary(ws, fromId);
  const to = assessmentSummary(ws, toId);
  if (fromId === toId) throw new AttestError('COMPARE_SAME', 'Pick two different assessments to compare.');
  if (from.client !== to.client) {
    throw new AttestError(
      'COMPARE_DIFFERENT_SCOPE',
      `These assessments are of different clients (${from.client}, ${to.client}); compare assessments of the same scope.`,
    );
  }
  const before = new Map(assessmentRows(ws, fromId).map((r) => [`${r.catalogueId}\u0000${r.controlId}`, r]));
  const afterRows = assessmentRows(ws, toId);
  const changes = afterRows
    .map((r) => ({ r, prev: before.get(`${r.catalogueId}\u0000${r.controlId}`) }))
    .filter(({ r, prev }) => prev && prev.status !== r.status)
    .map(({ r, prev }) => ({ catalogueId: r.catalogueId, controlId: r.controlId, title: r.title, from: prev!.status, to: r.status }));
  // Findings are matched across assessments by title, ignoring case and spacing.
  const openByTitle = (id: string) =>
    new Map(
      listFindings(ws, id)
        .filter((f) => f.status !== 'remediated' && f.status !== 'verified')
        .map((f) => [f.title.trim().toLowerCase().replace(/\s+/g, ' '), f.title]),
    );
  const fromOpen = openByTitle(fromId);
  const toOpen = openByTitle(toId);
  const fromByCat = groupBy([...before.values()], (r) => r.catalogueId);
  const toByCat = groupBy(afterRows, (r) => r.catalogueId);
  const catalogueIds = [...new Set([...from.catalogues, ...to.catalogues].map((c) => c.id))];
  return {
    from,
    to,
    overall: { from: scoreOf([...before.values()]).score, to: scoreOf(afterRows).score },
    catalogues: catalogueIds.map((id) => ({
      id,
      title: [...to.catalogues, ...from.catalogues].find((c) => c.id === id)!.title,
      from: fromByCat.has(id) ? scoreOf(fromByCat.get(id)!).score : null,
      to: toByCat.has(id) ? scoreOf(toByCat.get(id)!).score : null,
    })),
    changes,
    findings: {
      opened: [...toOpen].filter(([k]) => !fromOpen.has(k)).map(([, title]) => title),
      closed: [...fromOpen].filter(([k]) => !toOpen.has(k)).map(([, title]) => title),
    },
  };
}
