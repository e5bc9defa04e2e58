// Demo data of the vendor registry: Northwind Health's SaaS suppliers across all three
// tiers, with certifications (one expired, one expiring within 60 days of 2026-11-23),
// credentials issued to them, contracts, exit plans, a tier override and a document.
// Everything goes through the core's channels; dates are fixed so the demo is the same
// every time.
import type { RequestOf } from '../../contract/ipc';
import { demoCall } from './call';
import type { DemoSeeder } from './demo';

interface DemoVendor {
  profile: RequestOf<'vendor.create'>;
  certifications?: Omit<RequestOf<'vendor.certification.add'>, 'vendorId'>[];
  credentials?: Omit<RequestOf<'vendor.credential.add'>, 'vendorId'>[];
  override?: { tier: 1 | 2 | 3; reason: string };
}

export const DEMO_VENDORS: DemoVendor[] = [
  {
    profile: {
      name: 'Skyline Cloud',
      services: 'Cloud hosting of the patient portal, API and databases (eu-west-1)',
      owner: 'Priya Shah (Platform)',
      dataTypes: ['special-category', 'personal', 'production-access'],
      criticality: 'critical',
      contractStart: '2024-02-01',
      contractEnd: '2027-01-31',
      exitPlan:
        'Infrastructure is Terraform; a second region with another provider was costed in 2025 (12 weeks, two engineers). Nightly encrypted backups already land in an account we control.',
    },
    certifications: [
      { kind: 'soc2-type2', periodStart: '2025-10-01', periodEnd: '2026-09-30', expiresAt: '2027-09-30' },
      { kind: 'iso27001', expiresAt: '2028-03-14' },
      { kind: 'pci-dss', expiresAt: '2027-05-31' },
    ],
    credentials: [
      {
        label: 'Support access role',
        system: 'AWS organisation (break-glass, read-only)',
        issuedAt: '2024-02-01',
        expiresAt: '2027-01-31',
        notes: 'Assumable only with a ticket number; every session is logged.',
      },
    ],
  },
  {
    profile: {
      name: 'PayFlow Payroll',
      services: 'Payroll and pensions for 212 staff',
      owner: 'Tom Becker (Finance)',
      dataTypes: ['personal', 'payment'],
      criticality: 'high',
      contractStart: '2023-04-01',
      contractEnd: '2026-03-31',
      exitPlan: 'Year-to-date payroll exported monthly as CSV; the previous provider can take over with six weeks notice.',
    },
    certifications: [
      // Expired: the renewed report has been asked for.
      { kind: 'soc2-type2', periodStart: '2024-07-01', periodEnd: '2025-06-30', expiresAt: '2026-06-30' },
      { kind: 'iso27001', expiresAt: '2027-11-02' },
    ],
    credentials: [
      {
        label: 'SFTP upload account',
        system: 'sftp.payflow.example (HR exports)',
        issuedAt: '2023-04-01',
        expiresAt: '2026-04-01',
        notes: 'Key pair; the vendor holds the private key.',
      },
    ],
  },
  {
    profile: {
      name: 'Relay CRM',
      services: 'Customer relationship management for partner clinics',
      owner: 'Aisha Okafor (Sales)',
      dataTypes: ['personal', 'internal'],
      criticality: 'medium',
      contractStart: '2025-01-01',
      contractEnd: '2027-12-31',
      exitPlan: 'Full export through the admin API (accounts, contacts, activities) tested in March 2026.',
    },
    certifications: [
      // Expiring within 60 days of 2026-11-23.
      { kind: 'iso27001', expiresAt: '2027-01-10' },
      { kind: 'iso27701', expiresAt: '2027-01-10' },
    ],
  },
  {
    profile: {
      name: 'PostBox Mail',
      services: 'Transactional e-mail delivery (appointment reminders, password resets)',
      owner: 'Priya Shah (Platform)',
      dataTypes: ['personal', 'credentials'],
      criticality: 'high',
      contractStart: '2025-06-01',
      contractEnd: '2026-05-31',
      exitPlan: 'SMTP relay is behind our own mail service; switching providers is a DNS and configuration change (two days).',
    },
    certifications: [{ kind: 'soc2-type2', periodStart: '2025-04-01', periodEnd: '2026-03-31', expiresAt: '2027-03-31' }],
    credentials: [
      {
        label: 'Sending domain DKIM delegation',
        system: 'DNS: mail.northwind.example',
        issuedAt: '2025-06-01',
        notes: 'CNAME delegation; removing the records ends sending.',
      },
    ],
  },
  {
    profile: {
      name: 'CodeHarbor',
      services: 'Source code hosting, pull requests and CI runners',
      owner: 'Marco Ruiz (Engineering)',
      dataTypes: ['source-code', 'credentials'],
      criticality: 'critical',
      contractStart: '2022-09-01',
      contractEnd: '2027-08-31',
      exitPlan: 'All repositories mirrored nightly to an internal Git server; CI definitions are portable YAML.',
    },
    certifications: [
      { kind: 'soc2-type2', periodStart: '2025-10-01', periodEnd: '2026-09-30', expiresAt: '2027-09-30' },
      { kind: 'iso27001', expiresAt: '2028-01-20' },
    ],
    credentials: [
      {
        label: 'Deploy key for infrastructure repository',
        system: 'CodeHarbor → AWS (OIDC role)',
        issuedAt: '2025-09-15',
        notes: 'Federated role, no stored key.',
      },
      {
        label: 'Legacy CI token',
        system: 'Artifact registry',
        issuedAt: '2023-01-10',
        expiresAt: '2025-01-10',
        notes: 'Replaced by the OIDC role.',
      },
    ],
  },
  {
    profile: {
      name: 'Insight Analytics',
      services: 'Product analytics on the patient portal (pseudonymised events)',
      owner: 'Lena Fischer (Product)',
      dataTypes: ['personal'],
      criticality: 'low',
      contractStart: '2025-03-01',
      contractEnd: '2026-02-28',
      exitPlan: 'Remove the tracking snippet; the vendor deletes data within 30 days of termination (clause 14).',
    },
    certifications: [{ kind: 'iso27001', expiresAt: '2027-06-30' }],
  },
  {
    profile: {
      name: 'DeskDirect',
      services: 'IT service desk and asset inventory',
      owner: 'Sam Patel (IT)',
      dataTypes: ['internal'],
      criticality: 'medium',
      contractStart: '2024-10-01',
      contractEnd: '2026-09-30',
      exitPlan: 'Tickets export to CSV; assets are mastered in the identity provider.',
    },
    // The rubric says tier 3; the desk also runs off-boarding, so it is reviewed as tier 2.
    override: { tier: 2, reason: 'Runs the off-boarding workflow that revokes access; a failure there leaves leavers with access.' },
    certifications: [{ kind: 'other', otherName: 'Cyber Essentials Plus', expiresAt: '2027-04-15' }],
  },
  {
    profile: {
      name: 'SignRight',
      services: 'Electronic signature of supplier and employment contracts',
      owner: 'Tom Becker (Finance)',
      dataTypes: ['personal', 'internal'],
      criticality: 'medium',
      contractStart: '2025-05-01',
      contractEnd: '2028-04-30',
      exitPlan: 'Signed PDFs and audit trails downloaded to the document archive after each signature.',
    },
    certifications: [{ kind: 'soc2-type1', periodStart: '2026-03-31', periodEnd: '2026-03-31', expiresAt: '2027-03-31' }],
  },
  {
    profile: {
      name: 'Brightdesk Office Supplies',
      services: 'Office supplies ordering portal',
      owner: 'Facilities',
      dataTypes: ['none'],
      criticality: 'low',
      contractStart: '2024-01-01',
      exitPlan: 'Any other supplier; no data to move.',
    },
  },
  {
    profile: {
      name: 'Vitals Lab Connect',
      services: 'Laboratory results interface for partner clinics (HL7 feed)',
      owner: 'Dr. Helen Moore (Clinical)',
      dataTypes: ['special-category', 'personal'],
      criticality: 'high',
      contractStart: '2025-11-01',
      contractEnd: '2028-10-31',
      exitPlan: 'Feed falls back to PDF results by secure e-mail; a second lab interface vendor was shortlisted in 2025.',
    },
    certifications: [
      { kind: 'hitrust', expiresAt: '2027-08-31' },
      { kind: 'iso27001', expiresAt: '2027-02-28' },
    ],
    credentials: [
      {
        label: 'Mutual TLS client certificate',
        system: 'results-api.northwind.example',
        issuedAt: '2025-11-01',
        expiresAt: '2026-11-01',
        notes: 'Renewal requested in October.',
      },
    ],
  },
];

const DPA = `Data processing agreement - summary (Attest demo)

Vendor: Skyline Cloud. Processing: hosting of the patient portal, its API and databases.
Location: EU (eu-west-1), no transfers outside the EEA without prior written consent.
Sub-processors: listed in annex 3; 30 days notice of changes with a right to object.
Breach notice: within 24 hours of discovery. Audit: annual SOC 2 type II report.
Deletion: within 30 days of termination, with a written certificate.
`;

export const vendorDemo: DemoSeeder = {
  name: 'vendors',
  async seed({ core, dates }) {
    const call = demoCall(core, dates);
    await call('vendor.reviewIntervals.set', { tier1: 12, tier2: 24, tier3: 36 });
    for (const v of DEMO_VENDORS) {
      const { id } = await call('vendor.create', v.profile);
      for (const c of v.certifications ?? []) await call('vendor.certification.add', { vendorId: id, ...c });
      for (const c of v.credentials ?? []) {
        const issued = await call('vendor.credential.add', { vendorId: id, ...c });
        if (c.label === 'Legacy CI token') await call('vendor.credential.revoke', { id: issued.id, revokedAt: '2025-01-10' });
      }
      if (v.override) await call('vendor.setTierOverride', { id, ...v.override });
      if (v.profile.name === 'Skyline Cloud') {
        await call('vendor.document.add', {
          vendorId: id,
          file: { name: 'skyline-dpa-summary.txt', dataBase64: Buffer.from(DPA).toString('base64') },
        });
      }
    }
  },
};
