// IPC handlers of reports, signing identities, verification and exports.
import { nowIso } from '../time/clock';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CoreDeps } from '../deps';
import type { HandlerMap } from '../dispatcher';
import { AttestError } from '../errors';
import { backupWorkspace, restoreWorkspace } from '../export/backup';
import { findingsCsv, findingsXlsx } from '../export/findings-table';
import { importAssessmentResults } from '../export/import-oscal-results';
import { assessmentPlan, assessmentResults, planOfActionAndMilestones } from '../export/oscal';
import {
  addTrusted,
  generateIdentity,
  identityPins,
  importIdentity,
  listIdentities,
  listTrusted,
  removeIdentity,
  removeTrusted,
  trustedPems,
} from '../signing/store';
import { verdictSummary } from '../signing/verdict-words';
import { verifyPdfSignature } from '../signing/verify';
import { nowDate } from '../time/clock';
import type { Workspace } from '../workspace';
import { brandingView, setBranding } from './branding';
import { issueReport, issuedFile, jobProgress, listIssued, startIssueJob } from './issue';

type ReportChannels =
  | 'report.branding.get'
  | 'report.branding.set'
  | 'report.identity.list'
  | 'report.identity.import'
  | 'report.identity.generate'
  | 'report.identity.remove'
  | 'report.trust.list'
  | 'report.trust.add'
  | 'report.trust.remove'
  | 'report.issue'
  | 'report.progress'
  | 'report.list'
  | 'report.file'
  | 'report.verify'
  | 'export.oscalAssessmentResults'
  | 'export.oscalPoam'
  | 'export.oscalAssessmentPlan'
  | 'import.oscalAssessmentResults'
  | 'export.findingsCsv'
  | 'export.findingsXlsx'
  | 'export.backup'
  | 'export.restore';

const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'assessment';

function download(name: string, mediaType: string, bytes: Buffer) {
  return { name, mediaType, dataBase64: bytes.toString('base64'), size: bytes.length };
}

function assessmentName(ws: Workspace, id: string): string {
  return ws.query<{ name: string }>('SELECT name FROM assessments WHERE id = ?', [id])[0]?.name ?? id;
}

/**
 * Verifies PDF bytes with the workspace's trust (its identities and trusted certificates)
 * plus any given, at `now` (the core's clock).
 */
export async function verifyWithWorkspace(ws: Workspace | null, pdf: Uint8Array, now: Date, extra: string[] = []) {
  const trusted = [...extra, ...(ws ? [...trustedPems(ws), ...identityPins(ws)] : [])];
  const v = await verifyPdfSignature(pdf, { trusted, now });
  const sha = createHash('sha256').update(pdf).digest('hex');
  const issued = ws?.query<{ id: string }>('SELECT id FROM issued_reports WHERE sha256 = ?', [sha])[0]?.id ?? null;
  return { ...v, summary: verdictSummary(v), issuedReportId: issued };
}

export function reportHandlers(deps: CoreDeps): Pick<HandlerMap, ReportChannels> {
  const ws = () => deps.library.workspace();
  const { keychain } = deps;
  return {
    'report.branding.get': async () => brandingView(await ws()),
    'report.branding.set': async (r, c) => setBranding(await ws(), r, c.actor),
    'report.identity.list': async () => ({ identities: await listIdentities(await ws(), keychain) }),
    'report.identity.import': async (r, c) => importIdentity(await ws(), keychain, r.file, r.passphrase, c.actor),
    'report.identity.generate': async (r, c) => (await generateIdentity(await ws(), keychain, r, c.actor)).view,
    'report.identity.remove': async (r, c) => ({ removed: await removeIdentity(await ws(), keychain, r.fingerprint, c.actor) }),
    'report.trust.list': async () => ({ certificates: listTrusted(await ws()) }),
    'report.trust.add': async (r, c) => addTrusted(await ws(), r.file, r.label, c.actor),
    'report.trust.remove': async (r, c) => ({ removed: await removeTrusted(await ws(), r.fingerprint, c.actor) }),
    'report.issue': async (r, c) => {
      const w = await ws();
      const actor = c.actor;
      // Fail fast on a missing subject before a job starts.
      if (r.kind === 'engagement' && w.query('SELECT id FROM assessments WHERE id = ?', [r.subjectId]).length === 0)
        throw new AttestError('ASSESSMENT_NOT_FOUND', `There is no assessment "${r.subjectId}" in this workspace.`);
      const jobId = startIssueJob(deps.jobs, async (onProgress) => (await issueReport(r, { ws: w, keychain, actor, onProgress })).report);
      return { jobId };
    },
    'report.progress': async (r) => jobProgress(deps.jobs, r.jobId),
    'report.list': async () => ({ reports: listIssued(await ws()) }),
    'report.file': async (r) => {
      const { bytes } = await issuedFile(await ws(), r.id);
      return download(`${r.id}.pdf`, 'application/pdf', bytes);
    },
    'report.verify': async (r) => {
      const pdf = Buffer.from(r.pdf.dataBase64, 'base64');
      if (pdf.length === 0) throw new AttestError('VERIFY_EMPTY', `"${r.pdf.name}" is empty; choose a PDF report.`);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AttestError('VERIFY_NOT_PDF', `"${r.pdf.name}" is not a PDF file.`);
      // Verification works without a workspace too, with only the trust given.
      const open = deps.session.touch() === 'open' ? await ws() : null;
      return verifyWithWorkspace(open, pdf, nowDate(deps.session.clock), r.trust ?? []);
    },
    'export.oscalAssessmentResults': async (r) => {
      const w = await ws();
      const json = `${JSON.stringify(await assessmentResults(w, r.assessmentId), null, 2)}\n`;
      return download(`${slug(assessmentName(w, r.assessmentId))}-assessment-results.json`, 'application/json', Buffer.from(json));
    },
    'export.oscalAssessmentPlan': async (r) => {
      const w = await ws();
      const json = `${JSON.stringify(assessmentPlan(w, r.assessmentId), null, 2)}\n`;
      return download(`${slug(assessmentName(w, r.assessmentId))}-assessment-plan.json`, 'application/json', Buffer.from(json));
    },
    'import.oscalAssessmentResults': async (r, context) =>
      importAssessmentResults(await ws(), Buffer.from(r.file.dataBase64, 'base64'), context.actor),
    'export.oscalPoam': async (r) => {
      const w = await ws();
      const json = `${JSON.stringify(planOfActionAndMilestones(w, r.assessmentId), null, 2)}\n`;
      return download(`${slug(assessmentName(w, r.assessmentId))}-poam.json`, 'application/json', Buffer.from(json));
    },
    'export.findingsCsv': async (r) => {
      const w = await ws();
      return download(`${slug(assessmentName(w, r.assessmentId))}-findings.csv`, 'text/csv', Buffer.from(findingsCsv(w, r.assessmentId)));
    },
    'export.findingsXlsx': async (r) => {
      const w = await ws();
      return download(
        `${slug(assessmentName(w, r.assessmentId))}-findings.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await findingsXlsx(w, r.assessmentId),
      );
    },
    // Files come by handle only (dialog.save / dialog.open, or the CLI's own): the caller never names a path.
    'export.backup': async (r) => {
      const w = await ws();
      return r.to
        ? deps.files.use(r.to, 'save:backup', (to) => backupWorkspace(w, to, r.overwrite))
        : backupWorkspace(w, undefined, r.overwrite);
    },
    'export.restore': async (r) => {
      if (!r.from === !r.backup)
        throw new AttestError('INVALID_REQUEST', 'Give the backup either as a chosen file or as an upload, not both.');
      const openPath = deps.session.touch() === 'open' ? deps.session.workspace().path : null;
      const seen = { memory: deps.session.memory, at: nowIso(deps.session.clock) };
      const restore = (bytes: Uint8Array) =>
        deps.files.use(r.to, 'save:workspace', (to) =>
          restoreWorkspace({ bytes, to, passphrase: r.passphrase, overwrite: r.overwrite, openPath, seen }),
        );
      if (r.backup) return restore(Buffer.from(r.backup.dataBase64, 'base64'));
      return deps.files.use(r.from!, 'open:backup', async (from) => {
        let bytes: Uint8Array;
        try {
          bytes = await readFile(from);
        } catch (cause) {
          throw new AttestError('NOT_FOUND', `The backup ${from} could not be read.`, { cause });
        }
        return restore(bytes);
      });
    },
  };
}
