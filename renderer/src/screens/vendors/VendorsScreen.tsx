// The Vendors screen: the registry list, or one vendor's page (Back or Escape returns).
// Which vendor and tab are shown lives in the store, so leaving the screen and coming
// back returns to the same place.
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { useQuery } from '../../api/query';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { QuestionnaireTracker } from './QuestionnaireTracker';
import { VendorList } from './VendorList';
import { VendorPage } from './VendorPage';
import './vendors.css';
import { workspaceShown } from '../../store/workspace';

export function VendorsScreen() {
  const open = useAppStore(workspaceShown);
  const vendorId = useAppStore((s) => s.vendorId);
  const openVendor = useAppStore((s) => s.openVendor);
  // A jump from the command palette opens the vendor (a questionnaire's is taken by its page).
  const pendingJump = useAppStore((s) => (s.jump?.kind === 'vendor' || s.jump?.kind === 'questionnaire' ? s.jump : null));
  useEffect(() => {
    if (!pendingJump) return;
    const t = setTimeout(() => {
      if (pendingJump.kind === 'vendor') useAppStore.getState().takeJump('vendor');
      openVendor(pendingJump.vendorId, pendingJump.kind === 'questionnaire' ? 'questionnaires' : undefined);
    }, 0);
    return () => clearTimeout(t);
  }, [pendingJump, openVendor]);
  // The vendor shown is gone (an undo took its creation back): back to the list.
  const shown = useQuery('vendor.get', vendorId ? { id: vendorId } : null);
  const gone = shown.error instanceof ApiError && shown.error.code === 'VENDOR_NOT_FOUND';
  if (!open) return <WorkspaceScreen id="vendors" />;
  if (vendorId && !gone) return <VendorPage key={vendorId} id={vendorId} onBack={() => openVendor(null)} />;
  return (
    <>
      <VendorList onOpen={(id) => openVendor(id)} />
      <QuestionnaireTracker />
    </>
  );
}
