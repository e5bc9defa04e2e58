// The methodology section of engagement reports, in Attest's own words.
import type { EngagementReportModel } from './model';

export const METHODOLOGY: EngagementReportModel['methodology'] = {
  text:
    'Each control of the catalogues named in this report was assessed against what the assessor could see for themselves: ' +
    'documents and configuration exports supplied by the client, interviews with the people who run the systems, and, where the ' +
    "client approved it, live checks run from the assessor's workstation against an approved list of hosts.\n\n" +
    'A control is met when the evidence shows it working throughout the period, partially met when it works only in part or ' +
    'only for part of the period, and not met when it is missing or does not work. Controls that do not apply to the scope are ' +
    'marked not applicable and do not count towards the score.',
  steps: [
    { title: 'Scoping', text: 'The client and the assessor agreed the systems, the period and the catalogues before fieldwork began.' },
    {
      title: 'Evidence',
      text: 'Evidence was recorded against each control in an encrypted workspace; files carry their SHA-256 hash in the appendix.',
    },
    { title: 'Rating', text: 'Findings are rated by likelihood and impact on a five-point scale each; their product gives the severity.' },
    {
      title: 'Review and sign-off',
      text: 'The assessor reviewed every result before issue and signed the report digitally; any later change to the file breaks the signature.',
    },
  ],
};
