// Report models: plain, serialisable data that fully determines a report's pages.
// The workspace layer builds them; the renderer never reads anything else (except
// branding and the fixed issue time), so the same model gives the same PDF bytes.

import type { ControlStatus, FindingSeverity, FindingStatus, ReviewConclusion } from '../../contract/vocabulary';

// One status and severity vocabulary for the app and its reports: the contract's.
export type { ControlStatus, FindingStatus } from '../../contract/vocabulary';
export type Severity = FindingSeverity;
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Marking printed on the cover and in every page header, e.g. "CONFIDENTIAL". */
export type Classification = 'PUBLIC' | 'INTERNAL' | 'CONFIDENTIAL' | 'RESTRICTED';

export interface Person {
  name: string;
  organisation: string;
  role?: string;
  email?: string;
}

export interface SignOff {
  /** Who signs: shown in the visible signature block and as the PDF signature name. */
  signer: Person;
  reason: string;
  location: string;
  /** Statement printed above the signature block. */
  statement: string;
}

export interface Finding {
  id: string;
  title: string;
  severity: Severity;
  /** Control ids the finding relates to. */
  controls: string[];
  description: string;
  impact: string;
  recommendation: string;
  status: FindingStatus;
  evidenceIds: string[];
}

export interface ControlResult {
  controlId: string;
  title: string;
  category: string;
  status: ControlStatus;
  /** The control's weight in the score (the catalogue's, 1 when it has none). */
  weight: number;
  note?: string;
  /** For an assessed control: the source's parts beyond statement and guidance (objectives, added requirements). */
  parts?: { title: string; text: string }[];
}

export interface CatalogueResults {
  catalogueId: string;
  title: string;
  version: string;
  /** Snapshot hash of the catalogue used, so readers can reproduce the assessment. */
  hash: string;
  /** Weighted score 0..100 as the dashboard computes it; null when nothing scorable was assessed. */
  score: number | null;
  categories: { name: string; score: number | null; controls: number }[];
  controls: ControlResult[];
}

export interface EvidenceItem {
  id: string;
  title: string;
  kind: 'note' | 'file' | 'link' | 'live-check';
  /** The control it evidences, e.g. "platform-baseline S.A.1". */
  control: string;
  collectedAt: string;
  /** SHA-256 of an attached file; null for notes and links. */
  sha256: string | null;
  description: string;
}

export interface LiveCheckResult {
  checkId: string;
  title: string;
  host: string;
  ranAt: string;
  outcome: 'pass' | 'fail' | 'warn' | 'could-not-verify' | 'error';
  observation: string;
}

export interface EngagementReportModel {
  kind: 'engagement';
  reportId: string;
  title: string;
  classification: Classification;
  /**
   * The assessment's state when the report was issued, when not final ('draft' or
   * 'review'): the cover says DRAFT and every page carries a DRAFT watermark.
   */
  draftState?: 'draft' | 'review';
  client: { name: string; contact?: Person };
  scope: string;
  period: { from: string; to: string };
  assessor: Person;
  executiveSummary: {
    overview: string;
    /** 0..100, the dashboard's overall score; null when nothing scorable was assessed. */
    overallScore: number | null;
    topRisks: { title: string; severity: Severity; summary: string }[];
  };
  methodology: { text: string; steps: { title: string; text: string }[] };
  findings: Finding[];
  catalogues: CatalogueResults[];
  appendix: { evidence: EvidenceItem[]; liveChecks: LiveCheckResult[] };
  signOff: SignOff;
}

export type VendorTier = 'tier-1' | 'tier-2' | 'tier-3';

export interface VendorReportModel {
  kind: 'vendor';
  reportId: string;
  title: string;
  classification: Classification;
  vendor: {
    name: string;
    /** Profile facts as label and value, in the order printed (services, owner, data, contract…). */
    profile: [string, string][];
  };
  tier: VendorTier;
  tierRationale: string;
  reviewer: Person;
  reviewDate: string;
  questionnaire: {
    template: string;
    version: string;
    cycle: string;
    /** 0..100 */
    score: number;
    sections: { title: string; score: number | null; scored: number }[];
    gaps: { questionId: string; section: string; question: string; answer: string; expected: string }[];
  };
  certifications: { name: string; period: string; expires: string; state: string }[];
  conclusion: { decision: ReviewConclusion | 'pending'; text: string; conditions: string[] };
  /** Earlier reviews, oldest first; drives the year-over-year comparison. */
  history: { cycle: string; score: number | null; decision: string }[];
  signOff: SignOff;
}

export type ReportModel = EngagementReportModel | VendorReportModel;

export interface Branding {
  /** PNG or JPEG bytes of the logo shown on the cover. */
  logo?: Uint8Array;
  /** '#rrggbb' */
  primaryColor?: string;
  footerText?: string;
  organisation?: string;
}

export interface RenderOptions {
  /** The issue time printed in the report and used as the PDF's dates (fixed for reproducibility). */
  issuedAt: Date;
  branding?: Branding;
}
