// Channels of the vendor registry: vendors, tiers, certifications, issued credentials,
// documents and the annual review schedule.
import { z } from 'zod';
import { day, id, text } from './primitives';
import { defineChannel, type ChannelDef } from './channel';
import { fileUpload } from './catalog';
import { CERTIFICATION_KINDS, REVIEW_CONCLUSIONS, VENDOR_CRITICALITIES, VENDOR_DATA_TYPES } from './vocabulary';

export { CERTIFICATION_KINDS, REVIEW_CONCLUSIONS, VENDOR_CRITICALITIES, VENDOR_DATA_TYPES };
export type { CertificationKind, ReviewConclusion, VendorCriticality, VendorDataType } from './vocabulary';

export const VENDOR_TIERS = [1, 2, 3] as const;
export type VendorTier = (typeof VENDOR_TIERS)[number];
const tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const REVIEW_STATES = ['ok', 'due', 'overdue'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const CERT_STATES = ['valid', 'expiring', 'expired', 'no-expiry'] as const;
export type CertState = (typeof CERT_STATES)[number];

/** Months between reviews per tier. */
export const reviewIntervals = z
  .object({
    tier1: z.number().int().min(1, 'an interval is at least 1 month').max(120, 'an interval is at most 120 months'),
    tier2: z.number().int().min(1, 'an interval is at least 1 month').max(120, 'an interval is at most 120 months'),
    tier3: z.number().int().min(1, 'an interval is at least 1 month').max(120, 'an interval is at most 120 months'),
  })
  .strict();
export type ReviewIntervals = z.infer<typeof reviewIntervals>;

/** The rubric's verdict: the tier and each rule that decided it, in words. */
export const tierExplanation = z.object({ tier, reasons: z.array(z.string()) });
export type TierExplanation = z.infer<typeof tierExplanation>;

export const vendorRow = z.object({
  id: z.string(),
  name: z.string(),
  services: z.string(),
  owner: z.string(),
  dataTypes: z.array(z.enum(VENDOR_DATA_TYPES)),
  criticality: z.enum(VENDOR_CRITICALITIES),
  tier,
  tierOverridden: z.boolean(),
  latestScore: z.number().nullable(),
  latestConclusion: z.enum(REVIEW_CONCLUSIONS).nullable(),
  /** A questionnaire of this vendor has a stored score: what a vendor report is made from. */
  scored: z.boolean(),
  lastReview: z.string().nullable(),
  nextReview: z.string(),
  reviewState: z.enum(REVIEW_STATES),
  certWarnings: z.number(),
});
export type VendorRow = z.infer<typeof vendorRow>;

export const certificationView = z.object({
  id: z.string(),
  kind: z.enum(CERTIFICATION_KINDS),
  /** For `other`, what it is (e.g. CSA STAR level 2); empty otherwise. */
  otherName: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  expiresAt: z.string().nullable(),
  state: z.enum(CERT_STATES),
  /** Days until expiry (negative once expired); null without an expiry date. */
  daysLeft: z.number().nullable(),
  addedAt: z.string(),
});
export type CertificationView = z.infer<typeof certificationView>;

export const credentialView = z.object({
  id: z.string(),
  label: z.string(),
  system: z.string(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  notes: z.string(),
});
export type CredentialView = z.infer<typeof credentialView>;

export const documentView = z.object({
  blobId: z.string(),
  name: z.string(),
  size: z.number(),
  mediaType: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type DocumentView = z.infer<typeof documentView>;

export const reviewView = z.object({
  questionnaireId: z.string(),
  cycle: z.string(),
  concludedAt: z.string(),
  score: z.number().nullable(),
  conclusion: z.enum(REVIEW_CONCLUSIONS).nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const vendorView = z.object({
  id: z.string(),
  name: z.string(),
  services: z.string(),
  owner: z.string(),
  dataTypes: z.array(z.enum(VENDOR_DATA_TYPES)),
  criticality: z.enum(VENDOR_CRITICALITIES),
  /** The tier in force: the override when there is one, else the rubric's. */
  tier,
  rubric: tierExplanation,
  tierOverride: tier.nullable(),
  tierOverrideReason: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  exitPlan: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  removedAt: z.string().nullable(),
  certifications: z.array(certificationView),
  credentials: z.array(credentialView),
  documents: z.array(documentView),
  reviews: z.array(reviewView),
  schedule: z.object({
    intervalMonths: z.number(),
    lastReview: z.string().nullable(),
    nextReview: z.string(),
    reviewState: z.enum(REVIEW_STATES),
    today: z.string(),
  }),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string() })),
});
export type VendorView = z.infer<typeof vendorView>;

const scheduleItem = z.object({
  vendorId: z.string(),
  name: z.string(),
  tier,
  lastReview: z.string().nullable(),
  nextReview: z.string(),
  /** Days until the next review; negative when overdue. */
  days: z.number(),
});

export const scheduleView = z.object({
  today: z.string(),
  intervals: reviewIntervals,
  counts: z.object({
    vendors: z.number(),
    due: z.number(),
    overdue: z.number(),
    expiringCertificates: z.number(),
    expiredCertificates: z.number(),
  }),
  due: z.array(scheduleItem),
  overdue: z.array(scheduleItem),
  certificates: z.array(
    z.object({
      vendorId: z.string(),
      vendorName: z.string(),
      certificationId: z.string(),
      kind: z.enum(CERTIFICATION_KINDS),
      otherName: z.string(),
      expiresAt: z.string(),
      state: z.enum(['expiring', 'expired']),
      daysLeft: z.number(),
    }),
  ),
});
export type ScheduleView = z.infer<typeof scheduleView>;

const vendorFields = z
  .object({
    name: z.string().trim().min(1, 'a name is required').max(200),
    services: z.string().trim().max(2000).default(''),
    owner: z.string().trim().min(1, 'an internal owner is required').max(200),
    dataTypes: z.array(z.enum(VENDOR_DATA_TYPES)).min(1, 'pick at least one data type (or "none")').max(VENDOR_DATA_TYPES.length),
    criticality: z.enum(VENDOR_CRITICALITIES),
    contractStart: day.nullable().default(null),
    contractEnd: day.nullable().default(null),
    exitPlan: text(20_000).default(''),
    notes: text(20_000).default(''),
  })
  .strict();
export type VendorFields = z.output<typeof vendorFields>;

const certificationFields = z
  .object({
    kind: z.enum(CERTIFICATION_KINDS),
    otherName: z.string().trim().max(200).default(''),
    periodStart: day.nullable().default(null),
    periodEnd: day.nullable().default(null),
    expiresAt: day.nullable().default(null),
  })
  .strict();
export type CertificationFields = z.output<typeof certificationFields>;

const credentialFields = z
  .object({
    label: z.string().trim().min(1, 'a label is required').max(200),
    system: z.string().trim().min(1, 'say which system the credential opens').max(200),
    issuedAt: day.nullable().default(null),
    expiresAt: day.nullable().default(null),
    notes: text(2000).default(''),
  })
  .strict();
export type CredentialFields = z.output<typeof credentialFields>;

const pinnedToday = { today: day.optional() };

export const vendorChannels = {
  'vendor.list': defineChannel({
    effect: 'read',
    summary:
      'Vendors with tier, latest score and conclusion, next review and certificate warnings; filters by tier, criticality, review state and text.',
    request: z
      .object({
        tier: tier.optional(),
        criticality: z.enum(VENDOR_CRITICALITIES).optional(),
        reviewState: z.enum(REVIEW_STATES).optional(),
        text: z.string().max(200).optional(),
        removed: z.boolean().default(false),
        ...pinnedToday,
      })
      .strict(),
    response: z.object({ vendors: z.array(vendorRow), today: z.string() }),
  }),
  'vendor.get': defineChannel({
    effect: 'read',
    summary: 'One vendor in full: profile, tier and its reasons, certifications, credentials, documents, reviews, next review and history.',
    request: z.object({ id, ...pinnedToday }).strict(),
    response: vendorView,
  }),
  'vendor.create': defineChannel({
    effect: 'write',
    summary: 'Add a vendor; its tier follows the rubric over data types and criticality.',
    request: vendorFields,
    response: vendorView,
  }),
  'vendor.update': defineChannel({
    effect: 'write',
    summary: 'Change a vendor profile; the rubric tier is worked out again.',
    request: vendorFields.extend({ id }),
    response: vendorView,
  }),
  'vendor.remove': defineChannel({
    effect: 'write',
    summary: 'Remove a vendor from the registry (undo with vendor.restore).',
    request: z.object({ id }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'vendor.restore': defineChannel({
    effect: 'write',
    summary: 'Bring back a removed vendor.',
    request: z.object({ id }).strict(),
    response: vendorView,
  }),
  'vendor.setTierOverride': defineChannel({
    effect: 'write',
    summary: 'Set the tier by hand instead of the rubric; a reason is required and recorded.',
    request: z.object({ id, tier, reason: text(2000) }).strict(),
    response: vendorView,
  }),
  'vendor.clearTierOverride': defineChannel({
    effect: 'write',
    summary: 'Go back to the tier the rubric gives.',
    request: z.object({ id }).strict(),
    response: vendorView,
  }),
  'vendor.certification.add': defineChannel({
    effect: 'write',
    summary: 'Record a certification or attestation report with its period and expiry.',
    request: certificationFields.extend({ vendorId: id }),
    response: certificationView,
  }),
  'vendor.certification.update': defineChannel({
    effect: 'write',
    summary: 'Change a certification.',
    request: certificationFields.extend({ id }),
    response: certificationView,
  }),
  'vendor.certification.remove': defineChannel({
    effect: 'write',
    summary: 'Remove a certification.',
    request: z.object({ id }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'vendor.credential.add': defineChannel({
    effect: 'write',
    summary: 'Record a credential issued to the vendor (label, system, dates; never its value).',
    request: credentialFields.extend({ vendorId: id }),
    response: credentialView,
  }),
  'vendor.credential.update': defineChannel({
    effect: 'write',
    summary: 'Change the record of an issued credential.',
    request: credentialFields.extend({ id }),
    response: credentialView,
  }),
  'vendor.credential.revoke': defineChannel({
    effect: 'write',
    summary: 'Mark an issued credential as revoked (today unless a date is given).',
    request: z.object({ id, revokedAt: day.optional() }).strict(),
    response: credentialView,
  }),
  'vendor.document.add': defineChannel({
    effect: 'write',
    summary: 'Attach a document (contract, report, DPA) to a vendor, up to the stated size limit.',
    request: z.object({ vendorId: id, file: fileUpload }).strict(),
    response: documentView,
  }),
  'vendor.document.remove': defineChannel({
    effect: 'write',
    summary: 'Detach a document from a vendor (undo with vendor.document.restore).',
    request: z.object({ vendorId: id, blobId: id }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'vendor.document.restore': defineChannel({
    effect: 'write',
    summary: 'Attach again a document that was detached from this vendor.',
    request: z.object({ vendorId: id, blobId: id }).strict(),
    response: documentView,
  }),
  'vendor.document.file': defineChannel({
    effect: 'read',
    summary: 'The bytes of a vendor document, base64.',
    request: z.object({ vendorId: id, blobId: id }).strict(),
    response: z.object({ name: z.string(), mediaType: z.string().nullable(), dataBase64: z.string() }),
  }),
  'vendor.schedule': defineChannel({
    effect: 'read',
    summary: 'The review schedule: vendors due within 30 days, overdue, and certificates expired or expiring within 60 days.',
    request: z.object({ ...pinnedToday }).strict(),
    response: scheduleView,
  }),
  'vendor.reviewIntervals.get': defineChannel({
    effect: 'read',
    summary: 'Months between reviews for each tier in this workspace.',
    request: z.object({}).strict(),
    response: reviewIntervals,
  }),
  'vendor.reviewIntervals.set': defineChannel({
    effect: 'write',
    summary: 'Set the months between reviews for each tier in this workspace.',
    request: reviewIntervals,
    response: reviewIntervals,
  }),
} satisfies Record<string, ChannelDef>;
