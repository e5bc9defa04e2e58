// Vendor review report: model -> pdfmake content (no I/O, no clock, no randomness).
import type { Content } from 'pdfmake/interfaces';
import { horizontalBarChart, scoreColor, scoreGauge } from './charts';
import { coverPage, tocPage } from './cover';
import type { RenderOptions, VendorReportModel, VendorTier } from './model';
import { signOffPage } from './signoff';
import { SEVERITY_COLOR, capitalise, cell, dataTable, heading, isoDay, paragraphs } from './theme';

const TIER_LABEL: Record<VendorTier, string> = {
  'tier-1': 'Tier 1 (critical)',
  'tier-2': 'Tier 2 (important)',
  'tier-3': 'Tier 3 (low impact)',
};

const DECISION_LABEL: Record<VendorReportModel['conclusion']['decision'], string> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  rejected: 'Rejected',
};

export function vendorContent(m: VendorReportModel, opts: RenderOptions, primary: string): Content[] {
  const v = m.vendor;
  const q = m.questionnaire;
  const previous = m.history.at(-1);
  const delta = previous ? q.score - previous.score : undefined;
  return [
    coverPage({
      title: m.title,
      subtitle: `Vendor risk review of ${v.name}`,
      marking: m.classification,
      facts: [
        ['Vendor', `${v.name} (${v.legalName})`],
        ['Tier', TIER_LABEL[m.tier]],
        ['Decision', DECISION_LABEL[m.conclusion.decision]],
        ['Reviewer', `${m.reviewer.name}, ${m.reviewer.organisation}`],
        ['Review date', isoDay(m.reviewDate)],
        ['Report', m.reportId],
      ],
      branding: opts.branding,
      primary,
    }),
    tocPage(),
    heading('Vendor profile', 1, { toc: true, newPage: true }),
    {
      table: {
        widths: [110, '*'],
        body: (
          [
            ['Legal name', v.legalName],
            ['Country', v.country],
            ['Website', v.website],
            ['Services', v.services],
            ['Data access', v.dataAccess],
            ['Contact', v.contact ? `${v.contact.name}, ${v.contact.role ?? ''} ${v.contact.email ?? ''}`.trim() : '—'],
          ] as [string, string][]
        ).map(([k, val]) => [cell(k, { bold: true }), cell(val)]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    },
    heading('Tier', 2, { toc: true }),
    { text: TIER_LABEL[m.tier], bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
    ...paragraphs(m.tierRationale),
    heading('Questionnaire', 1, { toc: true, newPage: true }),
    { text: `${q.template}, version ${q.version}`, style: 'small', margin: [0, 0, 0, 6] },
    scoreGauge('Questionnaire score', q.score, scoreColor(q.score)),
    horizontalBarChart(
      'Score by section',
      q.sections.map((s) => ({ label: s.title, value: s.score, color: scoreColor(s.score) })),
      100,
    ),
    dataTable(
      ['Section', 'Answered', 'Score'],
      ['*', 70, 50],
      q.sections.map((s) => [cell(s.title), cell(`${s.answered} / ${s.total}`), cell(String(s.score), { alignment: 'right' })]),
    ),
    heading(`Gaps (${q.gaps.length})`, 2, { toc: true }),
    dataTable(
      ['ID', 'Question and answer', 'Severity', 'Follow-up'],
      [40, '*', 50, 150],
      q.gaps.map((g) => [
        cell(g.questionId),
        { stack: [{ text: g.question, bold: true, fontSize: 8.5 }, { text: g.answer, fontSize: 8.5, italics: true }] },
        cell(capitalise(g.severity), { bold: true, color: SEVERITY_COLOR[g.severity] }),
        cell(g.followUp),
      ]),
    ),
    heading('Certifications', 1, { toc: true, newPage: true }),
    dataTable(
      ['Certification', 'Issuer', 'Valid until', 'Scope', 'Verified'],
      [90, 80, 56, '*', 44],
      m.certifications.map((c) => [
        cell(c.name, { bold: true }),
        cell(c.issuer),
        cell(isoDay(c.validUntil)),
        cell(c.scope),
        cell(c.verified ? 'Yes' : 'No', { color: c.verified ? '#2E7D32' : '#C62828', bold: true }),
      ]),
    ),
    heading('Year-over-year change', 2, { toc: true }),
    {
      text:
        delta === undefined
          ? 'This is the first review of this vendor.'
          : `The questionnaire score moved from ${previous!.score} (${previous!.year}) to ${q.score} (${isoDay(m.reviewDate).slice(0, 4)}), a change of ${delta >= 0 ? '+' : ''}${delta} points.`,
      style: 'body',
    },
    horizontalBarChart(
      'Score by year',
      [
        ...m.history.map((h) => ({ label: `${h.year} · ${TIER_LABEL[h.tier]}`, value: h.score, color: '#90A4AE' })),
        { label: `${isoDay(m.reviewDate).slice(0, 4)} · ${TIER_LABEL[m.tier]} (this review)`, value: q.score, color: scoreColor(q.score) },
      ],
      100,
    ),
    dataTable(
      ['Year', 'Score', 'Tier', 'Decision'],
      [50, 50, 120, '*'],
      m.history.map((h) => [cell(String(h.year)), cell(String(h.score)), cell(TIER_LABEL[h.tier]), cell(h.decision)]),
    ),
    heading('Conclusion', 1, { toc: true, newPage: true }),
    { text: DECISION_LABEL[m.conclusion.decision], fontSize: 14, bold: true, color: primary, margin: [0, 0, 0, 8] },
    ...paragraphs(m.conclusion.text),
    ...(m.conclusion.conditions.length
      ? [{ text: 'Conditions', style: 'h3' } as Content, { ol: m.conclusion.conditions.map((c) => ({ text: c, style: 'body' })) } as Content]
      : []),
    ...signOffPage(m.signOff, opts.issuedAt, primary),
  ];
}
