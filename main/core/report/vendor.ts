// Vendor review report: model -> pdfmake content (no I/O, no clock, no randomness).
import type { Content } from 'pdfmake/interfaces';
import { CONCLUSION_LABELS, formatScore } from '../../contract/vocabulary';
import { horizontalBarChart, scoreColor, scoreGauge } from './charts';
import { coverPage, tocPage } from './cover';
import type { RenderOptions, VendorReportModel, VendorTier } from './model';
import { signOffPage } from './signoff';
import { capitalise, cell, dataTable, heading, isoDay, keepWithNext, para, paragraphs, withHeading } from './theme';

const TIER_LABEL: Record<VendorTier, string> = {
  'tier-1': 'Tier 1 (critical)',
  'tier-2': 'Tier 2 (important)',
  'tier-3': 'Tier 3 (low impact)',
};

const DECISION_LABEL: Record<VendorReportModel['conclusion']['decision'], string> = {
  ...CONCLUSION_LABELS,
  pending: 'No conclusion recorded',
};

export function vendorContent(m: VendorReportModel, opts: RenderOptions, primary: string): Content[] {
  const v = m.vendor;
  const q = m.questionnaire;
  const previous = m.history.at(-1);
  const delta = previous?.score !== null && previous?.score !== undefined ? Math.round((q.score - previous.score) * 10) / 10 : undefined;
  return [
    coverPage({
      title: m.title,
      subtitle: `Vendor risk review of ${v.name}`,
      marking: m.classification,
      facts: [
        ['Vendor', v.name],
        ['Review', q.cycle],
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
        body: v.profile.map(([k, val]) => [cell(k, { bold: true }), cell(val)]),
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    },
    ...withHeading(heading('Tier', 2, { toc: true }), [
      { text: TIER_LABEL[m.tier], bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
      ...paragraphs(m.tierRationale),
    ]),
    heading('Questionnaire', 1, { toc: true, newPage: true }),
    { text: `${q.template}, version ${q.version} · review ${q.cycle}`, style: 'small', margin: [0, 0, 0, 6] },
    scoreGauge('Questionnaire score', q.score, scoreColor(q.score)),
    horizontalBarChart(
      'Score by section',
      q.sections.map((s) => ({
        label: s.title,
        value: s.score ?? 0,
        color: scoreColor(s.score ?? 0),
        ...(s.score === null ? { valueText: '—' } : {}),
      })),
      100,
    ),
    dataTable(
      ['Section', 'Scored questions', 'Score'],
      ['*', 80, 50],
      q.sections.map((s) => [
        cell(s.title),
        cell(String(s.scored), { alignment: 'right' }),
        cell(s.score === null ? '—' : formatScore(s.score), { alignment: 'right' }),
      ]),
    ),
    q.gaps.length
      ? keepWithNext(
          heading(`Gaps (${q.gaps.length})`, 2, { toc: true }),
          dataTable(
            ['Question', 'Question and answer', 'Expected'],
            [54, '*', 130],
            q.gaps.map((g) => [
              { stack: [cell(g.questionId), cell(g.section, { fontSize: 7, color: '#607D8B' })] },
              { stack: [cell(g.question, { bold: true }), cell(`Answer: ${g.answer}`, { italics: true })] },
              cell(g.expected),
            ]),
          ),
        )
      : { stack: [heading('Gaps', 2, { toc: true }), para('Every scored answer met the expected answer.')] },
    heading('Certifications', 1, { toc: true, newPage: true }),
    dataTable(
      ['Certification', 'Period', 'Expires', 'State'],
      ['*', 130, 70, 60],
      m.certifications.map((c) => [
        cell(c.name, { bold: true }),
        cell(c.period),
        cell(c.expires),
        cell(capitalise(c.state.replace(/-/g, ' ')), {
          bold: true,
          color: c.state === 'expired' ? '#C62828' : c.state === 'expiring' ? '#EF6C00' : '#2E7D32',
        }),
      ]),
    ),
    ...withHeading(heading('Year-over-year change', 2, { toc: true }), [
      para(
        delta === undefined
          ? 'This is the first scored review of this vendor.'
          : `The questionnaire score moved from ${formatScore(previous!.score!)} (${previous!.cycle}) to ${formatScore(q.score)} (${q.cycle}), a change of ${delta >= 0 ? '+' : ''}${formatScore(delta)} points.`,
      ),
      horizontalBarChart(
        'Score by review',
        [
          ...m.history.map((h) => ({
            label: h.cycle,
            value: h.score ?? 0,
            color: '#90A4AE',
            ...(h.score === null ? { valueText: '—' } : {}),
          })),
          { label: `${q.cycle} (this review)`, value: q.score, color: scoreColor(q.score) },
        ],
        100,
      ),
    ]),
    ...(m.history.length
      ? [
          dataTable(
            ['Review', 'Score', 'Decision'],
            [90, 50, '*'],
            m.history.map((h) => [cell(h.cycle), cell(h.score === null ? '—' : formatScore(h.score)), cell(h.decision)]),
          ),
        ]
      : []),
    heading('Conclusion', 1, { toc: true, newPage: true }),
    { text: DECISION_LABEL[m.conclusion.decision], fontSize: 14, bold: true, color: primary, margin: [0, 0, 0, 8] },
    ...paragraphs(m.conclusion.text),
    ...(m.conclusion.conditions.length
      ? [{ text: 'Conditions and follow-up', style: 'h3' } as Content, { ol: m.conclusion.conditions.map((c) => para(c)) } as Content]
      : []),
    ...signOffPage(m.signOff, opts.issuedAt, primary),
  ];
}
