import { z } from 'zod';
import { day, id, text } from './primitives';
import { defineChannel } from './channel';
import { fileUpload } from './catalog';
import { ASSESSMENT_STATES, CONTROL_STATUSES, FINDING_SEVERITIES, FINDING_STATUSES, FINDING_SUBJECTS } from './vocabulary';

export * from './vocabulary';

const controlRef = z.object({ catalogueId: z.string().min(1).max(63), controlId: z.string().min(1).max(80) }).strict();

export const assessmentSummary = z.object({
  id: z.string(),
  name: z.string(),
  client: z.string(),
  scope: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  assessor: z.string(),
  state: z.enum(ASSESSMENT_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
  catalogues: z.array(z.object({ id: z.string(), title: z.string(), version: z.string(), hash: z.string() })),
  total: z.number(),
  assessed: z.number(),
  openFindings: z.number(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

/** One control of an assessment as the table shows it. */
export const assessmentRow = z.object({
  catalogueId: z.string(),
  controlId: z.string(),
  label: z.string(),
  title: z.string(),
  category: z.string(),
  categoryTitle: z.string(),
  weight: z.number(),
  status: z.enum(CONTROL_STATUSES),
  rationale: z.string(),
  evidenceCount: z.number(),
  findingCount: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Copied from an earlier assessment and not yet reviewed (set again) in this one. */
  carriedForward: z.boolean().default(false),
});
export type AssessmentRow = z.infer<typeof assessmentRow>;

export const evidenceView = z.object({
  id: z.string(),
  /** 'check' is written only by a live-check run (never through evidence.add). */
  kind: z.enum(['note', 'file', 'link', 'check']),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  checkRunId: z.string().nullable().default(null),
  blobId: z.string().nullable(),
  size: z.number().nullable(),
  mediaType: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const findingView = z.object({
  id: z.string(),
  ref: z.string(),
  /** Exactly one of assessmentId and vendorId is set: whose finding it is. */
  assessmentId: z.string().nullable(),
  vendorId: z.string().nullable().default(null),
  /** The vendor's name, for a vendor finding (refs restart at V-001 for every vendor). */
  vendorName: z.string().nullable().default(null),
  /** The questionnaire a vendor finding followed up. */
  questionnaireId: z.string().nullable().default(null),
  title: z.string(),
  description: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  computedSeverity: z.enum(FINDING_SEVERITIES),
  severity: z.enum(FINDING_SEVERITIES),
  severityOverrideReason: z.string().nullable(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  remediation: z.string(),
  status: z.enum(FINDING_STATUSES),
  acceptanceJustification: z.string().nullable(),
  acceptanceExpires: z.string().nullable(),
  controls: z.array(z.object({ catalogueId: z.string(), controlId: z.string(), title: z.string() })),
  overdue: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type FindingView = z.infer<typeof findingView>;

/** One control of an assessment as its panel shows it: a read, and a status change's answer. */
export const controlDetail = z.object({
  row: assessmentRow,
  statement: z.string(),
  guidance: z.string(),
  /** the source's other parts (overview, objectives, added requirements), in order */
  parts: z.array(z.object({ name: z.string(), title: z.string(), text: z.string() })).default([]),
  severity: z.string().nullable(),
  references: z.array(z.object({ title: z.string(), section: z.string().optional(), url: z.string().optional() })),
  mappings: z.array(z.object({ catalogue: z.string(), control: z.string() })),
  checks: z.array(z.string()),
  evidence: z.array(evidenceView),
  findings: z.array(findingView),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string() })),
});

const findingFields = z
  .object({
    title: z.string().trim().min(1, 'a title is required').max(300),
    description: text(20_000).default(''),
    likelihood: z.number().int().min(1).max(5),
    impact: z.number().int().min(1).max(5),
    severityOverride: z.enum(FINDING_SEVERITIES).nullable().default(null),
    severityOverrideReason: text(2000).nullable().default(null),
    owner: text(200).default(''),
    dueDate: day.nullable().default(null),
    remediation: text(20_000).default(''),
    status: z.enum(FINDING_STATUSES).default('open'),
    acceptanceJustification: text(5000).nullable().default(null),
    acceptanceExpires: day.nullable().default(null),
    controls: z.array(controlRef).max(500).default([]),
  })
  .strict();
export type FindingFields = z.output<typeof findingFields>;

/** What is still open before an assessment is final (counts are exact; the lists name the first few). */
export const readinessView = z.object({
  complete: z.boolean(),
  unassessed: z.number(),
  unassessedControls: z.array(z.object({ catalogueId: z.string(), controlId: z.string(), label: z.string(), title: z.string() })),
  findingsWithoutOwner: z.number(),
  findingsWithoutDueDate: z.number(),
  /** Results carried forward from an earlier assessment and not reviewed yet. */
  carriedForward: z.number().default(0),
  findings: z.array(z.object({ ref: z.string(), title: z.string(), owner: z.string(), dueDate: z.string().nullable() })),
});
export type Readiness = z.infer<typeof readinessView>;

const scoreBlock = z.object({
  score: z.number().nullable(),
  met: z.number(),
  partial: z.number(),
  notMet: z.number(),
  notApplicable: z.number(),
  notAssessed: z.number(),
});
export type ScoreBlock = z.infer<typeof scoreBlock>;

export const dashboardView = z.object({
  assessment: assessmentSummary,
  overall: scoreBlock,
  catalogues: z.array(scoreBlock.extend({ id: z.string(), title: z.string() })),
  categories: z.array(scoreBlock.extend({ catalogueId: z.string(), id: z.string(), title: z.string() })),
  findingsBySeverity: z.record(z.enum(FINDING_SEVERITIES), z.number()),
  findingsByStatus: z.record(z.enum(FINDING_STATUSES), z.number()),
  overdue: z.array(findingView),
  today: z.string(),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const comparisonView = z.object({
  from: assessmentSummary,
  to: assessmentSummary,
  overall: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  catalogues: z.array(z.object({ id: z.string(), title: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
  changes: z.array(
    z.object({
      catalogueId: z.string(),
      controlId: z.string(),
      title: z.string(),
      from: z.enum(CONTROL_STATUSES),
      to: z.enum(CONTROL_STATUSES),
    }),
  ),
  findings: z.object({ opened: z.array(z.string()), closed: z.array(z.string()) }),
});
export type ComparisonView = z.infer<typeof comparisonView>;

const assessmentFields = {
  name: z.string().trim().min(1, 'a name is required').max(200),
  client: z.string().trim().min(1, 'a client is required').max(200),
  scope: z.string().trim().max(5000).default(''),
  periodStart: day.nullable().default(null),
  periodEnd: day.nullable().default(null),
  assessor: z.string().trim().min(1, 'an assessor is required').max(200),
};

export const assessmentChannels = {
  'assessment.list': defineChannel({
    effect: 'read',
    summary: 'Every assessment in the workspace, newest first, with progress.',
    request: z.object({}).strict(),
    response: z.object({ assessments: z.array(assessmentSummary) }),
  }),
  'assessment.create': defineChannel({
    effect: 'write',
    summary: 'Start an assessment of a scope against catalogues (snapshotted with version and hash).',
    request: z
      .object({
        ...assessmentFields,
        catalogueIds: z.array(z.string().min(1).max(63)).min(1, 'pick at least one catalogue'),
        /** Start from this earlier assessment: its results come in marked "carried forward, needs review". */
        carryFrom: id.optional(),
      })
      .strict(),
    response: assessmentSummary,
  }),
  'assessment.update': defineChannel({
    effect: 'write',
    summary: 'Change the name, client, scope, period or assessor of a draft or in-review assessment.',
    request: z.object({ id, ...assessmentFields }).strict(),
    response: assessmentSummary,
  }),
  'assessment.get': defineChannel({
    effect: 'read',
    summary: 'An assessment with one row per control of its catalogue snapshots.',
    request: z.object({ id }).strict(),
    response: z.object({ assessment: assessmentSummary, rows: z.array(assessmentRow) }),
  }),
  'assessment.setState': defineChannel({
    effect: 'write',
    summary: 'Move an assessment through draft → in review → final; reopening a final one needs a reason.',
    request: z
      .object({
        id,
        state: z.enum(ASSESSMENT_STATES),
        reason: text(2000).optional(),
        /** Finalising with unassessed controls or unowned/undated open findings needs this, set by the user. */
        acknowledgeIncomplete: z.boolean().optional(),
      })
      .strict(),
    response: assessmentSummary,
  }),
  'assessment.readiness': defineChannel({
    effect: 'read',
    summary: 'What is incomplete before finalising: controls not assessed, open findings without owner or due date.',
    request: z.object({ id }).strict(),
    response: readinessView,
  }),
  'assessment.setResult': defineChannel({
    effect: 'write',
    summary: 'Set the status and rationale of one control (not applicable needs a justification).',
    request: z
      .object({ assessmentId: id, ...controlRef.shape, status: z.enum(CONTROL_STATUSES), rationale: text(20_000).default('') })
      .strict(),
    // What the control's panel shows, so one round trip serves a status change.
    response: controlDetail,
  }),
  'assessment.setResults': defineChannel({
    effect: 'write',
    summary: 'Set the status of many controls in one step (the rationale kept unless given); answers with what they were, for undo.',
    request: z
      .object({
        assessmentId: id,
        results: z
          .array(z.object({ ...controlRef.shape, status: z.enum(CONTROL_STATUSES), rationale: text(20_000).optional() }).strict())
          .min(1, 'select at least one control')
          .max(10_000),
      })
      .strict(),
    response: z.object({
      rows: z.array(assessmentRow),
      previous: z.array(
        z.object({ catalogueId: z.string(), controlId: z.string(), status: z.enum(CONTROL_STATUSES), rationale: z.string() }),
      ),
    }),
  }),
  'assessment.control': defineChannel({
    effect: 'read',
    summary: 'One control of an assessment in full: text, result, evidence, findings and history.',
    request: z.object({ assessmentId: id, ...controlRef.shape }).strict(),
    response: controlDetail,
  }),
  'evidence.add': defineChannel({
    effect: 'write',
    summary: 'Attach a note, a link or a file (up to the stated size limit) to a control.',
    request: z
      .object({
        assessmentId: id,
        ...controlRef.shape,
        kind: z.enum(['note', 'file', 'link']),
        title: z.string().trim().max(300).default(''),
        body: text(50_000).default(''),
        url: z.url({ protocol: /^https?$/, error: 'a link must be an http or https URL' }).optional(),
        file: fileUpload.optional(),
      })
      .strict(),
    response: evidenceView,
  }),
  'evidence.remove': defineChannel({
    effect: 'write',
    summary: 'Remove evidence from a control (undo with evidence.restore).',
    request: z.object({ id }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'evidence.restore': defineChannel({
    effect: 'write',
    summary: 'Bring back evidence that was removed.',
    request: z.object({ id }).strict(),
    response: evidenceView,
  }),
  'evidence.file': defineChannel({
    effect: 'read',
    summary: 'The bytes of an evidence file, base64.',
    request: z.object({ id }).strict(),
    response: z.object({ name: z.string(), mediaType: z.string().nullable(), dataBase64: z.string() }),
  }),
  'finding.list': defineChannel({
    effect: 'read',
    summary:
      'Findings, most severe first: of one assessment or one vendor, else of every assessment, every vendor or both (vendors removed from the registry left out).',
    request: z
      .object({
        assessmentId: id.optional(),
        vendorId: id.optional(),
        subjects: z.enum(FINDING_SUBJECTS).default('assessments'),
      })
      .strict()
      .refine((r) => !(r.assessmentId && r.vendorId), 'name an assessment or a vendor, not both'),
    response: z.object({ findings: z.array(findingView) }),
  }),
  'finding.create': defineChannel({
    effect: 'write',
    summary: 'Record a finding; its severity follows likelihood × impact unless overridden with a reason.',
    request: findingFields.extend({ assessmentId: id }),
    response: findingView,
  }),
  'finding.update': defineChannel({
    effect: 'write',
    summary:
      "Change a finding of an assessment or a vendor (risk accepted needs a justification and an expiry; a vendor finding's controls must be in the workspace's catalogues).",
    request: findingFields.extend({ id }),
    response: findingView,
  }),
  'finding.updateMany': defineChannel({
    effect: 'write',
    summary:
      'Set the status, owner or due date of many findings (of assessments or vendors) in one step; answers with what they were, for undo.',
    request: z
      .object({
        changes: z
          .array(
            z
              .object({ id, status: z.enum(FINDING_STATUSES).optional(), owner: text(200).optional(), dueDate: day.nullable().optional() })
              .strict(),
          )
          .min(1, 'select at least one finding')
          .max(5000),
      })
      .strict(),
    response: z.object({
      ids: z.array(z.string()),
      previous: z.array(z.object({ id: z.string(), status: z.enum(FINDING_STATUSES), owner: z.string(), dueDate: z.string().nullable() })),
    }),
  }),
  'finding.fromControl': defineChannel({
    effect: 'write',
    summary: 'Turn a not-met or partially met control into a finding, prefilled from the control.',
    request: z.object({ assessmentId: id, ...controlRef.shape }).strict(),
    response: findingView,
  }),
  'finding.remove': defineChannel({
    effect: 'write',
    summary: 'Remove a finding (undo with finding.restore).',
    request: z.object({ id }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'finding.restore': defineChannel({
    effect: 'write',
    summary: 'Bring back a removed finding.',
    request: z.object({ id }).strict(),
    response: findingView,
  }),
  'dashboard.get': defineChannel({
    effect: 'read',
    summary: 'Scores per catalogue and category, status distribution, findings by severity, overdue findings.',
    request: z.object({ assessmentId: id, today: day.optional() }).strict(),
    response: dashboardView,
  }),
  'dashboard.compare': defineChannel({
    effect: 'read',
    summary: 'What changed between two assessments of the same scope.',
    request: z.object({ from: id, to: id }).strict(),
    response: comparisonView,
  }),
};
