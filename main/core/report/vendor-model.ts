// The vendor report model from the vendor registry and its questionnaires: profile, tier
// with the rubric's reasons, the latest scored questionnaire (score, sections, gaps),
// certifications, the conclusion with open follow-ups, and earlier reviews for the
// year-over-year change. Reads only; the issue time comes in.
import { createHash } from 'node:crypto';
import type { QuestionnaireSummary } from '../../contract/questionnaire';
import { CERT_LABELS, CONCLUSION_LABELS, CRITICALITY_LABELS, DATA_TYPE_LABELS } from '../../contract/vocabulary';
import { AttestError } from '../errors';
import { listVendorFindings } from '../questionnaire/followups';
import { listQuestionnaires, storedScore } from '../questionnaire/questionnaires';
import { vendorView } from '../vendor/vendors';
import type { Workspace } from '../workspace';
import type { Classification, Person, VendorReportModel } from './model';

export interface VendorInput {
  vendorId: string;
  classification: Classification;
  issuedAt: Date;
  signer?: Person | undefined;
  reason?: string | undefined;
  location?: string | undefined;
}

/** The review the report is about: the latest concluded questionnaire, else the latest scored one. */
function reviewOf(list: QuestionnaireSummary[]): QuestionnaireSummary | undefined {
  const scored = list.filter((q) => q.score !== null);
  const by = (q: QuestionnaireSummary) => q.concludedAt ?? q.importedAt ?? q.createdAt;
  const concluded = scored.filter((q) => q.concludedAt).sort((a, b) => by(a).localeCompare(by(b)));
  return concluded.at(-1) ?? scored.sort((a, b) => by(a).localeCompare(by(b))).at(-1);
}

export function vendorModel(ws: Workspace, input: VendorInput): Promise<VendorReportModel> {
  const day = input.issuedAt.toISOString().slice(0, 10);
  const v = vendorView(ws, input.vendorId, day);
  const questionnaires = listQuestionnaires(ws, v.id);
  const review = reviewOf(questionnaires);
  if (!review)
    throw new AttestError(
      'REPORT_VENDOR_NO_REVIEW',
      `${v.name} has no scored questionnaire yet. Score a questionnaire in Questionnaires, then issue the vendor report.`,
    );
  const score = storedScore(ws, review.id);
  if (!score)
    throw new AttestError('REPORT_VENDOR_NO_REVIEW', `The questionnaire ${review.cycle} of ${v.name} has no stored score; score it again.`);
  const reviewAt = review.concludedAt ?? score.scoredAt;
  const earlier = questionnaires
    .filter((q) => q.id !== review.id && q.score !== null && (q.concludedAt ?? q.createdAt) < reviewAt)
    .sort((a, b) => (a.concludedAt ?? a.createdAt).localeCompare(b.concludedAt ?? b.createdAt));
  const open = listVendorFindings(ws, v.id).filter((f) => f.status === 'open' || f.status === 'in-progress');

  const tierReasons = [
    v.rubric.reasons.length
      ? `The tiering rubric gives tier ${v.rubric.tier}: ${v.rubric.reasons.join('; ')}.`
      : `The tiering rubric gives tier ${v.rubric.tier}.`,
  ];
  if (v.tierOverride !== null) tierReasons.push(`Set to tier ${v.tierOverride} by hand: ${v.tierOverrideReason ?? 'no reason recorded'}.`);
  const reviewer: Person = input.signer ?? { name: review.concludedBy ?? review.createdBy, organisation: v.owner || '—', role: 'Reviewer' };
  const hash = createHash('sha256')
    .update(`vendor\u0000${v.id}\u0000${input.issuedAt.toISOString()}`)
    .digest('hex')
    .slice(0, 6)
    .toUpperCase();

  return Promise.resolve({
    kind: 'vendor',
    reportId: `RPT-${day.replace(/-/g, '')}-${hash}`,
    title: `Vendor review: ${v.name}`,
    classification: input.classification,
    vendor: {
      name: v.name,
      profile: [
        ['Services', v.services || '—'],
        ['Owner', v.owner || '—'],
        ['Data', v.dataTypes.map((d) => DATA_TYPE_LABELS[d]).join(', ') || '—'],
        ['Criticality', CRITICALITY_LABELS[v.criticality]],
        ['Contract', v.contractStart || v.contractEnd ? `${v.contractStart ?? '…'} to ${v.contractEnd ?? '…'}` : '—'],
        ['Exit plan', v.exitPlan || '—'],
        ['Next review', `${v.schedule.nextReview} (${v.schedule.reviewState})`],
      ],
    },
    tier: `tier-${v.tier}`,
    tierRationale: tierReasons.join('\n\n'),
    reviewer,
    reviewDate: reviewAt,
    questionnaire: {
      template: review.templateTitle,
      version: String(review.templateVersion),
      cycle: review.cycle,
      score: score.overall,
      sections: score.sections.map((s) => ({ title: s.title, score: s.score, scored: s.scored })),
      gaps: score.gaps.map((g) => ({
        questionId: g.questionId,
        section: g.sectionTitle,
        question: g.text,
        answer: g.answer || '(no answer)',
        expected: g.expected,
      })),
    },
    certifications: v.certifications.map((c) => ({
      name: c.kind === 'other' ? c.otherName || 'Other' : CERT_LABELS[c.kind],
      period: c.periodStart || c.periodEnd ? `${c.periodStart ?? '…'} to ${c.periodEnd ?? '…'}` : '—',
      expires: c.expiresAt ?? 'No expiry date',
      state: c.state,
    })),
    conclusion: {
      decision: review.conclusion ?? 'pending',
      text: review.conclusionRationale || 'The reviewer has not recorded a conclusion for this questionnaire yet.',
      conditions: open.map((f) => `${f.ref} ${f.title}${f.dueDate ? ` (due ${f.dueDate})` : ''}${f.owner ? `, owner ${f.owner}` : ''}.`),
    },
    history: earlier.map((q) => ({
      cycle: q.cycle,
      score: q.score,
      decision: q.conclusion ? CONCLUSION_LABELS[q.conclusion] : 'No conclusion',
    })),
    signOff: {
      signer: input.signer ?? reviewer,
      reason: input.reason ?? 'Vendor review approved for issue',
      location: input.location ?? 'Attest',
      statement: `This report records the review "${review.cycle}" of ${v.name} as it stood at the issue time below. The signer confirms that the answers, score and conclusion are those recorded in the workspace.`,
    },
  });
}
