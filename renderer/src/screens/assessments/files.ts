// An evidence file handed back to the user as a download.
import { call } from '../../api/client';
import { saveDownload } from '../../lib/files';

export async function downloadEvidence(id: string): Promise<void> {
  saveDownload(await call('evidence.file', { id }));
}
