// Certifications and attestation reports a vendor holds (SOC 2, ISO 27001, …), with the
// period a report covers and when it expires.
import type { CertificationFields, CertificationKind, CertificationView } from '../../contract/vendor';
import { newId } from '../ids';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { certState } from './schedule';
import { todayOf } from '../time/clock';

import { activeVendor, vendorEntity } from './vendor-record';

interface CertDbRow {
  id: string;
  vendor_id: string;
  kind: string;
  period_start: string | null;
  period_end: string | null;
  expires_at: string | null;
  added_at: string;
  removed_at: string | null;
}

// `other` keeps its name in the kind column ("other:CSA STAR level 2"): the table has
// no column of its own for it.
function splitKind(kind: string): { kind: CertificationKind; otherName: string } {
  if (kind.startsWith('other:')) return { kind: 'other', otherName: kind.slice(6) };
  return { kind: kind as CertificationKind, otherName: '' };
}

function joinKind(f: CertificationFields): string {
  if (f.kind !== 'other') return f.kind;
  if (!f.otherName)
    throw new AttestError('CERT_NAME_REQUIRED', 'Name the certification (for example "CSA STAR level 2") when its kind is "other".');
  return `other:${f.otherName}`;
}

function toView(r: CertDbRow, today: string): CertificationView {
  return {
    id: r.id,
    ...splitKind(r.kind),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    expiresAt: r.expires_at,
    ...certState(r.expires_at, today),
    addedAt: r.added_at,
  };
}

function record(ws: Workspace, id: string): CertDbRow {
  const r = ws.query<CertDbRow>('SELECT * FROM vendor_certifications WHERE id = ? AND removed_at IS NULL', [id])[0];
  if (!r) throw new AttestError('CERTIFICATION_NOT_FOUND', `There is no certification "${id}".`);
  return r;
}

export function certificationsOf(ws: Workspace, vendorId: string, today = todayOf(ws)): CertificationView[] {
  return ws
    .query<CertDbRow>(
      'SELECT * FROM vendor_certifications WHERE vendor_id = ? AND removed_at IS NULL ORDER BY expires_at IS NULL, expires_at, id',
      [vendorId],
    )
    .map((r) => toView(r, today));
}

/** Every live certificate of an active vendor that has expired or expires soon. */
export function expiringCertificates(ws: Workspace, today: string) {
  return ws
    .query<CertDbRow & { vendor_name: string }>(
      `SELECT c.*, v.name AS vendor_name FROM vendor_certifications c JOIN vendors v ON v.id = c.vendor_id
       WHERE c.removed_at IS NULL AND v.removed_at IS NULL AND c.expires_at IS NOT NULL ORDER BY c.expires_at, c.id`,
    )
    .map((r) => ({ ...toView(r, today), vendorId: r.vendor_id, vendorName: r.vendor_name }))
    .filter((c) => c.state === 'expired' || c.state === 'expiring');
}

/** Warnings (expired or expiring certificates) per vendor id. */
export function certificationWarnings(ws: Workspace, today: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of expiringCertificates(ws, today)) map.set(c.vendorId, (map.get(c.vendorId) ?? 0) + 1);
  return map;
}

function checkPeriod(f: CertificationFields) {
  if (f.periodStart && f.periodEnd && f.periodEnd < f.periodStart) {
    throw new AttestError('INVALID_PERIOD', `The report period ends (${f.periodEnd}) before it starts (${f.periodStart}).`);
  }
}

export async function addCertification(ws: Workspace, vendorId: string, f: CertificationFields, actor: string): Promise<CertificationView> {
  activeVendor(ws, vendorId);
  checkPeriod(f);
  const id = newId('crt');
  await ws.commit({
    actor,
    action: 'vendor.certification.add',
    entity: `${vendorEntity(vendorId)}/certification:${id}`,
    statements: [
      {
        sql: `INSERT INTO vendor_certifications (id, vendor_id, kind, period_start, period_end, expires_at, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        params: [id, vendorId, joinKind(f), f.periodStart, f.periodEnd, f.expiresAt, ws.now().toISOString()],
      },
    ],
  });
  return toView(record(ws, id), todayOf(ws));
}

export async function updateCertification(ws: Workspace, id: string, f: CertificationFields, actor: string): Promise<CertificationView> {
  const r = record(ws, id);
  activeVendor(ws, r.vendor_id);
  checkPeriod(f);
  await ws.commit({
    actor,
    action: 'vendor.certification.update',
    entity: `${vendorEntity(r.vendor_id)}/certification:${id}`,
    statements: [
      {
        sql: 'UPDATE vendor_certifications SET kind = ?, period_start = ?, period_end = ?, expires_at = ? WHERE id = ?',
        params: [joinKind(f), f.periodStart, f.periodEnd, f.expiresAt, id],
      },
    ],
  });
  return toView(record(ws, id), todayOf(ws));
}

export async function removeCertification(ws: Workspace, id: string, actor: string): Promise<void> {
  const r = record(ws, id);
  activeVendor(ws, r.vendor_id);
  await ws.commit({
    actor,
    action: 'vendor.certification.remove',
    entity: `${vendorEntity(r.vendor_id)}/certification:${id}`,
    statements: [{ sql: 'UPDATE vendor_certifications SET removed_at = ? WHERE id = ?', params: [ws.now().toISOString(), id] }],
  });
}
