// IPC handlers of assessments, evidence, findings and the dashboard.
import type { ResponseOf } from '../../contract/ipc';
import type { HandlerMap } from '../dispatcher';
import type { Workspace } from '../workspace';
import type { CoreDeps } from '../deps';
import {
  assessedControl,
  assessmentRow,
  assessmentRows,
  assessmentSummary,
  controlHistory,
  createAssessment,
  listAssessments,
  setAssessmentState,
  setResult,
  updateAssessment,
} from './assessments';
import { checkFinalise, readiness } from './readiness';
import { setResults, updateFindings } from './bulk';
import { compareAssessments, dashboard } from './dashboard';
import { addEvidence, evidenceFile, listEvidence, removeEvidence, restoreEvidence } from './evidence';
import {
  createFinding,
  findingFromControl,
  findingsForControl,
  findingsInScope,
  removeFinding,
  restoreFinding,
  updateFinding,
} from './findings';

type AssessmentChannels =
  | 'assessment.list'
  | 'assessment.create'
  | 'assessment.update'
  | 'assessment.get'
  | 'assessment.setState'
  | 'assessment.readiness'
  | 'assessment.setResult'
  | 'assessment.setResults'
  | 'assessment.control'
  | 'evidence.add'
  | 'evidence.remove'
  | 'evidence.restore'
  | 'evidence.file'
  | 'finding.list'
  | 'finding.create'
  | 'finding.update'
  | 'finding.updateMany'
  | 'finding.fromControl'
  | 'finding.remove'
  | 'finding.restore'
  | 'dashboard.get'
  | 'dashboard.compare';

export function assessmentHandlers({ library }: CoreDeps): Pick<HandlerMap, AssessmentChannels> {
  const ws = () => library.workspace();
  return {
    'assessment.list': async () => ({ assessments: listAssessments(await ws()) }),
    'assessment.create': async ({ catalogueIds, carryFrom, ...fields }, c) =>
      createAssessment(await ws(), fields, catalogueIds, c.actor, carryFrom),
    'assessment.update': async ({ id, ...fields }, c) => updateAssessment(await ws(), id, fields, c.actor),
    'assessment.get': async (r) => {
      const w = await ws();
      return { assessment: assessmentSummary(w, r.id), rows: assessmentRows(w, r.id) };
    },
    'assessment.setState': async (r, c) => {
      const w = await ws();
      return setAssessmentState(w, r.id, r.state, r.reason, c.actor, () => checkFinalise(w, r.id, r.acknowledgeIncomplete === true));
    },
    'assessment.readiness': async (r) => readiness(await ws(), r.id),
    'assessment.setResult': async (r, c) => {
      const w = await ws();
      await setResult(w, r.assessmentId, r.catalogueId, r.controlId, r.status, r.rationale, c.actor);
      return controlDetail(w, r);
    },
    'assessment.setResults': async (r, c) => setResults(await ws(), r.assessmentId, r.results, c.actor),
    'assessment.control': async (r) => controlDetail(await ws(), r),
    'evidence.add': async (r, c) => addEvidence(await ws(), r, c.actor),
    'evidence.remove': async (r, c) => {
      await removeEvidence(await ws(), r.id, c.actor);
      return { removed: r.id };
    },
    'evidence.restore': async (r, c) => restoreEvidence(await ws(), r.id, c.actor),
    'evidence.file': async (r) => evidenceFile(await ws(), r.id),
    'finding.list': async (r) => ({ findings: findingsInScope(await ws(), r) }),
    'finding.create': async ({ assessmentId, ...fields }, c) => createFinding(await ws(), assessmentId, fields, c.actor),
    'finding.update': async ({ id, ...fields }, c) => updateFinding(await ws(), id, fields, c.actor),
    'finding.updateMany': async (r, c) => updateFindings(await ws(), r.changes, c.actor),
    'finding.fromControl': async (r, c) => findingFromControl(await ws(), r.assessmentId, r.catalogueId, r.controlId, c.actor),
    'finding.remove': async (r, c) => {
      await removeFinding(await ws(), r.id, c.actor);
      return { removed: r.id };
    },
    'finding.restore': async (r, c) => restoreFinding(await ws(), r.id, c.actor),
    'dashboard.get': async (r) => dashboard(await ws(), r.assessmentId, r.today),
    'dashboard.compare': async (r) => compareAssessments(await ws(), r.from, r.to),
  };
}

/** One control as its panel shows it: the read's answer and a status change's. */
function controlDetail(
  w: Workspace,
  r: { assessmentId: string; catalogueId: string; controlId: string },
): ResponseOf<'assessment.control'> {
  const control = assessedControl(w, r.assessmentId, r.catalogueId, r.controlId);
  return {
    row: assessmentRow(w, r.assessmentId, r.catalogueId, r.controlId),
    statement: control.statement,
    guidance: control.guidance,
    parts: control.parts ?? [],
    severity: control.severity ?? null,
    references: control.references,
    mappings: control.mappings,
    checks: control.checks,
    evidence: listEvidence(w, r.assessmentId, r.catalogueId, r.controlId),
    findings: findingsForControl(w, r.assessmentId, r.catalogueId, r.controlId),
    history: controlHistory(w, r.assessmentId, r.catalogueId, r.controlId),
  };
}
