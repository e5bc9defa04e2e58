// Evidence on a control: a note, a link or a file, or (written by live-check runs only)
// a check result pointing at its run. Files go into the workspace's encrypted attachment
// store. Removal is soft, so it can be undone.
import type { EvidenceView } from '../../contract/assessment';
import { AttestError } from '../errors';
import { stripUserinfoInText, withoutUserinfo } from '../net/userinfo';
import type { Workspace } from '../workspace';
import { assertEditable, assessedControl, controlEntity } from './assessments';
import { newId } from '../ids';

/** Largest evidence file accepted; stated in the UI and in the error. */
export const EVIDENCE_FILE_LIMIT = 10 * 1024 * 1024;

export interface EvidenceInput {
  assessmentId: string;
  catalogueId: string;
  controlId: string;
  kind: 'note' | 'file' | 'link';
  title: string;
  body: string;
  url?: string | undefined;
  file?: { name: string; dataBase64: string } | undefined;
}

interface EvidenceDbRow {
  id: string;
  assessment_id: string;
  catalogue_id: string;
  control_id: string;
  kind: 'note' | 'file' | 'link' | 'check';
  title: string;
  body: string;
  url: string | null;
  blob_id: string | null;
  check_run_id: string | null;
  added_at: string;
  added_by: string;
  removed_at: string | null;
  size: number | null;
  media_type: string | null;
}

const SELECT = `SELECT e.*, b.size, b.media_type FROM evidence e LEFT JOIN blobs b ON b.id = e.blob_id`;

const toView = (r: EvidenceDbRow): EvidenceView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  url: r.url,
  checkRunId: r.check_run_id ?? null,
  blobId: r.blob_id,
  size: r.size === null ? null : Number(r.size),
  mediaType: r.media_type,
  addedAt: r.added_at,
  addedBy: r.added_by,
});

function row(ws: Workspace, id: string): EvidenceDbRow {
  const r = ws.query<EvidenceDbRow>(`${SELECT} WHERE e.id = ?`, [id])[0];
  if (!r) throw new AttestError('EVIDENCE_NOT_FOUND', `There is no evidence "${id}".`);
  return r;
}

export function listEvidence(ws: Workspace, assessmentId: string, catalogueId: string, controlId: string): EvidenceView[] {
  return ws
    .query<EvidenceDbRow>(
      `${SELECT} WHERE e.assessment_id = ? AND e.catalogue_id = ? AND e.control_id = ? AND e.removed_at IS NULL ORDER BY e.added_at, e.id`,
      [assessmentId, catalogueId, controlId],
    )
    .map(toView);
}

const MEDIA_TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function addEvidence(ws: Workspace, input: EvidenceInput, actor: string): Promise<EvidenceView> {
  assertEditable(ws, input.assessmentId);
  assessedControl(ws, input.assessmentId, input.catalogueId, input.controlId);
  let blobId: string | null = null;
  let title = stripUserinfoInText(input.title.trim());
  // A link is kept without its user:password@ (a credential that does not belong in evidence).
  const url = input.url ? withoutUserinfo(input.url) : null;
  if (input.kind === 'file') {
    if (!input.file) throw new AttestError('FILE_REQUIRED', 'Choose a file to attach.');
    const bytes = Buffer.from(input.file.dataBase64, 'base64');
    if (bytes.length > EVIDENCE_FILE_LIMIT) {
      throw new AttestError(
        'EVIDENCE_TOO_LARGE',
        `"${input.file.name}" is ${(bytes.length / 1048576).toFixed(1)} MB; evidence files can be at most ${EVIDENCE_FILE_LIMIT / 1048576} MB. Attach a smaller extract or a link instead.`,
      );
    }
    if (bytes.length === 0) throw new AttestError('EVIDENCE_EMPTY', `"${input.file.name}" is empty; nothing was attached.`);
    const ext = input.file.name.split('.').pop()?.toLowerCase() ?? '';
    const blob = await ws.putBlob(bytes, { actor, name: input.file.name, mediaType: MEDIA_TYPES[ext] ?? 'application/octet-stream' });
    blobId = blob.id;
    title ||= input.file.name;
  } else if (input.kind === 'link') {
    if (!input.url) throw new AttestError('URL_REQUIRED', 'A link needs an http or https URL.');
    title ||= url ?? '';
  } else if (!input.body.trim()) {
    throw new AttestError('NOTE_EMPTY', 'A note needs some text.');
  }
  const id = newId('evd');
  const entity = controlEntity(input.assessmentId, input.catalogueId, input.controlId);
  await ws.commit({
    actor,
    action: `evidence.add.${input.kind}`,
    entity,
    statements: [
      {
        sql: `INSERT INTO evidence (id, assessment_id, catalogue_id, control_id, kind, title, body, url, blob_id, added_at, added_by)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [
          id,
          input.assessmentId,
          input.catalogueId,
          input.controlId,
          input.kind,
          title || 'Note',
          stripUserinfoInText(input.body),
          url,
          blobId,
          ws.now().toISOString(),
          actor,
        ],
      },
      ...(blobId ? [{ sql: 'INSERT OR IGNORE INTO blob_links (blob_id, entity) VALUES (?, ?)', params: [blobId, entity] }] : []),
    ],
  });
  return toView(row(ws, id));
}

async function setRemoved(ws: Workspace, id: string, removed: boolean, actor: string): Promise<EvidenceDbRow> {
  const r = row(ws, id);
  assertEditable(ws, r.assessment_id);
  await ws.commit({
    actor,
    action: removed ? 'evidence.remove' : 'evidence.restore',
    entity: controlEntity(r.assessment_id, r.catalogue_id, r.control_id),
    statements: [{ sql: 'UPDATE evidence SET removed_at = ? WHERE id = ?', params: [removed ? ws.now().toISOString() : null, id] }],
  });
  return row(ws, id);
}

export const removeEvidence = async (ws: Workspace, id: string, actor: string) => void (await setRemoved(ws, id, true, actor));
export const restoreEvidence = async (ws: Workspace, id: string, actor: string) => toView(await setRemoved(ws, id, false, actor));

export async function evidenceFile(ws: Workspace, id: string): Promise<{ name: string; mediaType: string | null; dataBase64: string }> {
  const r = row(ws, id);
  if (!r.blob_id) throw new AttestError('EVIDENCE_NOT_FILE', 'This evidence is not a file.');
  const bytes = await ws.getBlob(r.blob_id);
  return { name: r.title, mediaType: r.media_type, dataBase64: bytes.toString('base64') };
}
