// Page geometry, colours, styles, header and footer shared by every report kind.
import type { Content, ContextPageSize, DynamicContent, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { STATUS_LABELS } from '../../contract/vocabulary';
import type { Branding, Classification, ControlStatus, Severity } from './model';

export const PAGE = { width: 595.28, height: 841.89 } as const; // A4 in points
export const MARGINS: [number, number, number, number] = [50, 72, 50, 60];
export const CONTENT_WIDTH = PAGE.width - MARGINS[0] - MARGINS[2];

/**
 * Where the visible signature block sits on the sign-off page, in points from the
 * page's top-left corner (pdfmake's coordinates). The signer places the signature
 * widget over exactly this box; the renderer leaves it empty apart from a frame.
 */
export const SIGNATURE_BOX = { x: MARGINS[0], y: 520, width: CONTENT_WIDTH, height: 130 } as const;

export const DEFAULT_PRIMARY = '#1F3A5F';

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#7A0019',
  high: '#C62828',
  medium: '#EF6C00',
  low: '#F9A825',
  info: '#1565C0',
};

export const STATUS_COLOR: Record<ControlStatus, string> = {
  met: '#2E7D32',
  partial: '#F9A825',
  'not-met': '#C62828',
  'not-applicable': '#78909C',
  'not-assessed': '#B0BEC5',
};

/** The app's own labels, so the report says what the screens say. */
export const STATUS_LABEL: Record<ControlStatus, string> = STATUS_LABELS;

export function primaryColor(branding: Branding | undefined): string {
  const c = branding?.primaryColor;
  return c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : DEFAULT_PRIMARY;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Date only, in UTC, so the printed text does not depend on the machine's zone. */
export function isoDay(d: Date | string): string {
  return (typeof d === 'string' ? new Date(d) : d).toISOString().slice(0, 10);
}

export function styles(primary: string): StyleDictionary {
  return {
    h1: { fontSize: 18, bold: true, color: primary, margin: [0, 0, 0, 10] },
    h2: { fontSize: 13.5, bold: true, color: primary, margin: [0, 14, 0, 6] },
    h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
    body: { fontSize: 9.5, lineHeight: 1.25, margin: [0, 0, 0, 6] },
    small: { fontSize: 8, color: '#455A64' },
    label: { fontSize: 8.5, bold: true, color: '#37474F' },
    tableHeader: { fontSize: 8.5, bold: true, color: '#FFFFFF', fillColor: primary },
    tableCell: { fontSize: 8.5 },
    coverTitle: { fontSize: 28, bold: true, color: primary },
    coverSub: { fontSize: 13, color: '#37474F' },
    marking: { fontSize: 8, bold: true, color: '#B71C1C', characterSpacing: 1 },
  };
}

/**
 * Level-1 headings start a new page; a level-2 or level-3 heading that would be the last thing
 * on its page (orphaned above a table or text that moved on) moves to the next page.
 */
export const pageBreakBefore: NonNullable<TDocumentDefinitions['pageBreakBefore']> = (node, queries) => {
  if (node.headlineLevel === undefined || node.headlineLevel < 2) return false;
  // A heading in the last tenth of the page would sit alone above content that moved on.
  const ratio = (node as { startPosition?: { verticalRatio?: number } }).startPosition?.verticalRatio ?? 0;
  if (ratio > 0.9) return true;
  return queries.getFollowingNodesOnPage().length === 0 && queries.getNodesOnNextPage().length > 0;
};

export function heading(text: string, level: 1 | 2 | 3, opts: { toc?: boolean; newPage?: boolean } = {}): Content {
  return {
    text,
    style: `h${level}`,
    headlineLevel: level,
    ...(opts.toc ? { tocItem: true, tocMargin: [level === 2 ? 14 : 0, 2, 0, 2] as [number, number, number, number] } : {}),
    ...(opts.newPage ? { pageBreak: 'before' as const } : {}),
  };
}

export function paragraphs(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ text: p, style: 'body' }));
}

export function pageHeader(title: string, marking: Classification, primary: string): DynamicContent {
  return (currentPage: number): Content =>
    currentPage === 1
      ? { text: '' }
      : {
          margin: [MARGINS[0], 28, MARGINS[2], 0],
          columns: [
            { text: title, style: 'small', color: primary, bold: true },
            { text: marking, style: 'marking', alignment: 'right', width: 'auto' },
          ],
        };
}

export function pageFooter(footerText: string, reportId: string): DynamicContent {
  return (currentPage: number, pageCount: number, _size: ContextPageSize): Content => ({
    margin: [MARGINS[0], 20, MARGINS[2], 0],
    columns: [
      { text: `${footerText}  ·  ${reportId}`, style: 'small' },
      { text: `Page ${currentPage} of ${pageCount}`, style: 'small', alignment: 'right', width: 'auto' },
    ],
  });
}

export const zebraLayout = {
  hLineWidth: (i: number, node: { table: { headerRows?: number; body: unknown[] } }) =>
    i === 0 || i === node.table.body.length ? 0.6 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => '#CFD8DC',
  fillColor: (rowIndex: number, node: { table: { headerRows?: number } }) =>
    rowIndex >= (node.table.headerRows ?? 0) && rowIndex % 2 === 0 ? '#F5F7F9' : null,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A table whose header row repeats on every page it spans. */
export function dataTable(headers: string[], widths: (number | string)[], rows: Content[][]): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [headers.map((h) => ({ text: h, style: 'tableHeader' })), ...rows],
    },
    layout: zebraLayout,
    margin: [0, 2, 0, 10],
  } as Content;
}

export function cell(text: string, extra: Record<string, unknown> = {}): Content {
  return { text, style: 'tableCell', ...extra } as Content;
}
