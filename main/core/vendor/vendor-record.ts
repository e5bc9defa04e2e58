// One vendor's stored row and the guards every vendor module starts from. Its own module
// so the sibling modules (certifications, credentials, documents) and the registry that
// gathers them do not import one another.
import type { VendorFields } from '../../contract/vendor';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';

export interface VendorDbRow {
  id: string;
  name: string;
  services: string;
  owner: string;
  data_types: string;
  criticality: VendorFields['criticality'];
  tier: number;
  tier_override: number | null;
  tier_override_reason: string | null;
  contract_start: string | null;
  contract_end: string | null;
  exit_plan: string;
  notes: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  removed_at: string | null;
}

export const vendorEntity = (id: string) => `vendor:${id}`;

export function vendorRecord(ws: Workspace, id: string): VendorDbRow {
  const r = ws.query<VendorDbRow>('SELECT * FROM vendors WHERE id = ?', [id])[0];
  if (!r) throw new AttestError('VENDOR_NOT_FOUND', `There is no vendor "${id}".`);
  return r;
}

/** A vendor that may be changed: it exists and is not removed. */
export function activeVendor(ws: Workspace, id: string): VendorDbRow {
  const r = vendorRecord(ws, id);
  if (r.removed_at) throw new AttestError('VENDOR_REMOVED', `"${r.name}" was removed; restore it before changing it.`);
  return r;
}
