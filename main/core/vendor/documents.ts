// Documents attached to a vendor (contracts, DPAs, audit reports) in the workspace's
// encrypted attachment store, linked through blob_links with entity `vendor:<id>`.
// Detaching removes the link only, so it can be undone.
import type { DocumentView } from '../../contract/vendor';
import { EVIDENCE_FILE_LIMIT } from '../assessment/evidence';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { activeVendor, vendorEntity } from './vendor-record';

/** Largest vendor document accepted: the same limit as evidence files. */
export const DOCUMENT_LIMIT = EVIDENCE_FILE_LIMIT;

interface DocDbRow {
  id: string;
  size: number;
  name: string | null;
  media_type: string | null;
  added_at: string;
  added_by: string;
}

const toView = (r: DocDbRow): DocumentView => ({
  blobId: r.id,
  name: r.name ?? r.id,
  size: Number(r.size),
  mediaType: r.media_type,
  addedAt: r.added_at,
  addedBy: r.added_by,
});

const documentEntity = (vendorId: string, blobId: string) => `${vendorEntity(vendorId)}/document:${blobId}`;

export function documentsOf(ws: Workspace, vendorId: string): DocumentView[] {
  return ws
    .query<DocDbRow>(
      `SELECT b.id, b.size, b.name, b.media_type, b.added_at, b.added_by FROM blob_links l JOIN blobs b ON b.id = l.blob_id
       WHERE l.entity = ? ORDER BY b.added_at, b.id`,
      [vendorEntity(vendorId)],
    )
    .map(toView);
}

function linked(ws: Workspace, vendorId: string, blobId: string): DocDbRow {
  const r = ws.query<DocDbRow>(
    `SELECT b.id, b.size, b.name, b.media_type, b.added_at, b.added_by FROM blob_links l JOIN blobs b ON b.id = l.blob_id
     WHERE l.entity = ? AND l.blob_id = ?`,
    [vendorEntity(vendorId), blobId],
  )[0];
  if (!r) throw new AttestError('DOCUMENT_NOT_FOUND', `This vendor has no document "${blobId}".`);
  return r;
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

export async function addDocument(
  ws: Workspace,
  vendorId: string,
  file: { name: string; dataBase64: string },
  actor: string,
): Promise<DocumentView> {
  activeVendor(ws, vendorId);
  const bytes = Buffer.from(file.dataBase64, 'base64');
  if (bytes.length > DOCUMENT_LIMIT) {
    throw new AttestError(
      'DOCUMENT_TOO_LARGE',
      `"${file.name}" is ${(bytes.length / 1048576).toFixed(1)} MB; vendor documents can be at most ${DOCUMENT_LIMIT / 1048576} MB. Attach a smaller extract instead.`,
    );
  }
  if (bytes.length === 0) throw new AttestError('DOCUMENT_EMPTY', `"${file.name}" is empty; nothing was attached.`);
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const blob = await ws.putBlob(bytes, { actor, name: file.name, mediaType: MEDIA_TYPES[ext] ?? 'application/octet-stream' });
  await ws.commit({
    actor,
    action: 'vendor.document.add',
    entity: documentEntity(vendorId, blob.id),
    statements: [{ sql: 'INSERT OR IGNORE INTO blob_links (blob_id, entity) VALUES (?, ?)', params: [blob.id, vendorEntity(vendorId)] }],
  });
  return toView(linked(ws, vendorId, blob.id));
}

export async function removeDocument(ws: Workspace, vendorId: string, blobId: string, actor: string): Promise<void> {
  activeVendor(ws, vendorId);
  linked(ws, vendorId, blobId);
  await ws.commit({
    actor,
    action: 'vendor.document.remove',
    entity: documentEntity(vendorId, blobId),
    statements: [{ sql: 'DELETE FROM blob_links WHERE blob_id = ? AND entity = ?', params: [blobId, vendorEntity(vendorId)] }],
  });
}

/** Undo of a removal: only a document this vendor had, so no other attachment can be pulled in. */
export async function restoreDocument(ws: Workspace, vendorId: string, blobId: string, actor: string): Promise<DocumentView> {
  activeVendor(ws, vendorId);
  const had = ws.query('SELECT 1 AS x FROM audit_log WHERE entity = ? AND action = ? LIMIT 1', [
    documentEntity(vendorId, blobId),
    'vendor.document.remove',
  ]);
  if (!had.length) throw new AttestError('DOCUMENT_NOT_FOUND', `This vendor never had document "${blobId}".`);
  await ws.commit({
    actor,
    action: 'vendor.document.restore',
    entity: documentEntity(vendorId, blobId),
    statements: [{ sql: 'INSERT OR IGNORE INTO blob_links (blob_id, entity) VALUES (?, ?)', params: [blobId, vendorEntity(vendorId)] }],
  });
  return toView(linked(ws, vendorId, blobId));
}

export async function documentFile(ws: Workspace, vendorId: string, blobId: string) {
  const r = linked(ws, vendorId, blobId);
  const bytes = await ws.getBlob(blobId);
  return { name: r.name ?? blobId, mediaType: r.media_type, dataBase64: bytes.toString('base64') };
}
