// Issuing a report: model from the workspace -> PDF in a worker thread -> PAdES
// signature -> blob + issued_reports row + audit entry, as one job whose progress the UI
// polls (IPC is invoke-only, so progress is read, not pushed).
import { createHash, randomUUID } from 'node:crypto';
import type { IssueJobView, IssuedReportView, ReportClassification, ReportKind } from '../../contract/report';
import { AttestError } from '../errors';
import type { JobRegistry } from '../jobs';
import type { Keychain } from '../keychain/keychain';
import { signPdf } from '../signing/sign';
import { NO_KEYCHAIN, unlockIdentity } from '../signing/store';
import { assertSignerValidAt, type SigningIdentity } from '../signing/identity';
import type { Workspace } from '../workspace';
import { brandingFor } from './branding';
import { engagementModel } from './from-workspace';
import type { ReportModel } from './model';
import { renderReport } from './render';
import { renderReportInWorker } from './render-in-worker';
import { SIGNATURE_BOX } from './theme';
import { vendorModel } from './vendor-model';

export interface IssueInput {
  kind: ReportKind;
  subjectId: string;
  classification: ReportClassification;
  signerFingerprint?: string;
  reason?: string;
  location?: string;
  issuedAt?: string;
}

export interface IssueDeps {
  ws: Workspace;
  /** Needed only to sign with a stored identity (its passphrase is there). */
  keychain?: Keychain;
  actor: string;
  /** Render in the calling thread (the CLI, which serves no UI); default: a worker. */
  inThread?: boolean;
  /** Sign with this identity instead of a stored one (the CLI's --sign file). */
  identity?: SigningIdentity;
  /** A stored identity's passphrase for this use only (not from the keychain). */
  passphrase?: string;
  onProgress?: (fraction: number, stage: IssueJobView['stage']) => void;
}

export async function buildModel(
  ws: Workspace,
  input: IssueInput,
  issuedAt: Date,
  signer?: SigningIdentity,
  organisation?: string,
): Promise<ReportModel> {
  const person = signer
    ? { name: signer.commonName, organisation: /(?:^|, )O=([^,]*)/.exec(signer.subject)?.[1] ?? signer.commonName, role: 'Signer' }
    : undefined;
  if (input.kind === 'engagement')
    return engagementModel(ws, {
      assessmentId: input.subjectId,
      classification: input.classification,
      issuedAt,
      ...(organisation ? { organisation } : {}),
      ...(person ? { signer: person } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.location ? { location: input.location } : {}),
    });
  return vendorModel(ws, {
    vendorId: input.subjectId,
    classification: input.classification,
    issuedAt,
    signer: person,
    reason: input.reason,
    location: input.location,
  });
}

function issuedTime(iso: string | undefined, now: Date): Date {
  const d = iso ? new Date(iso) : now;
  if (Number.isNaN(d.getTime())) throw new AttestError('REPORT_INVALID_TIME', 'The issue time is not a valid date.');
  // Whole seconds: the PDF dates and the CMS signing time carry no more.
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** Renders, signs and records one report. Nothing is written unless every step succeeded. */
export async function issueReport(input: IssueInput, deps: IssueDeps): Promise<{ report: IssuedReportView; pdf: Uint8Array }> {
  const { ws } = deps;
  const progress = deps.onProgress ?? (() => undefined);
  progress(0.01, 'model');
  const issuedAt = issuedTime(input.issuedAt, ws.now());
  let identity = deps.identity;
  if (!identity && input.signerFingerprint) {
    if (!deps.keychain && !deps.passphrase)
      throw new AttestError('SIGNING_PASSPHRASE_MISSING', 'Signing with a stored identity needs its passphrase.');
    identity = await unlockIdentity(ws, deps.keychain ?? NO_KEYCHAIN, input.signerFingerprint, deps.passphrase);
  }
  // A report signed outside its signer's validity would be invalid from birth: refuse it.
  if (identity) assertSignerValidAt(identity, issuedAt);
  const branding = await brandingFor(ws);
  const model = await buildModel(ws, input, issuedAt, identity, branding.organisation);
  progress(0.05, 'layout');
  const onRender = (f: number, stage: 'layout' | 'render' | 'done') => progress(0.05 + 0.8 * f, stage === 'done' ? 'render' : stage);
  const opts = { issuedAt, branding };
  const unsigned = deps.inThread ? await renderReport(model, opts, onRender) : await renderReportInWorker(model, opts, onRender);
  let pdf = unsigned;
  if (identity) {
    progress(0.88, 'sign');
    const signed = await signPdf(unsigned, {
      identity,
      signerName: model.signOff.signer.name,
      reason: model.signOff.reason,
      location: model.signOff.location,
      signingTime: issuedAt,
      box: SIGNATURE_BOX,
    });
    pdf = signed.bytes;
  }
  progress(0.94, 'store');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const id = model.reportId;
  if (ws.query('SELECT id FROM issued_reports WHERE id = ?', [id]).length > 0)
    throw new AttestError(
      'REPORT_ALREADY_ISSUED',
      `A report with id ${id} was already issued for this subject at this time; issue it again a second later.`,
    );
  const blob = await ws.putBlob(pdf, { actor: deps.actor, name: `${id}.pdf`, mediaType: 'application/pdf' });
  const report: IssuedReportView = {
    id,
    kind: input.kind,
    subjectId: input.subjectId,
    title: model.title,
    sha256,
    size: pdf.length,
    signerFingerprint: identity?.fingerprint ?? null,
    signerName: identity ? model.signOff.signer.name : null,
    issuedAt: issuedAt.toISOString(),
    issuedBy: deps.actor,
  };
  // The audit entity carries hash and signer so the log alone proves what was issued.
  await ws.commit({
    actor: deps.actor,
    action: 'report.issue',
    entity: `report:${id} sha256:${sha256} signer:${report.signerFingerprint ?? 'unsigned'}`,
    irreversible: 'an issued report stays on record',
    statements: [
      {
        sql: `INSERT INTO issued_reports (id, kind, subject_id, title, sha256, size, signer_fingerprint, signer_name, issued_at, issued_by, blob_id)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [
          id,
          report.kind,
          report.subjectId,
          report.title,
          sha256,
          report.size,
          report.signerFingerprint,
          report.signerName,
          report.issuedAt,
          report.issuedBy,
          blob.id,
        ],
      },
      { sql: 'INSERT OR IGNORE INTO blob_links (blob_id, entity) VALUES (?, ?)', params: [blob.id, `report:${id}`] },
    ],
  });
  progress(1, 'done');
  return { report, pdf };
}

interface IssuedRow {
  id: string;
  kind: ReportKind;
  subject_id: string;
  title: string;
  sha256: string;
  size: number;
  signer_fingerprint: string | null;
  signer_name: string | null;
  issued_at: string;
  issued_by: string;
  blob_id: string | null;
}

const toView = (r: IssuedRow): IssuedReportView => ({
  id: r.id,
  kind: r.kind,
  subjectId: r.subject_id,
  title: r.title,
  sha256: r.sha256,
  size: Number(r.size),
  signerFingerprint: r.signer_fingerprint,
  signerName: r.signer_name,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
});

export function listIssued(ws: Workspace): IssuedReportView[] {
  return ws.query<IssuedRow>('SELECT * FROM issued_reports ORDER BY issued_at DESC, id DESC').map(toView);
}

export async function issuedFile(ws: Workspace, id: string): Promise<{ report: IssuedReportView; bytes: Buffer }> {
  const row = ws.query<IssuedRow>('SELECT * FROM issued_reports WHERE id = ?', [id])[0];
  if (!row?.blob_id) throw new AttestError('REPORT_NOT_FOUND', `There is no issued report "${id}" in this workspace.`);
  return { report: toView(row), bytes: await ws.getBlob(row.blob_id) };
}

// ---- jobs -------------------------------------------------------------------------

/**
 * Starts an issue as a job of the core's registry and returns its id at once;
 * report.progress reads its state. An issue is finished, not cancelled, when the core
 * closes: it commits once, at its end.
 */
export function startIssueJob(registry: JobRegistry, run: (onProgress: IssueDeps['onProgress']) => Promise<IssuedReportView>): string {
  const jobId = randomUUID();
  const job: IssueJobView = { jobId, state: 'running', fraction: 0, stage: 'model', report: null, error: null };
  const work = () =>
    run((fraction, stage) => {
      job.fraction = Math.max(job.fraction, fraction);
      job.stage = stage;
    }).then(
      (report) => void Object.assign(job, { state: 'done', fraction: 1, stage: 'done', report }),
      (e: unknown) => {
        const err =
          e instanceof AttestError
            ? e
            : new AttestError('REPORT_FAILED', 'The report could not be issued; nothing was recorded. Try again.');
        Object.assign(job, { state: 'failed', error: { code: err.code, message: err.message } });
      },
    );
  registry.start('report-issue', jobId, job, work, { cancellable: false });
  return jobId;
}

export function jobProgress(registry: JobRegistry, jobId: string): IssueJobView {
  const job = registry.get<IssueJobView>('report-issue', jobId);
  if (!job) throw new AttestError('REPORT_JOB_NOT_FOUND', 'That report job is unknown or finished long ago; issue the report again.');
  return { ...job.view };
}
