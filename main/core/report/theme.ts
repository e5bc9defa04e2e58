// Page geometry, colours, styles, header and footer shared by every report kind.
import type { Content, ContextPageSize, DynamicContent, StyleDictionary } from 'pdfmake/interfaces';
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

/** The heading kept with the first of the blocks that follow it. */
export function withHeading(head: Content, blocks: Content[]): Content[] {
  return blocks.length ? [keepWithNext(head, blocks[0]!), ...blocks.slice(1)] : [head];
}

/**
 * Keeps a heading with what follows it, so no heading is left alone at the foot of a page.
 * (pdfmake's pageBreakBefore hook would do it by laying the whole document out again for
 * every moved heading, which tripled the time of a large report.) A table takes the
 * heading as its first header row, so the heading also repeats on the pages the table
 * continues on; anything else shares an unbreakable block with the heading.
 */
export function keepWithNext(head: Content, next: Content): Content {
  const n = next as {
    table?: { headerRows?: number; keepWithHeaderRows?: number; widths: unknown[]; body: Content[][] };
    unbreakable?: boolean;
    stack?: Content[];
  };
  if (n.table) {
    const cols = n.table.widths.length;
    const row: Content[] = [
      { stack: [head], colSpan: cols, border: [false, false, false, false], fillColor: null } as unknown as Content,
      ...Array.from({ length: cols - 1 }, () => ({ text: '' }) as Content),
    ];
    return { ...n, table: { ...n.table, headerRows: (n.table.headerRows ?? 0) + 1, body: [row, ...n.table.body] } } as Content;
  }
  if (n.unbreakable && n.stack) return { ...n, stack: [head, ...n.stack] } as Content;
  return { unbreakable: true, stack: [head, next] } as Content;
}

export function heading(text: string, level: 1 | 2 | 3, opts: { toc?: boolean; newPage?: boolean } = {}): Content {
  return {
    text,
    style: `h${level}`,
    headlineLevel: level,
    ...(opts.toc ? { tocItem: true, tocMargin: [level === 2 ? 14 : 0, 2, 0, 2] as [number, number, number, number] } : {}),
    ...(opts.newPage ? { pageBreak: 'before' as const } : {}),
  };
}

/** Text properties an inline run may set. */
export type InlineProps = Partial<
  Record<'font' | 'bold' | 'italics' | 'alignment' | 'fontSize' | 'color' | 'lineHeight' | 'characterSpacing', string | number | boolean>
>;

/**
 * One run of text. Table cells and body text use runs with their own properties instead
 * of named styles: pdfmake resolves every text property of every word through the style
 * stack, and a named style on that stack costs an allocation per lookup.
 */
export function inline(text: string, props: InlineProps = {}): Content {
  return { text, ...props } as Content;
}

/** Body text: 9.5 pt, 1.25 line height, 6 pt after. */
export function para(text: string, margin: [number, number, number, number] = [0, 0, 0, 6]): Content {
  return { text: [inline(text, { lineHeight: 1.25 })], margin } as Content;
}

/** A bold caption above a block, as the 'label' style. */
export function label(text: string, margin: [number, number, number, number]): Content {
  return { text: [inline(text, { fontSize: 8.5, bold: true, color: '#37474F' })], margin } as Content;
}

export function paragraphs(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => para(p));
}

export function pageHeader(title: string, marking: Classification, primary: string, draft = false): DynamicContent {
  return (currentPage: number): Content =>
    currentPage === 1
      ? { text: '' }
      : {
          margin: [MARGINS[0], 28, MARGINS[2], 0],
          columns: [
            { text: title, style: 'small', color: primary, bold: true },
            { text: draft ? `DRAFT · ${marking}` : marking, style: 'marking', alignment: 'right', width: 'auto' },
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
  // A heading kept with the table is an extra header row above the column titles: no rule above it.
  hLineWidth: (i: number, node: { table: { headerRows?: number; body: unknown[] } }) =>
    i < (node.table.headerRows ?? 1) - 1 ? 0 : i === (node.table.headerRows ?? 1) - 1 || i === node.table.body.length ? 0.6 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => '#CFD8DC',
  fillColor: (rowIndex: number, node: { table: { headerRows?: number } }) =>
    rowIndex >= (node.table.headerRows ?? 0) && (rowIndex - (node.table.headerRows ?? 0)) % 2 === 1 ? '#F5F7F9' : null,
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

export function cell(text: string, extra: InlineProps = {}): Content {
  return { text: [inline(text, { fontSize: 8.5, ...extra })] } as Content;
}
