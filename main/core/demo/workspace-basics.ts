// Demo data of the workspace itself: engagement settings and one evidence attachment.
import type { DemoSeeder } from './demo';

const scopeStatement = `Northwind Health - security review scope

In scope: the patient portal (portal.northwind.example), its API, the Tines tenant
that automates incident triage, and the Retool admin console used by support staff.
Out of scope: the corporate network and physical offices.
Period: 2026-10-01 to 2026-11-30. Assessor: Dana Reyes (Attest demo).
`;

export const workspaceBasics: DemoSeeder = {
  name: 'workspace settings and a scope statement',
  async seed({ ws, actor, dates }) {
    const settings: [string, string][] = [
      ['engagement.client', 'Northwind Health'],
      ['engagement.scope', 'Patient portal, API, Tines tenant, Retool admin console'],
      ['engagement.period', '2026-10-01/2026-11-30'],
      ['engagement.assessor', 'Dana Reyes'],
      ['report.classification', 'Confidential - client and assessor only'],
    ];
    await ws.commit({
      actor,
      action: 'settings.update',
      entity: 'settings',
      statements: dates.shift(settings).map(([key, value]) => ({
        sql: 'INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)',
        params: [key, value, dates.text('2026-10-01T09:00:00.000Z')],
      })),
    });
    const blob = await ws.putBlob(new TextEncoder().encode(dates.text(scopeStatement)), {
      actor,
      name: 'scope-statement.txt',
      mediaType: 'text/plain',
    });
    await ws.commit({
      actor,
      action: 'evidence.link',
      entity: `blob:${blob.id}`,
      statements: [{ sql: 'INSERT OR IGNORE INTO blob_links (blob_id, entity) VALUES (?, ?)', params: [blob.id, 'workspace'] }],
    });
  },
};
