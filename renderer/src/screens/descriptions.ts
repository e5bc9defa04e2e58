import type { ScreenId } from '../store/navigation';

/** What each workspace screen holds, shown in its header and in its empty state. */
export const screenDescriptions: Record<Exclude<ScreenId, 'home' | 'settings'>, { subtitle: string; empty: string }> = {
  dashboard: {
    subtitle: 'Posture at a glance: scores per catalogue and category, findings by severity, progress.',
    empty: 'Once a workspace is open, its assessments and findings are summarised here.',
  },
  assessments: {
    subtitle: 'Assess every control of a catalogue for a scope, with status, rationale and evidence.',
    empty: 'Assessments live inside a workspace. Open or create one to start assessing controls.',
  },
  findings: {
    subtitle: 'Weaknesses found during assessments, with severity, owner, due date and remediation.',
    empty: 'Findings are recorded inside a workspace, usually from a control assessed as not met.',
  },
  catalogues: {
    subtitle: 'The control catalogues of this workspace: built-in, imported (OSCAL, CSV, Excel) and your own.',
    empty: 'Catalogues are kept in a workspace. Open or create one to browse, search and import catalogues.',
  },
  vendors: {
    subtitle: 'The vendor registry: tiers, certifications, questionnaire scores and review dates.',
    empty: 'A vendor-risk programme is kept in its own workspace. Open or create one to add vendors.',
  },
  questionnaires: {
    subtitle: 'Questionnaire templates to send to vendors and score when they come back.',
    empty: 'Templates are stored in a workspace. Open or create one to build or import questionnaires.',
  },
  checks: {
    subtitle: 'Optional live checks of web, TLS, DNS and SaaS settings, off until you enable them.',
    empty: 'Live checks are enabled per workspace and reach only hosts you approve.',
  },
  reports: {
    subtitle: 'Signed PDF reports for engagements and vendors, and a verifier for received reports.',
    empty: 'Reports are issued from a workspace. Open or create one to issue a signed report.',
  },
  audit: {
    subtitle: 'Every change to the workspace, in an append-only, hash-chained log.',
    empty: 'Each workspace keeps its own audit log. Open a workspace to read and verify it.',
  },
};
