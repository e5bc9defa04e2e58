// Demo data of reports: the assessor's branding, a self-signed signing identity and one
// issued, signed engagement report of the Northwind review in progress, all through the
// core's channels. The report is issued at the moment the demo is made (the identity is
// made just before it), so its signature is valid on whatever day the demo is made. The identity's passphrase goes to the keychain the core was given, as in the
// app. Where no keychain works (a server without a Secret Service) the identity is
// stored without it and the demo report is signed with the passphrase held in memory
// for this one use; that identity then cannot sign again on this machine until it is
// imported with its passphrase.
import { randomBytes } from 'node:crypto';
import type { ResponseOf } from '../../contract/ipc';
import { AttestError, asErrorCode } from '../errors';
import { issueReport } from '../report/issue';
import { NO_KEYCHAIN, generateIdentity } from '../signing/store';
import { demoCall } from './call';
import type { DemoSeeder } from './demo';

export const reportDemo: DemoSeeder = {
  name: 'report branding, a self-signed identity and a signed engagement report of the Q4 review',
  async seed({ ws, actor, core, dates }) {
    const call = demoCall(core, dates);
    const q4 = (await call('assessment.list', {})).assessments.find((a) => a.state === 'review');
    if (!q4) return;
    await call('report.branding.set', {
      primaryColor: '#1F4E5F',
      footerText: 'Reyes Assurance · prepared for Northwind Health',
      organisation: 'Reyes Assurance',
    });
    // A random passphrase: nobody types it, the keychain keeps it.
    const passphrase = randomBytes(18).toString('base64url');
    const request = { commonName: 'Dana Reyes', organisation: 'Reyes Assurance', passphrase };
    const made = await core.dispatch('report.identity.generate', request, { origin: 'cli' });
    if (made.ok) {
      const { jobId } = await call('report.issue', {
        kind: 'engagement',
        subjectId: q4.id,
        classification: 'CONFIDENTIAL',
        signerFingerprint: (made.value as ResponseOf<'report.identity.generate'>).fingerprint,
        reason: 'Q4 2026 platform review issued to the client',
        location: 'Lisbon',
      });
      for (;;) {
        const p = await call('report.progress', { jobId });
        if (p.state === 'done') return;
        if (p.state === 'failed') throw new AttestError(asErrorCode(p.error!.code), `Demo data (report.issue): ${p.error!.message}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    if (made.error.code !== 'KEYCHAIN_UNAVAILABLE')
      throw new AttestError(made.error.code, `Demo data (report.identity.generate): ${made.error.message}`);
    const { identity } = await generateIdentity(ws, NO_KEYCHAIN, request, actor, { keepPassphrase: false });
    await issueReport(
      {
        kind: 'engagement',
        subjectId: q4.id,
        classification: 'CONFIDENTIAL',
        reason: dates.text('Q4 2026 platform review issued to the client'),
        location: 'Lisbon',
      },
      { ws, actor, identity },
    );
  },
};
