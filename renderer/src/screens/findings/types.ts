// Contract types the Findings screen uses, gathered in one import.
export type { AssessmentRow, AssessmentSummary, FindingView } from '../../../../main/contract/assessment';
export type { RequestOf, ResponseOf } from '../../../../main/contract/ipc';
