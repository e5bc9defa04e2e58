// Engagement report: model -> pdfmake content (no I/O, no clock, no randomness).
import type { Content } from 'pdfmake/interfaces';
import { columnChart, horizontalBarChart, scoreColor, scoreGauge } from './charts';
import type { CatalogueResults, ControlStatus, EngagementReportModel, Finding, RenderOptions } from './model';
import { SEVERITIES } from './model';
import { signOffPage } from './signoff';
import {
  SEVERITY_COLOR,
  STATUS_COLOR,
  STATUS_LABEL,
  capitalise,
  cell,
  dataTable,
  heading,
  inline,
  keepWithNext,
  withHeading,
  isoDay,
  label,
  para,
  paragraphs,
} from './theme';
import { coverPage, tocPage } from './cover';
import { groupBy } from '../collections';
import { FINDING_STATUS_LABELS, formatScore } from '../../contract/vocabulary';

export function engagementContent(m: EngagementReportModel, opts: RenderOptions, primary: string): Content[] {
  return [
    coverPage({
      title: m.title,
      subtitle: `Security assessment of ${m.client.name}`,
      marking: m.classification,
      ...(m.draftState
        ? { draft: `the assessment was ${m.draftState === 'review' ? 'in review' : 'a draft'} when this report was issued` }
        : {}),
      facts: [
        ['Client', m.client.name],
        ['Scope', m.scope],
        ['Period', `${isoDay(m.period.from)} to ${isoDay(m.period.to)}`],
        ['Assessor', `${m.assessor.name}, ${m.assessor.organisation}`],
        ['Report', m.reportId],
        ['Issued', isoDay(opts.issuedAt)],
      ],
      branding: opts.branding,
      primary,
    }),
    tocPage(),
    ...executiveSummary(m),
    heading('Methodology', 1, { toc: true, newPage: true }),
    ...paragraphs(m.methodology.text),
    ...m.methodology.steps.map(
      (s, i) => ({ unbreakable: true, stack: [heading(`${i + 1}. ${s.title}`, 3), ...paragraphs(s.text)] }) as Content,
    ),
    ...findingsSection(m.findings),
    ...controlsSection(m.catalogues),
    ...appendix(m),
    ...signOffPage(m.signOff, opts.issuedAt, primary),
  ];
}

function severityCounts(findings: Finding[]) {
  return SEVERITIES.map((s) => ({ severity: s, count: findings.filter((f) => f.severity === s).length }));
}

function executiveSummary(m: EngagementReportModel): Content[] {
  const es = m.executiveSummary;
  const allControls = m.catalogues.flatMap((c) => c.controls);
  const statusCounts = (Object.keys(STATUS_LABEL) as ControlStatus[]).map((s) => ({
    label: STATUS_LABEL[s],
    value: allControls.filter((c) => c.status === s).length,
    color: STATUS_COLOR[s],
  }));
  return [
    heading('Executive summary', 1, { toc: true, newPage: true }),
    scoreGauge('Overall score', es.overallScore, scoreColor(es.overallScore ?? 0)),
    ...paragraphs(es.overview),
    columnChart(
      `Findings by severity (${m.findings.length} in total)`,
      severityCounts(m.findings).map((c) => ({ label: capitalise(c.severity), value: c.count, color: SEVERITY_COLOR[c.severity] })),
    ),
    horizontalBarChart(`Control results (${allControls.length} controls)`, statusCounts, Math.max(1, allControls.length), 110),
    ...withHeading(
      heading('Top risks', 2, { toc: true }),
      es.topRisks.length
        ? es.topRisks.map((r, i): Content => ({
            unbreakable: true,
            margin: [0, 0, 0, 6],
            stack: [
              {
                text: [
                  inline(`${i + 1}. ${r.title}  `, { bold: true, fontSize: 10 }),
                  inline(r.severity.toUpperCase(), { bold: true, fontSize: 8, color: SEVERITY_COLOR[r.severity] }),
                ],
              },
              para(r.summary),
            ],
          }))
        : [para('No open finding of medium severity or above.')],
    ),
  ];
}

function findingsSection(findings: Finding[]): Content[] {
  const out: Content[] = [heading('Findings', 1, { toc: true, newPage: true })];
  out.push(
    dataTable(
      ['ID', 'Title', 'Severity', 'Status'],
      [52, '*', 56, 62],
      findings.map((f) => [
        cell(f.id),
        cell(f.title),
        cell(capitalise(f.severity), { color: SEVERITY_COLOR[f.severity], bold: true }),
        cell(FINDING_STATUS_LABELS[f.status]),
      ]),
    ),
  );
  for (const sev of SEVERITIES) {
    const group = findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out.push(...withHeading(heading(`${capitalise(sev)} severity (${group.length})`, 2, { toc: true }), group.flatMap(findingDetail)));
  }
  return out;
}

function findingDetail(f: Finding): Content[] {
  const meta = (name: string, value: string): Content => ({
    text: [inline(`${name}: `, { fontSize: 8.5, bold: true, color: '#37474F' }), inline(value, { fontSize: 8.5 })],
    margin: [0, 0, 0, 2],
  });
  return [
    {
      unbreakable: true,
      stack: [
        {
          table: {
            widths: [4, '*'],
            body: [
              [
                { text: '', fillColor: SEVERITY_COLOR[f.severity] },
                { text: `${f.id}  ${f.title}`, bold: true, fontSize: 10.5, margin: [4, 2, 0, 2] },
              ],
            ],
          },
          layout: 'noBorders',
          margin: [0, 10, 0, 4],
        },
        {
          columns: [
            meta('Severity', capitalise(f.severity)),
            meta('Status', FINDING_STATUS_LABELS[f.status]),
            meta('Controls', f.controls.join(', ') || '—'),
          ],
        },
        meta('Evidence', f.evidenceIds.join(', ') || '—'),
        label('Description', [0, 4, 0, 1]),
        ...paragraphs(f.description),
      ],
    },
    label('Impact', [0, 2, 0, 1]),
    ...paragraphs(f.impact),
    label('Recommendation', [0, 2, 0, 1]),
    ...paragraphs(f.recommendation),
  ];
}

function controlsSection(catalogues: CatalogueResults[]): Content[] {
  const out: Content[] = [heading('Control results', 1, { toc: true, newPage: true })];
  for (const cat of catalogues) {
    const byCategory = groupBy(cat.controls, (c) => c.category);
    const intro: Content[] = [];
    intro.push({
      text: `Version ${cat.version} · ${cat.controls.length} controls · score ${cat.score === null ? 'not yet scored' : `${formatScore(cat.score)} / 100`} · catalogue hash ${cat.hash.slice(0, 16)}…`,
      style: 'small',
      margin: [0, 0, 0, 6],
    });
    intro.push(
      horizontalBarChart(
        'Score by category',
        cat.categories.map((c) => ({
          label: c.name,
          value: c.score ?? 0,
          color: scoreColor(c.score ?? 0),
          ...(c.score === null ? { valueText: '—' } : {}),
        })),
        100,
      ),
    );
    out.push({ unbreakable: true, stack: [heading(cat.title, 2, { toc: true }), ...intro] } as Content);
    for (const [name, cs] of byCategory) {
      out.push(
        keepWithNext(
          heading(`${name} (${cs.length})`, 3),
          dataTable(
            ['Control', 'Title', 'Result', 'Weight', 'Note'],
            [48, '*', 60, 34, 150],
            cs.map((c) => [
              cell(c.controlId),
              cell(c.title),
              cell(STATUS_LABEL[c.status], { color: STATUS_COLOR[c.status], bold: true }),
              cell(String(c.weight), { alignment: 'right' }),
              cell(c.note ?? ''),
            ]),
          ),
        ),
      );
      // The source's own parts (objectives, added requirements) of each assessed control.
      for (const c of cs.filter((x) => x.parts?.length)) {
        out.push({
          stack: [
            { text: `${c.controlId} ${c.title}`, bold: true, margin: [0, 6, 0, 2] },
            ...c.parts!.flatMap((p) => [{ text: p.title, italics: true }, ...paragraphs(p.text)]),
          ],
        } as Content);
      }
    }
  }
  return out;
}

const OUTCOME_LABEL: Record<EngagementReportModel['appendix']['liveChecks'][number]['outcome'], string> = {
  pass: 'Pass',
  fail: 'Fail',
  warn: 'Warning',
  'could-not-verify': 'Not verified',
  error: 'Error',
};

function appendix(m: EngagementReportModel): Content[] {
  return [
    heading('Appendix', 1, { toc: true, newPage: true }),
    keepWithNext(
      heading('Evidence', 2, { toc: true }),
      dataTable(
        ['Control', 'Evidence', 'Kind', 'Collected', 'SHA-256'],
        [70, '*', 44, 56, 120],
        m.appendix.evidence.map((e) => [
          cell(e.control),
          { stack: [{ text: e.title, bold: true, fontSize: 8.5 }, ...(e.description ? [{ text: e.description, fontSize: 8 }] : [])] },
          cell(capitalise(e.kind)),
          cell(isoDay(e.collectedAt)),
          // Hex has no break points: split it in two lines.
          cell(e.sha256 ? `${e.sha256.slice(0, 32)}\n${e.sha256.slice(32)}` : '—', { fontSize: 6.5 }),
        ]),
      ),
    ),
    keepWithNext(
      heading('Live-check results', 2, { toc: true }),
      dataTable(
        ['Check', 'Target', 'Ran', 'Outcome', 'Observation'],
        [74, 118, 50, 50, '*'],
        m.appendix.liveChecks.map((c) => [
          {
            stack: [
              { text: c.title, bold: true, fontSize: 8.5 },
              ...(c.checkId !== c.title ? [{ text: c.checkId, fontSize: 7, color: '#607D8B' }] : []),
            ],
          },
          cell(c.host.replace(/^https?:\/\//, '').replace(/\/$/, '')),
          cell(isoDay(c.ranAt)),
          cell(OUTCOME_LABEL[c.outcome], {
            bold: true,
            color: c.outcome === 'pass' ? STATUS_COLOR.met : c.outcome === 'fail' ? STATUS_COLOR['not-met'] : STATUS_COLOR.partial,
          }),
          cell(c.observation),
        ]),
      ),
    ),
  ];
}
