// Which controls a check evidences: the check's own "catalogue:control" list plus every
// control whose catalogue lists the check under `checks:`. For an assessment, only the
// controls of its snapshotted catalogues count, so evidence lands where it is assessed.
import { assessmentCatalogues } from '../assessment/assessments';
import type { Catalogue } from '../catalog/schema';
import type { Workspace } from '../workspace';
import type { CheckDefinition } from './types';

export interface ControlRef {
  catalogueId: string;
  controlId: string;
}

export function controlsIn(catalogues: readonly Catalogue[], check: CheckDefinition): ControlRef[] {
  const own = new Set(check.controls);
  const out: ControlRef[] = [];
  for (const cat of catalogues) {
    for (const c of cat.controls) {
      if (c.checks.includes(check.id) || own.has(`${cat.id}:${c.id}`)) out.push({ catalogueId: cat.id, controlId: c.id });
    }
  }
  return out;
}

/** "catalogue:control" ids across the given catalogues and the check's own list. */
export function controlIds(catalogues: readonly Catalogue[], check: CheckDefinition): string[] {
  const ids = new Set(check.controls);
  for (const r of controlsIn(catalogues, check)) ids.add(`${r.catalogueId}:${r.controlId}`);
  return [...ids].sort();
}

export function assessmentControlsFor(ws: Workspace, assessmentId: string, check: CheckDefinition): ControlRef[] {
  return controlsIn(
    assessmentCatalogues(ws, assessmentId).map((c) => c.catalogue),
    check,
  );
}
