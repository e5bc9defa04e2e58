// Equivalent HTML of the engagement report for the Chromium comparison: the same
// sections, tables (with repeated <thead>), bar charts as inline SVG, and text.
import type { EngagementReportModel } from '../../main/core/report/model';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function bars(rows: { label: string; value: number }[]): string {
  const h = rows.length * 14;
  return `<svg width="495" height="${h}">${rows
    .map(
      (r, i) =>
        `<text x="0" y="${i * 14 + 10}" font-size="9">${esc(r.label)}</text><rect x="170" y="${i * 14 + 2}" width="280" height="9" fill="#ECEFF1"/><rect x="170" y="${i * 14 + 2}" width="${(2.8 * r.value).toFixed(1)}" height="9" fill="#2E7D32"/><text x="460" y="${i * 14 + 10}" font-size="9">${Math.round(r.value)}</text>`,
    )
    .join('')}</svg>`;
}

export function engagementHtml(m: EngagementReportModel): string {
  const sections: string[] = [];
  sections.push(
    `<section class="cover"><h1>${esc(m.title)}</h1><p>${esc(m.client.name)}</p><p>${esc(m.scope)}</p><p class="mark">${m.classification}</p></section>`,
  );
  sections.push(
    `<h1>Executive summary</h1><p>Overall score ${m.executiveSummary.overallScore}</p>${m.executiveSummary.overview
      .split('\n\n')
      .map((p) => `<p>${esc(p)}</p>`)
      .join('')}`,
  );
  sections.push(`<h1>Methodology</h1><p>${esc(m.methodology.text)}</p>`);
  sections.push(
    `<h1>Findings</h1>${m.findings
      .map(
        (f) =>
          `<h3>${f.id} ${esc(f.title)}</h3><p><b>${f.severity}</b> ${f.controls.join(', ')}</p><p>${esc(f.description)}</p><p>${esc(f.impact)}</p><p>${esc(f.recommendation)}</p>`,
      )
      .join('')}`,
  );
  for (const c of m.catalogues) {
    sections.push(
      `<h2>${esc(c.title)}</h2>${bars(c.categories.map((k) => ({ label: k.name, value: k.score ?? 0 })))}` +
        `<table><thead><tr><th>Control</th><th>Title</th><th>Result</th><th>Weight</th><th>Note</th></tr></thead><tbody>${c.controls
          .map(
            (r) =>
              `<tr><td>${r.controlId}</td><td>${esc(r.title)}</td><td>${r.status}</td><td>${r.weight}</td><td>${esc(r.note ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    );
  }
  sections.push(
    `<h1>Appendix</h1><table><thead><tr><th>ID</th><th>Evidence</th><th>SHA-256</th></tr></thead><tbody>${m.appendix.evidence.map((e) => `<tr><td>${e.id}</td><td>${esc(e.title)}</td><td>${e.sha256 ?? ''}</td></tr>`).join('')}</tbody></table>`,
  );
  sections.push(`<h1>Sign-off</h1><p>${esc(m.signOff.statement)}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body{font-family:Roboto,Arial,sans-serif;font-size:9.5pt;color:#263238}
    h1{page-break-before:always;color:#1F3A5F} .cover h1{page-break-before:avoid}
    table{width:100%;border-collapse:collapse;font-size:8.5pt} thead{display:table-header-group}
    th{background:#1F3A5F;color:#fff;text-align:left} td,th{padding:3px 4px;border-bottom:0.3pt solid #CFD8DC}
    tr{page-break-inside:avoid} td:nth-child(3){word-break:break-all}
  </style></head><body>${sections.join('\n')}</body></html>`;
}
