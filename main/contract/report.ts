// Channels of reports, signing identities, verification and exports.
import { z } from 'zod';
import { id } from './primitives';
import { defineChannel, type ChannelDef } from './channel';
import { assessmentSummary } from './assessment';
import { fileUpload } from './catalog';
import { fileHandle } from './files';

const fingerprint = z.string().min(1).max(128);
const passphrase = z.string().min(1).max(1024);

export const REPORT_KINDS = ['engagement', 'vendor'] as const;
export const REPORT_CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'] as const;
export const VERDICT_STATUSES = ['valid', 'untrusted', 'modified-after-signing', 'invalid', 'unsigned'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportClassification = (typeof REPORT_CLASSIFICATIONS)[number];
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export const branding = z.object({
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour looks like #1f3a5f')
    .nullable(),
  footerText: z.string().max(200).nullable(),
  organisation: z.string().max(200).nullable(),
  logo: z.object({ mediaType: z.enum(['image/png', 'image/jpeg']), dataBase64: z.string() }).nullable(),
});
export type Branding = z.infer<typeof branding>;

export const signingIdentity = z.object({
  fingerprint: z.string(),
  commonName: z.string(),
  subject: z.string(),
  notAfter: z.string(),
  origin: z.enum(['imported', 'generated']),
  addedAt: z.string(),
  /** The passphrase is in this machine's keychain, so the identity can sign here. */
  canSign: z.boolean(),
});
export type SigningIdentityView = z.infer<typeof signingIdentity>;

export const trustedCertificate = z.object({
  fingerprint: z.string(),
  label: z.string(),
  commonName: z.string(),
  notAfter: z.string(),
  addedAt: z.string(),
});
export type TrustedCertificateView = z.infer<typeof trustedCertificate>;

export const issuedReport = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  subjectId: z.string(),
  title: z.string(),
  sha256: z.string(),
  size: z.number(),
  signerFingerprint: z.string().nullable(),
  signerName: z.string().nullable(),
  issuedAt: z.string(),
  issuedBy: z.string(),
});
export type IssuedReportView = z.infer<typeof issuedReport>;

export const issueJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** 0..1 */
  fraction: z.number(),
  stage: z.enum(['model', 'layout', 'render', 'sign', 'store', 'done']),
  report: issuedReport.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type IssueJobView = z.infer<typeof issueJob>;

const pathCertificate = z.object({
  commonName: z.string(),
  subject: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});

export const verdict = z.object({
  status: z.enum(VERDICT_STATUSES),
  /** One plain sentence saying what the verdict means. */
  summary: z.string(),
  problems: z.array(z.string()),
  checks: z.object({
    byteRangeWellFormed: z.boolean(),
    coversWholeFile: z.boolean(),
    digestMatches: z.boolean(),
    signatureVerified: z.boolean(),
    signingCertificateV2Matches: z.boolean(),
    subFilter: z.string().nullable(),
    certificateTrusted: z.boolean(),
    certificateValidAtSigningTime: z.boolean(),
  }),
  /** The certificate path checked (signer first) and, when it fails, the certificate and the reason. */
  path: z
    .object({
      trusted: z.boolean(),
      chain: z.array(pathCertificate),
      failure: z.object({ certificate: pathCertificate, reason: z.string(), message: z.string() }).nullable(),
      checkedAt: z.string(),
    })
    .nullable(),
  appendedBytes: z.number(),
  signer: z.object({ commonName: z.string(), subject: z.string(), fingerprint: z.string(), notAfter: z.string() }).nullable(),
  signingTime: z.string().nullable(),
  name: z.string().nullable(),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  /** The issued report of this workspace with the same SHA-256, when there is one. */
  issuedReportId: z.string().nullable(),
});
export type VerdictView = z.infer<typeof verdict>;

export const download = z.object({ name: z.string(), mediaType: z.string(), dataBase64: z.string(), size: z.number() });
export type DownloadView = z.infer<typeof download>;

const forAssessment = z.object({ assessmentId: id }).strict();

export const reportChannels = {
  'report.branding.get': defineChannel({
    effect: 'read',
    summary: 'The report branding of this workspace: logo, primary colour, footer text, organisation',
    request: z.object({}).strict(),
    response: branding,
  }),
  'report.branding.set': defineChannel({
    effect: 'write',
    summary: 'Change the report branding; logo is a PNG or JPEG upload, null removes it, absent keeps it',
    request: z
      .object({
        primaryColor: branding.shape.primaryColor,
        footerText: branding.shape.footerText,
        organisation: branding.shape.organisation,
        logo: fileUpload.nullable().optional(),
      })
      .strict(),
    response: branding,
  }),
  'report.identity.list': defineChannel({
    effect: 'read',
    summary: 'Signing identities of this workspace (fingerprint, name, expiry); never a key or passphrase',
    request: z.object({}).strict(),
    response: z.object({ identities: z.array(signingIdentity) }),
  }),
  'report.identity.import': defineChannel({
    effect: 'write',
    summary: 'Import a PKCS#12 signing identity; the passphrase goes to the OS keychain',
    request: z.object({ file: fileUpload, passphrase }).strict(),
    response: signingIdentity,
  }),
  'report.identity.generate': defineChannel({
    effect: 'write',
    summary: 'Generate a self-signed RSA-3072 signing identity, valid for five years',
    request: z
      .object({ commonName: z.string().min(1).max(120), organisation: z.string().max(120), passphrase: z.string().min(8).max(1024) })
      .strict(),
    response: signingIdentity,
  }),
  'report.identity.remove': defineChannel({
    effect: 'write',
    summary: 'Remove a signing identity and its keychain entry (issued reports stay verifiable)',
    request: z.object({ fingerprint }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'report.trust.list': defineChannel({
    effect: 'read',
    summary: 'Certificates this workspace trusts when it verifies reports',
    request: z.object({}).strict(),
    response: z.object({ certificates: z.array(trustedCertificate) }),
  }),
  'report.trust.add': defineChannel({
    effect: 'write',
    summary: 'Trust a certificate (PEM or DER upload) for report verification, pinned by its SHA-256 fingerprint',
    request: z.object({ file: fileUpload, label: z.string().max(120).optional() }).strict(),
    response: trustedCertificate,
  }),
  'report.trust.remove': defineChannel({
    effect: 'write',
    summary: 'Stop trusting a certificate',
    request: z.object({ fingerprint }).strict(),
    response: z.object({ removed: z.string() }),
  }),
  'report.issue': defineChannel({
    effect: 'job',
    summary: 'Start issuing a report (render in a worker, sign, record); poll report.progress with the job id',
    request: z
      .object({
        kind: z.enum(REPORT_KINDS),
        subjectId: id,
        classification: z.enum(REPORT_CLASSIFICATIONS),
        signerFingerprint: fingerprint.optional(),
        reason: z.string().max(200).optional(),
        location: z.string().max(200).optional(),
        /** Fixed issue time (ISO) for a reproducible file; default now. */
        issuedAt: z.iso.datetime().optional(),
      })
      .strict(),
    response: z.object({ jobId: z.string() }),
  }),
  'report.progress': defineChannel({
    effect: 'job',
    summary: 'Progress of an issue job: stage, fraction, and the issued report or the error when finished',
    request: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    response: issueJob,
  }),
  'report.list': defineChannel({
    effect: 'read',
    summary: 'Issued reports, newest first, with hash, size and signer',
    request: z.object({}).strict(),
    response: z.object({ reports: z.array(issuedReport) }),
  }),
  'report.file': defineChannel({
    effect: 'read',
    summary: 'The bytes of an issued report (base64) for saving',
    request: z.object({ id }).strict(),
    response: download,
  }),
  'report.verify': defineChannel({
    effect: 'read',
    summary:
      "Verify a signed PDF: byte range, digest, CMS signature, signer trust (the workspace's identities and trusted certificates), appended bytes",
    request: z
      .object({
        pdf: fileUpload,
        /** Extra trust: PEM certificates or SHA-256 fingerprints. */
        trust: z.array(z.string().max(20000)).max(20).optional(),
      })
      .strict(),
    response: verdict,
  }),
  'export.oscalAssessmentResults': defineChannel({
    effect: 'read',
    summary: 'An assessment as OSCAL 1.0.6 assessment-results JSON',
    request: forAssessment,
    response: download,
  }),
  'export.oscalAssessmentPlan': defineChannel({
    effect: 'read',
    summary: 'An assessment as an OSCAL 1.0.6 assessment plan JSON (scope, catalogues, controls, roles, period)',
    request: forAssessment,
    response: download,
  }),
  'import.oscalAssessmentResults': defineChannel({
    effect: 'write',
    summary: 'Rebuild an assessment (results, findings, evidence) from OSCAL assessment results exported by Attest',
    request: z.object({ file: fileUpload }).strict(),
    response: assessmentSummary,
  }),
  'export.oscalPoam': defineChannel({
    effect: 'read',
    summary: "An assessment's findings as an OSCAL 1.0.6 plan of action and milestones (POA&M) JSON",
    request: forAssessment,
    response: download,
  }),
  'export.findingsCsv': defineChannel({
    effect: 'read',
    summary: "An assessment's findings as CSV (formula-like cells neutralised)",
    request: forAssessment,
    response: download,
  }),
  'export.findingsXlsx': defineChannel({
    effect: 'read',
    summary: "An assessment's findings as an Excel workbook (formula-like cells neutralised)",
    request: forAssessment,
    response: download,
  }),
  'export.backup': defineChannel({
    effect: 'write',
    summary:
      'A consistent copy of the whole encrypted workspace file: written to a file chosen with dialog.save (purpose backup), or returned for download',
    request: z.object({ to: fileHandle.optional(), overwrite: z.boolean().default(false) }).strict(),
    response: z.object({
      path: z.string().nullable(),
      name: z.string(),
      size: z.number(),
      sha256: z.string(),
      dataBase64: z.string().nullable(),
    }),
  }),
  'export.restore': defineChannel({
    effect: 'write',
    summary:
      'Restore a backup (chosen with dialog.open, purpose backup, or uploaded) to a new file chosen with dialog.save (purpose workspace), verified with its passphrase; never over an open or existing file without overwrite',
    request: z
      .object({
        from: fileHandle.optional(),
        backup: fileUpload.optional(),
        to: fileHandle,
        passphrase,
        overwrite: z.boolean().default(false),
      })
      .strict(),
    response: z.object({ path: z.string(), workspaceId: z.string(), commits: z.number(), auditEntries: z.number() }),
  }),
} satisfies Record<string, ChannelDef>;
