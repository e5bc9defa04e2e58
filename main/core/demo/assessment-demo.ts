// Demo data of assessments: Northwind Health's Q4 2026 platform review (in review, about
// 60 % assessed, with evidence and findings) and the final Q2 2026 review it is compared
// with. Everything goes through the core's channels, as an assessor's clicks would.
import type { FindingFields } from '../../contract/assessment';
import type { ControlStatus } from '../../contract/vocabulary';
import { demoCall, type DemoCall } from './call';
import type { DemoSeeder } from './demo';

const PB = 'platform-baseline';
const TN = 'tines-hardening';
const RT = 'retool-hardening';
const CLIENT = 'Northwind Health';
const ASSESSOR = 'Dana Reyes';

/** [catalogue, control, status, rationale] as the assessor recorded them in Q4. */
type Result = [string, string, ControlStatus, string];

export const Q4_RESULTS: Result[] = [
  [
    PB,
    'S.A.1',
    'met',
    'Okta groups map to the seven standard roles of the RBAC matrix (v3.2). Sampled 25 of 212 active users across AWS, GitHub and Retool: every grant traced to a role assignment, none ad hoc.',
  ],
  [
    PB,
    'S.A.2',
    'met',
    'Okta is the only identity source. AWS IAM Identity Center, GitHub Enterprise, Tines and Retool all federate to it; no local user accounts in the four admin consoles reviewed.',
  ],
  [
    PB,
    'S.A.3',
    'met',
    'The Okta sign-on policy requires Okta Verify (TOTP) or a FIDO2 key for every app. SMS and e-mail factors were removed from the enrolment policy on 2026-07-14; policy export checked.',
  ],
  [
    PB,
    'S.A.4',
    'met',
    'All 31 applications in the Okta catalogue use SAML or OIDC. Grafana and Sentry, which kept local passwords until the summer, moved to OIDC in August.',
  ],
  [
    PB,
    'S.A.5',
    'partial',
    'Engineers get AWS access through Identity Center sessions of 4 hours. Two data engineers still use long-lived IAM access keys (140 and 212 days old) for a Redshift loader run from their laptops.',
  ],
  [
    PB,
    'S.A.6',
    'met',
    'Static secrets live in AWS Secrets Manager, encrypted with a customer-managed KMS key. Read access is limited to the platform-admins group (4 people); confirmed from the resource policy.',
  ],
  [
    PB,
    'S.A.7',
    'met',
    'ECS services and Lambda functions use task and execution roles with short-lived credentials; the last static service key (billing export) was replaced by a role in September.',
  ],
  [
    PB,
    'S.A.8',
    'not-met',
    'No service credential is restricted by source address: the IAM policies have no aws:SourceIp or VPC endpoint conditions. The team had not considered it.',
  ],
  [
    PB,
    'S.A.9',
    'partial',
    'A rotation runbook exists and Secrets Manager rotates the RDS credentials. Eleven of 38 static secrets (third-party API keys) were last rotated more than 90 days ago, the oldest in March.',
  ],
  [
    PB,
    'S.A.10',
    'met',
    'The off-boarding checklist (Jira template HR-OFF) includes rotating shared secrets the leaver could read. Both leavers of the period have tickets listing the rotated secrets with dates.',
  ],
  [
    PB,
    'S.A.11',
    'met',
    'CloudTrail, the Okta system log, the GitHub audit log and Retool audit events all stream to Datadog; each source showed events from the last 24 hours.',
  ],
  [
    PB,
    'S.A.12',
    'partial',
    'CloudTrail lands in an S3 bucket with Object Lock in compliance mode. Datadog keeps logs 15 days and archives them to a bucket without Object Lock, so Okta and GitHub logs can still be deleted by platform admins.',
  ],
  [
    PB,
    'S.A.13',
    'met',
    'Datadog Cloud SIEM rules alert on impossible travel, root sign-in, MFA resets and policy changes, and page the on-call engineer. Reviewed three October alerts and how they were handled.',
  ],
  [
    PB,
    'S.A.15',
    'met',
    'Deactivating a person in Okta ends their sessions in every federated app, and personal GitHub tokens are SSO-bound. A test deprovisioning with the IT lead took 3 min 40 s end to end (see note).',
  ],
  [
    PB,
    'S.A.16',
    'partial',
    'Most access requests go through the Jira IT service desk, but production database and Retool admin access were approved in Slack in 4 of 10 sampled changes, with no ticket.',
  ],
  [
    PB,
    'S.A.17',
    'met',
    'New IAM roles, Okta groups and Retool permission groups start empty; no wildcard admin policy outside the break-glass role. Reviewed the Terraform modules that create roles.',
  ],
  [
    PB,
    'S.A.19',
    'partial',
    'Deployments run through GitHub Actions and Argo CD, but engineers still open SSM sessions to production hosts for debugging (37 sessions in October).',
  ],
  [PB, 'S.A.20', 'met', 'The Kyverno admission policy rejects pods that run as UID 0; its policy reports show no exceptions.'],
  [PB, 'S.A.22', 'not-met', 'Only 3 of 19 deployments set readOnlyRootFilesystem; the API image writes temporary files to /app/tmp.'],
  [
    PB,
    'S.C.1',
    'met',
    'Infrastructure and application changes go through pull requests with a required reviewer; DNS and firewall changes also go to the change advisory board. All 15 sampled merged pull requests were reviewed.',
  ],
  [
    PB,
    'S.C.2',
    'met',
    'Changes are recorded in Git history (force-push blocked on default branches) and in CloudTrail under S3 Object Lock with no expiry.',
  ],
  [
    PB,
    'S.C.3',
    'partial',
    'Semgrep runs on the application repositories; the Terraform repository has no static analysis since the Checkov trial was dropped.',
  ],
  [
    PB,
    'S.C.6',
    'met',
    'Argo CD projects restrict target clusters and namespaces; Kyverno enforces the image registry, resource limits and non-root at admission.',
  ],
  [
    PB,
    'S.N.1',
    'met',
    'The load balancers accept TLS 1.2 and 1.3 only (ELBSecurityPolicy-TLS13-1-2-2021-06). testssl.sh against the portal and the API found no weak protocol or cipher.',
  ],
  [
    PB,
    'S.N.2',
    'not-met',
    'Traffic between services inside the cluster is plain HTTP; the service-mesh rollout planned for Q3 has not started.',
  ],
  [
    PB,
    'S.N.3',
    'met',
    'AWS WAF with the managed core rule set and the SQL injection rule group fronts the portal and API distributions; blocked requests are visible in the WAF logs.',
  ],
  [
    PB,
    'S.N.4',
    'met',
    'CloudFront and Shield Standard front both public endpoints, with a rate-based WAF rule of 2,000 requests per 5 minutes per address.',
  ],
  [PB, 'S.N.5', 'met', 'CloudFront standard logs carry client address, user agent and request id and are shipped to Datadog.'],
  [
    PB,
    'S.N.6',
    'partial',
    'NetworkPolicies deny by default in the portal namespace; the api and workers namespaces still allow all pod-to-pod traffic.',
  ],
  [PB, 'S.N.7', 'not-met', 'No egress filtering: pods and Lambda functions can reach any internet destination through the NAT gateways.'],
  [
    PB,
    'S.N.9',
    'met',
    'Both RDS instances sit in private subnets with publicly_accessible = false, in the console and in the Terraform state.',
  ],
  [
    PB,
    'S.N.10',
    'met',
    'The internal admin API is allowlisted to the office and VPN ranges and also requires an Okta OIDC token; a request without a token from the VPN got 401.',
  ],
  [
    PB,
    'S.N.11',
    'not-met',
    'Neither northwind.example nor northwindhealth.example is DNSSEC-signed; the current DNS provider does not support it.',
  ],
  [
    PB,
    'S.N.13',
    'partial',
    "HSTS, X-Content-Type-Options and frame-ancestors are set on the portal, but the content security policy now allows 'unsafe-inline' scripts (added for the chat widget) and API responses carry no HSTS header (see the header capture).",
  ],
  [
    PB,
    'S.N.15',
    'met',
    'All portal cookies (session, CSRF, locale) are HttpOnly and Secure with SameSite=Lax, in the header capture and in the browser.',
  ],
  [PB, 'S.V.1', 'met', 'The vendor register in the GRC tool lists 64 vendors with owner, data types and contract dates.'],
  [PB, 'S.V.2', 'met', 'A standard questionnaire based on SIG Lite (version 2026.1) has been used for every new vendor since January.'],
  [
    PB,
    'S.V.3',
    'partial',
    'The 12 critical vendors were reviewed this year; 9 of the 23 high-tier vendors are more than 12 months past their last questionnaire.',
  ],
  [PB, 'S.S.1', 'met', 'Dependabot and Snyk run on all 14 repositories; the API repository was onboarded in July.'],
  [PB, 'S.S.2', 'met', 'ECR enhanced scanning checks every pushed image, and critical findings block promotion in Argo CD.'],
  [
    PB,
    'S.S.3',
    'partial',
    'Renovate opens patch and minor updates automatically, but they are merged by hand and 41 update pull requests were older than 30 days at the time of review.',
  ],
  [
    PB,
    'S.S.5',
    'not-met',
    'Base images are referenced by tag (node:20-slim) and GitHub Actions by version tag, not by digest or commit SHA.',
  ],
  [
    PB,
    'S.S.9',
    'met',
    'The vulnerability SLA is 7 days for critical and 30 for high. All 6 criticals of the period were fixed within it (median 3 days), per the Snyk report.',
  ],
  [
    PB,
    'S.S.10',
    'partial',
    'The reporting worker still runs on Node.js 18, which no longer receives security fixes; upgrade ticket PLAT-1182 is scheduled for December.',
  ],
  [
    PB,
    'S.D.1',
    'met',
    'RDS, S3, EBS and Redshift are encrypted with AES-256 under KMS; the AWS Config encryption rules are compliant in all accounts (see note).',
  ],
  [PB, 'S.D.2', 'met', 'Automatic rotation is set to 90 days on all 9 customer-managed KMS keys (checked with get-key-rotation-status).'],
  [
    PB,
    'S.D.3',
    'not-met',
    'A staging refresh on 2026-10-12 copied the production patients table unmasked to debug a billing issue; the copy was still there during fieldwork.',
  ],
  [
    PB,
    'S.D.4',
    'partial',
    "The API's log scrubber masks e-mail addresses and tokens, but patient names and dates of birth appeared in 3 of 20 sampled error logs from the appointments service.",
  ],
  [
    PB,
    'S.D.5',
    'met',
    'The record of processing lists the 11 kinds of personal data, the systems that store each and the groups with access; last reviewed in September 2026.',
  ],
  [
    PB,
    'S.D.6',
    'partial',
    'AWS Backup copies RDS snapshots nightly to a separate, locked account. No full rebuild from backups has been rehearsed, and the Kubernetes manifests and secrets are not in the offline copy.',
  ],
  [
    PB,
    'S.P.2',
    'met',
    'Jamf manages all 214 company Macs; enrolment is on the laptop hand-out checklist, and the Jamf inventory matches the HR headcount plus 6 spares.',
  ],
  [
    PB,
    'S.P.3',
    'met',
    'Jamf enforces FileVault and offers remote lock and wipe; CrowdStrike Falcon reports vulnerabilities for every device in the production-access group.',
  ],
  [
    PB,
    'S.P.4',
    'not-applicable',
    'Out of scope: the office network is excluded from this review (see the scope statement), and production is reached only over the Okta-protected VPN.',
  ],
  [
    PB,
    'S.P.6',
    'not-applicable',
    'Northwind runs no on-premise servers; all production workloads are in AWS eu-west-1, whose physical controls are covered by the AWS SOC 2 report.',
  ],
  [
    TN,
    'TN.ACC.1',
    'met',
    'Tenant login requires Okta SAML; password login is disabled for everyone but the break-glass owner account, whose credentials are in the safe.',
  ],
  [
    TN,
    'TN.ACC.2',
    'met',
    'Users are provisioned just in time from the Okta group "Tines users"; leavers lose access with their Okta account.',
  ],
  [TN, 'TN.ACC.3', 'met', 'The Okta sign-on policy of the Tines app requires Okta Verify or a FIDO2 key; confirmed in the policy export.'],
  [TN, 'TN.ACC.4', 'met', 'The session timeout is 8 hours, a value chosen by the security council on 2026-06-02 (minutes seen).'],
  [
    TN,
    'TN.UAC.1',
    'partial',
    'Five people hold Tenant Owner, two of whom only build stories; there is no documented succession process for the role.',
  ],
  [
    TN,
    'TN.UAC.2',
    'met',
    'Stories and credentials are split across the SecOps, IT and Support teams; the PagerDuty and Okta admin credentials are shared with SecOps only.',
  ],
  [
    TN,
    'TN.CRED.1',
    'partial',
    'Domain restrictions are set on 19 of 24 credentials; the Slack bot token, the Jira token and three HTTP credentials have none.',
  ],
  [TN, 'TN.STORY.1', 'met', 'Event retention is 24 hours for the phishing-report and patient-complaint stories and 7 days elsewhere.'],
  [
    TN,
    'TN.STORY.3',
    'met',
    'Tines audit logs are pulled hourly into Datadog; detections alert on credential changes, new tenant owners and story exports.',
  ],
  [TN, 'TN.STORY.4', 'met', 'A tenant-wide search of all 63 stories for token and password patterns found no secret in clear text.'],
  [
    TN,
    'TN.STORY.6',
    'met',
    'Change control is on for the 8 production incident-triage stories; each change needs a second SecOps engineer to approve.',
  ],
  [
    TN,
    'TN.STORY.11',
    'not-met',
    'Three webhooks that start incident-triage stories (alert-intake, phishing-report, vendor-alerts) accept any POST: no secret header and no signature check (see note).',
  ],
  [
    TN,
    'TN.API.1',
    'partial',
    'The Datadog and Jira integrations used tenant API keys although each needs one team only. The Datadog key was replaced by a SecOps team key during fieldwork; the Jira key is still tenant-wide.',
  ],
  [
    TN,
    'TN.PAGE.1',
    'met',
    'Both public pages (phishing report form, vendor incident form) were reviewed with the SecOps lead: both are meant to be public and collect no health data.',
  ],
  [
    TN,
    'TN.SELF.1',
    'not-applicable',
    'Northwind uses Tines Cloud (EU region); there is no self-hosted Tines to update. Revisit if the planned Tunnel is deployed.',
  ],
  [
    RT,
    'RT.AUTHN.1',
    'met',
    'All 46 Retool users sign in through Okta; e-mail and password login is turned off in the organisation settings.',
  ],
  [RT, 'RT.AUTHN.2', 'met', 'Okta OIDC (authorization code flow) is configured, and group claims map to Retool permission groups.'],
  [
    RT,
    'RT.AUTHN.3',
    'partial',
    'Staff reach Retool through Okta with MFA, but 4 support contractors use a separate Okta app whose sign-on policy asks for a password only (see link).',
  ],
  [RT, 'RT.AUTHN.4', 'met', 'Disabling a person in Okta blocks Retool sign-in; the 3 leavers of the period were checked.'],
  [
    RT,
    'RT.AUTHZ.1',
    'met',
    'Permission groups Support-Read, Support-Edit and Admin; support agents have Use on the patient lookup app only.',
  ],
  [
    RT,
    'RT.AUTHZ.3',
    'partial',
    'The patient lookup app hides the export button from Support-Read, but its query still returns full date of birth and address to every user: the limit is only in the interface.',
  ],
  [
    RT,
    'RT.ENC.1',
    'met',
    "Retool Cloud (EU) encrypts data at rest with AES-256 and in transit with TLS 1.2+, per Retool's SOC 2 Type II report for the period ending June 2026.",
  ],
  [RT, 'RT.AUD.1', 'met', 'Retool audit logs are forwarded to Datadog and included in the weekly access-review dashboard.'],
  [
    RT,
    'RT.ADM.2',
    'not-met',
    '"Prevent query variable spoofing" is off in the advanced settings, while the patient lookup query relies on current_user.email.',
  ],
];

/** Where the Q2 review saw platform-baseline differently; every other Q2 result equals Q4's. */
const Q2_DIFFERENCES: Record<string, [ControlStatus, string]> = {
  'S.A.3': [
    'partial',
    'Okta still offers SMS as a fallback factor to 38 users enrolled before 2025; everyone else uses Okta Verify or a FIDO2 key.',
  ],
  'S.A.4': ['partial', 'Grafana and Sentry still use local accounts with passwords; the other 29 applications use SAML or OIDC.'],
  'S.A.9': ['not-met', 'There is no rotation schedule for static secrets; several third-party API keys date from 2024.'],
  'S.S.1': [
    'not-met',
    'Dependabot covers 13 of 14 repositories; the API repository, which holds most of the patient-data code, has no dependency scanning.',
  ],
  'S.N.13': ['met', 'HSTS, a strict content security policy, X-Content-Type-Options and frame-ancestors are set on every portal response.'],
  'S.D.2': ['partial', 'Customer-managed KMS keys rotate yearly (the AWS default), not quarterly.'],
  'S.D.3': ['met', 'No production data found outside production; staging is refreshed from synthetic fixtures.'],
};

const PORTAL_HEADERS = `$ curl -sI https://portal.northwind.example/login   (2026-10-20 14:02 UTC)
HTTP/2 200
content-type: text/html; charset=utf-8
strict-transport-security: max-age=31536000; includeSubDomains
content-security-policy: default-src 'self'; script-src 'self' 'unsafe-inline' https://chat.widget.example; frame-ancestors 'none'
x-content-type-options: nosniff
referrer-policy: strict-origin-when-cross-origin
set-cookie: nw_session=…; Path=/; Secure; HttpOnly; SameSite=Lax
set-cookie: nw_csrf=…; Path=/; Secure; HttpOnly; SameSite=Lax

$ curl -sI https://api.northwind.example/v2/health
HTTP/2 200
content-type: application/json
x-content-type-options: nosniff
(no strict-transport-security header)
`;

type Evidence = { catalogueId: string; controlId: string } & (
  | { kind: 'note'; title: string; body: string }
  | { kind: 'link'; title: string; url: string }
  | { kind: 'file'; title: string; name: string; text: string }
);

export const Q4_EVIDENCE: Evidence[] = [
  {
    catalogueId: PB,
    controlId: 'S.A.2',
    kind: 'link',
    title: 'Identity architecture (Northwind wiki)',
    url: 'https://wiki.northwind.example/security/identity-architecture',
  },
  {
    catalogueId: PB,
    controlId: 'S.A.3',
    kind: 'note',
    title: 'Okta sign-on policy export',
    body: 'Global session policy "Default" and app policies for AWS, GitHub, Tines and Retool exported 2026-10-19. Allowed factors: Okta Verify (TOTP and push), FIDO2. SMS and e-mail factors: inactive since 2026-07-14.',
  },
  {
    catalogueId: PB,
    controlId: 'S.A.15',
    kind: 'note',
    title: 'Deprovisioning test, 2026-10-21',
    body: '14:02:10 test user deactivated in Okta by the IT lead\n14:02:55 AWS console session rejected\n14:03:31 GitHub token returns 401 (SSO authorisation revoked)\n14:05:50 Retool and Tines sessions ended on next request\nTotal: 3 min 40 s.',
  },
  {
    catalogueId: PB,
    controlId: 'S.N.13',
    kind: 'file',
    title: 'Response headers of the portal and the API',
    name: 'portal-headers.txt',
    text: PORTAL_HEADERS,
  },
  {
    catalogueId: PB,
    controlId: 'S.N.13',
    kind: 'link',
    title: 'Observatory scan of the portal',
    url: 'https://developer.mozilla.org/en-US/observatory/analyze?host=portal.northwind.example',
  },
  {
    catalogueId: PB,
    controlId: 'S.S.9',
    kind: 'link',
    title: 'Snyk vulnerability report, October 2026',
    url: 'https://app.snyk.io/org/northwind-health/reports',
  },
  {
    catalogueId: PB,
    controlId: 'S.D.1',
    kind: 'note',
    title: 'AWS Config conformance snapshot',
    body: 'Conformance pack "Operational best practices for HIPAA" on 2026-10-22: rds-storage-encrypted, s3-bucket-server-side-encryption-enabled, encrypted-volumes and redshift-cluster-kms-enabled compliant in all 4 accounts.',
  },
  {
    catalogueId: PB,
    controlId: 'S.D.6',
    kind: 'note',
    title: 'Backup account check',
    body: 'Backup vault "nw-offline" in the separate backup account: vault lock in compliance mode, 35-day retention, last copy 2026-10-23 02:14 UTC. No restore test record newer than 2025-11.',
  },
  {
    catalogueId: TN,
    controlId: 'TN.STORY.11',
    kind: 'note',
    title: 'Webhooks without authentication',
    body: 'alert-intake (Incident triage), phishing-report (Phishing) and vendor-alerts (Vendor monitoring): a POST with an arbitrary JSON body from outside the network started each story. No secret header and no signature verification configured.',
  },
  {
    catalogueId: RT,
    controlId: 'RT.AUTHN.3',
    kind: 'link',
    title: 'Okta sign-on policy of the contractor Retool app',
    url: 'https://northwind-admin.okta.example/admin/app/retool_contractors/instance/0oa8x2/#tab-signon',
  },
];

type Finding = Pick<FindingFields, 'title' | 'description' | 'likelihood' | 'impact' | 'owner' | 'dueDate' | 'remediation' | 'status'> & {
  controls: [string, string][];
  /** a change made after the finding was recorded (accepting the risk, fixing it) */
  later?: Partial<FindingFields>;
};

const base = { severityOverride: null, severityOverrideReason: null, acceptanceJustification: null, acceptanceExpires: null };

export const Q4_FINDINGS: Finding[] = [
  {
    title: 'Tines webhooks accept unauthenticated requests',
    description:
      'Three webhooks that start incident-triage stories accept any POST from the internet. Anyone who learns a webhook URL can inject fake alerts or phishing reports and trigger the automated actions that follow (ticket creation, user lock-outs).',
    likelihood: 4,
    impact: 4,
    owner: 'Marcus Lee (SecOps)',
    dueDate: '2026-11-10',
    status: 'open',
    remediation:
      'Require a secret header or an HMAC signature on every webhook, rotate the three webhook URLs, and alert on requests that fail the check.',
    controls: [[TN, 'TN.STORY.11']],
  },
  {
    title: 'Production patient data copied to staging',
    description:
      'An unmasked copy of the production patients table was made on staging on 2026-10-12 and left there. Staging is reachable by all engineers and has no production-grade logging.',
    likelihood: 3,
    impact: 5,
    owner: 'Priya Natarajan (Platform)',
    dueDate: '2026-11-20',
    status: 'in-progress',
    remediation:
      'Delete the copy and its snapshots, record the incident with the privacy officer, and block restores of production snapshots into non-production accounts with an SCP.',
    controls: [[PB, 'S.D.3']],
  },
  {
    title: 'Static credentials not rotated on schedule',
    description:
      'Eleven of 38 static secrets, all third-party API keys, are older than the 90-day rotation period; the oldest dates from March 2026.',
    likelihood: 3,
    impact: 4,
    owner: 'Priya Natarajan (Platform)',
    dueDate: '2026-11-15',
    status: 'in-progress',
    remediation: 'Rotate the eleven keys, add them to the Secrets Manager rotation schedule, and alert when a secret passes 90 days.',
    controls: [[PB, 'S.A.9']],
  },
  {
    title: 'Support contractors reach Retool without MFA',
    description:
      'The Okta app used by four support contractors to reach Retool has a password-only sign-on policy, although Retool exposes patient contact details.',
    likelihood: 3,
    impact: 4,
    owner: 'Sofia Alvarez (IT)',
    dueDate: '2026-12-15',
    status: 'open',
    remediation: 'Apply the standard MFA sign-on policy to the contractor app, or move the contractors into the staff Retool app.',
    controls: [[RT, 'RT.AUTHN.3']],
  },
  {
    title: 'Backups never rehearsed as a full rebuild',
    description:
      'Database snapshots are copied to a locked backup account, but a rebuild of production from them has never been rehearsed, and cluster manifests and secrets are not in the offline copy.',
    likelihood: 2,
    impact: 5,
    owner: 'Priya Natarajan (Platform)',
    dueDate: '2027-02-28',
    status: 'open',
    remediation:
      'Add manifests and an encrypted secrets export to the offline copy and run a timed rebuild into an empty account once a year.',
    controls: [[PB, 'S.D.6']],
  },
  {
    title: 'Access changes approved in Slack without a ticket',
    description:
      'In 4 of 10 sampled access changes, production database and Retool admin access were granted on a Slack approval with no service-desk ticket, so the approval is not recorded where reviews look for it.',
    likelihood: 3,
    impact: 3,
    owner: 'Sofia Alvarez (IT)',
    dueDate: '2027-01-15',
    status: 'open',
    remediation: 'Route every access request through the service desk and add a Slack workflow that opens the ticket for the requester.',
    controls: [[PB, 'S.A.16']],
  },
  {
    title: 'Public DNS zones not signed with DNSSEC',
    description: 'Neither public zone is DNSSEC-signed, so resolvers cannot detect forged answers for the portal and API names.',
    likelihood: 2,
    impact: 3,
    owner: 'Tom Becker (IT)',
    dueDate: '2027-06-30',
    status: 'open',
    remediation: 'Sign both zones after the planned move to a DNS provider that supports DNSSEC.',
    controls: [[PB, 'S.N.11']],
    later: {
      status: 'risk-accepted',
      acceptanceJustification:
        'Accepted by the CISO on 2026-11-18: the current provider cannot sign the zones, the move to a new provider is budgeted for Q2 2027, and HSTS preload plus CAA records limit the exposure until then.',
      acceptanceExpires: '2027-06-30',
    },
  },
  {
    title: 'Datadog integration used a tenant-wide Tines API key',
    description:
      'The Datadog integration authenticated with a tenant API key that can read and change every team, although it only needs the SecOps team.',
    likelihood: 2,
    impact: 3,
    owner: 'Marcus Lee (SecOps)',
    dueDate: '2026-11-06',
    status: 'open',
    remediation: 'Replace the tenant key with a SecOps team key and revoke the tenant key.',
    controls: [[TN, 'TN.API.1']],
    later: {
      status: 'remediated',
      remediation: 'Replaced with a SecOps team key on 2026-11-04 and the tenant key revoked; verified in the Tines API key list.',
    },
  },
];

const Q2_FINDINGS: Finding[] = [
  {
    title: 'Static credentials not rotated on schedule',
    description: 'No rotation schedule exists for static secrets; several third-party API keys date from 2024.',
    likelihood: 3,
    impact: 4,
    owner: 'Priya Natarajan (Platform)',
    dueDate: '2026-08-31',
    status: 'open',
    remediation: 'Define a 90-day rotation period and rotate every static secret older than that.',
    controls: [[PB, 'S.A.9']],
  },
  {
    title: 'Dependency scanning missing on the API repository',
    description: 'The API repository, which holds most of the patient-data code, has no automated dependency vulnerability scanning.',
    likelihood: 3,
    impact: 4,
    owner: 'Priya Natarajan (Platform)',
    dueDate: '2026-07-31',
    status: 'open',
    remediation: 'Enable Dependabot and Snyk on the API repository like the other thirteen.',
    controls: [[PB, 'S.S.1']],
  },
  {
    title: 'SMS accepted as a second factor',
    description: '38 users enrolled before 2025 can still use SMS codes as their second factor, which SIM swapping defeats.',
    likelihood: 2,
    impact: 4,
    owner: 'Sofia Alvarez (IT)',
    dueDate: '2026-07-31',
    status: 'open',
    remediation: 'Remove SMS from the Okta enrolment policy after moving the 38 users to Okta Verify or a FIDO2 key.',
    controls: [[PB, 'S.A.3']],
  },
];

async function addFindings(call: DemoCall, assessmentId: string, findings: Finding[]): Promise<void> {
  for (const { controls, later, ...f } of findings) {
    const fields: FindingFields = { ...base, ...f, controls: controls.map(([catalogueId, controlId]) => ({ catalogueId, controlId })) };
    const created = await call('finding.create', { assessmentId, ...fields });
    if (later) await call('finding.update', { id: created.id, ...fields, ...later });
  }
}

async function seedQ2(call: DemoCall): Promise<string> {
  const q2 = await call('assessment.create', {
    name: 'Northwind Health – Q2 2026 platform review',
    client: CLIENT,
    scope: 'Patient portal (portal.northwind.example), its API and the AWS platform they run on.',
    periodStart: '2026-04-01',
    periodEnd: '2026-05-31',
    assessor: ASSESSOR,
    catalogueIds: [PB],
  });
  for (const [catalogueId, controlId, status, rationale] of Q4_RESULTS.filter((r) => r[0] === PB)) {
    const [q2Status, q2Rationale] = Q2_DIFFERENCES[controlId] ?? [status, rationale];
    await call('assessment.setResult', { assessmentId: q2.id, catalogueId, controlId, status: q2Status, rationale: q2Rationale });
  }
  await addFindings(call, q2.id, Q2_FINDINGS);
  await call('assessment.setState', { id: q2.id, state: 'review' });
  // Q2 was finalised with some controls out of reach; the acknowledgement is in the audit log.
  await call('assessment.setState', { id: q2.id, state: 'final', acknowledgeIncomplete: true });
  return q2.id;
}

/**
 * Q4 starts from Q2 (carried forward); these baseline controls, unchanged since Q2, are
 * left as carried so the demo shows results that still need review.
 */
export const Q4_STILL_CARRIED = ['S.A.1', 'S.A.2', 'S.V.2'];

async function seedQ4(call: DemoCall, q2Id: string): Promise<string> {
  const q4 = await call('assessment.create', {
    name: 'Northwind Health – Q4 2026 platform review',
    client: CLIENT,
    scope:
      'Patient portal (portal.northwind.example) and its API, the Tines tenant that automates incident triage, and the Retool admin console used by support staff. Out of scope: the corporate network and physical offices.',
    periodStart: '2026-10-01',
    periodEnd: '2026-11-30',
    assessor: ASSESSOR,
    catalogueIds: [PB, TN, RT],
    carryFrom: q2Id,
  });
  for (const [catalogueId, controlId, status, rationale] of Q4_RESULTS) {
    if (catalogueId === PB && Q4_STILL_CARRIED.includes(controlId)) continue;
    await call('assessment.setResult', { assessmentId: q4.id, catalogueId, controlId, status, rationale });
  }
  for (const e of Q4_EVIDENCE) {
    const where = { assessmentId: q4.id, catalogueId: e.catalogueId, controlId: e.controlId, title: e.title };
    if (e.kind === 'note') await call('evidence.add', { ...where, kind: 'note', body: e.body });
    else if (e.kind === 'link') await call('evidence.add', { ...where, kind: 'link', url: e.url });
    else
      await call('evidence.add', {
        ...where,
        kind: 'file',
        file: { name: e.name, dataBase64: Buffer.from(e.text, 'utf8').toString('base64') },
      });
  }
  await addFindings(call, q4.id, Q4_FINDINGS);
  await call('assessment.setState', { id: q4.id, state: 'review' });
  return q4.id;
}

export const assessmentDemo: DemoSeeder = {
  name: 'two assessments of Northwind Health (Q2 final, Q4 in review) with results, evidence and findings',
  async seed({ core, dates }) {
    const call = demoCall(core, dates);
    // Q2 first, so the list (newest first) opens on Q4 and the comparison runs Q2 → Q4.
    await seedQ4(call, await seedQ2(call));
  },
};
