// Cover page and table of contents, shared by both report kinds.
import type { Content } from 'pdfmake/interfaces';
import type { Branding, Classification } from './model';
import { CONTENT_WIDTH, cell } from './theme';

export interface CoverInput {
  title: string;
  subtitle: string;
  marking: Classification;
  /** Why the report is a draft (e.g. "the assessment was in review, not final"): printed large on the cover. */
  draft?: string;
  facts: [string, string][];
  branding: Branding | undefined;
  primary: string;
}

export function coverPage(c: CoverInput): Content {
  const logo: Content[] = c.branding?.logo
    ? [{ image: 'logo', fit: [160, 60], margin: [0, 0, 0, 30] }]
    : [{ text: c.branding?.organisation ?? '', fontSize: 14, bold: true, color: c.primary, margin: [0, 0, 0, 30] }];
  return {
    stack: [
      ...logo,
      { canvas: [{ type: 'rect', x: 0, y: 0, w: CONTENT_WIDTH, h: 6, color: c.primary }], margin: [0, 40, 0, 24] },
      { text: c.title, style: 'coverTitle', margin: [0, 0, 0, 8] },
      { text: c.subtitle, style: 'coverSub', margin: [0, 0, 0, c.draft ? 16 : 40] },
      ...(c.draft
        ? ([
            { text: 'DRAFT', fontSize: 28, bold: true, color: '#B71C1C', characterSpacing: 6, margin: [0, 0, 0, 4] },
            {
              text: `Not final: ${c.draft}. Results and findings may still change.`,
              fontSize: 10,
              color: '#B71C1C',
              margin: [0, 0, 0, 24],
            },
          ] as Content[])
        : []),
      {
        table: { widths: [90, '*'], body: c.facts.map(([k, v]) => [cell(k, { bold: true, fontSize: 10 }), cell(v, { fontSize: 10 })]) },
        layout: 'lightHorizontalLines',
      },
      {
        text: c.marking,
        alignment: 'center',
        fontSize: 14,
        bold: true,
        color: '#B71C1C',
        characterSpacing: 3,
        margin: [0, 60, 0, 0],
      },
      {
        text: `Distribution of this report is limited to the classification marked above.`,
        alignment: 'center',
        style: 'small',
        margin: [0, 4, 0, 0],
      },
    ],
  };
}

export function tocPage(): Content {
  return {
    pageBreak: 'before',
    toc: { title: { text: 'Contents', style: 'h1' }, numberStyle: { bold: true } },
  } as Content;
}
