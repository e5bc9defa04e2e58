// The Vendors screen: the registry list, or one vendor's page (Back or Escape returns).
import { useState } from 'react';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { VendorList } from './VendorList';
import { VendorPage } from './VendorPage';
import './vendors.css';
import { workspaceShown } from '../../store/workspace';

export function VendorsScreen() {
  const open = useAppStore(workspaceShown);
  const [vendorId, setVendorId] = useState<string | null>(null);
  if (!open) return <WorkspaceScreen id="vendors" />;
  if (vendorId) return <VendorPage key={vendorId} id={vendorId} onBack={() => setVendorId(null)} />;
  return <VendorList onOpen={setVendorId} />;
}
