// IPC handlers of the vendor registry.
import type { CoreDeps } from '../deps';
import type { HandlerMap } from '../dispatcher';
import { reviewSchedule } from './calendar';
import { addCertification, removeCertification, updateCertification } from './certifications';
import { addCredential, revokeCredential, updateCredential } from './credentials';
import { addDocument, documentFile, removeDocument, restoreDocument } from './documents';
import { readIntervals, writeIntervals } from './schedule';
import { todayOf } from '../time/clock';

import {
  clearTierOverride,
  createVendor,
  listVendors,
  removeVendor,
  restoreVendor,
  setTierOverride,
  updateVendor,
  vendorView,
} from './vendors';

type VendorChannels = Extract<keyof HandlerMap, `vendor.${string}`>;

export function vendorHandlers(deps: CoreDeps): Pick<HandlerMap, VendorChannels> {
  const ws = () => deps.library.workspace();
  return {
    'vendor.list': async (r) => {
      const w = await ws();
      const today = r.today ?? todayOf(w);
      return { vendors: listVendors(w, { ...r, today }), today };
    },
    'vendor.get': async (r) => vendorView(await ws(), r.id, r.today),
    'vendor.create': async (r, c) => createVendor(await ws(), r, c.actor),
    'vendor.update': async ({ id, ...fields }, c) => updateVendor(await ws(), id, fields, c.actor),
    'vendor.remove': async (r, c) => {
      await removeVendor(await ws(), r.id, c.actor);
      return { removed: r.id };
    },
    'vendor.restore': async (r, c) => restoreVendor(await ws(), r.id, c.actor),
    'vendor.setTierOverride': async (r, c) => setTierOverride(await ws(), r.id, r.tier, r.reason, c.actor),
    'vendor.clearTierOverride': async (r, c) => clearTierOverride(await ws(), r.id, c.actor),
    'vendor.certification.add': async ({ vendorId, ...f }, c) => addCertification(await ws(), vendorId, f, c.actor),
    'vendor.certification.update': async ({ id, ...f }, c) => updateCertification(await ws(), id, f, c.actor),
    'vendor.certification.remove': async (r, c) => {
      await removeCertification(await ws(), r.id, c.actor);
      return { removed: r.id };
    },
    'vendor.credential.add': async ({ vendorId, ...f }, c) => addCredential(await ws(), vendorId, f, c.actor),
    'vendor.credential.update': async ({ id, ...f }, c) => updateCredential(await ws(), id, f, c.actor),
    'vendor.credential.revoke': async (r, c) => revokeCredential(await ws(), r.id, r.revokedAt, c.actor),
    'vendor.document.add': async (r, c) => addDocument(await ws(), r.vendorId, r.file, c.actor),
    'vendor.document.remove': async (r, c) => {
      await removeDocument(await ws(), r.vendorId, r.blobId, c.actor);
      return { removed: r.blobId };
    },
    'vendor.document.restore': async (r, c) => restoreDocument(await ws(), r.vendorId, r.blobId, c.actor),
    'vendor.document.file': async (r) => documentFile(await ws(), r.vendorId, r.blobId),
    'vendor.schedule': async (r) => reviewSchedule(await ws(), r.today),
    'vendor.reviewIntervals.get': async () => readIntervals(await ws()),
    'vendor.reviewIntervals.set': async (r, c) => writeIntervals(await ws(), r, c.actor),
  };
}
