// Renders one part of a report (some of its chapters) for joining with the other parts.
// Every worker builds the whole document definition and the same plan from the same
// model, lays out only its chapters, and reports how many pages each took and where its
// headings landed. Page numbers in headers and footers ("Page 12 of 163") and in the
// table of contents are known only once every part is laid out, so the layout pauses
// there (`numbering` answers synchronously: pdfmake's layout is synchronous) and then
// adds headers and footers with the report's numbers and draws the pages.
import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { chapterCost, chaptersOf, planParts } from './chapters';
import type { ReportModel, RenderOptions } from './model';
import { renderDefinition, reportDocument, type ProgressListener } from './render';

const require = createRequire(import.meta.url);

export interface PartRequest {
  model: ReportModel;
  options: RenderOptions;
  part: number;
  parts: number;
}

/** What a part reports after its layout. */
export interface LaidOut {
  /** Chapters of the whole report (every part computes the same). */
  chapterCount: number;
  /** This part's chapters: index in the report, first page in this part (1-based), page count. */
  chapters: { chapter: number; firstPage: number; pages: number }[];
  /** Pages of this part. */
  pageCount: number;
  /** Each heading listed in the table of contents that this part holds: its page in this part. */
  headings: { id: string; page: number }[];
}

/** The report's numbers for a part, worked out from every part's LaidOut. */
export interface Numbering {
  /** The report's page number of each of this part's pages. */
  pages: number[];
  total: number;
  /** Report page number of each table-of-contents heading, by destination id. */
  headings: Record<string, number>;
}

interface PageRef {
  positions: { pageNumber: number }[];
}
interface TocItem {
  _nodeRef: { positions: PageRef['positions'] };
  _textNodeRef: { id: string; text: string; tocStyle?: unknown; tocMargin?: number[]; tocNumberStyle?: unknown };
}
interface TocNode {
  toc: { title: Content | null; _items: TocItem[]; textStyle?: unknown; numberStyle?: unknown; textMargin?: number[] };
}
interface Builder {
  writer: { context(): { pages: unknown[] } };
  docPreprocessor: { tocs: Record<string, { toc: { _items: TocItem[] } } | undefined> };
}
type Repeatable = ((page: number, count: number, size: unknown) => unknown) | undefined;
interface LayoutBuilderClass {
  prototype: Builder & { addHeadersAndFooters(this: Builder, header: Repeatable, footer: Repeatable): void };
}
interface Preprocessor {
  tocs: Record<string, (TocNode & { toc: { _pseudo?: boolean } }) | undefined>;
  preprocessDocument(content: unknown): unknown;
}

/** Called between layout and headers/footers while a part renders; null otherwise. */
let pausing: ((builder: Builder, header: Repeatable, footer: Repeatable) => [Repeatable, Repeatable]) | null = null;

let hooked = false;
function hookLayout(): void {
  if (hooked) return;
  hooked = true;
  const LayoutBuilder = (require('pdfmake/js/LayoutBuilder') as { default: LayoutBuilderClass }).default;
  const original = LayoutBuilder.prototype.addHeadersAndFooters;
  LayoutBuilder.prototype.addHeadersAndFooters = function addHeadersAndFooters(header, footer) {
    if (!pausing) return original.call(this, header, footer);
    const [h, f] = pausing(this, header, footer);
    return original.call(this, h, f);
  };
}

/**
 * The table of contents as pdfmake builds it (DocMeasure.measureToc), written out, so a
 * part can hold it without the headings it lists: each number is filled in from `refs`.
 */
function writtenToc(node: TocNode, refs: Map<string, PageRef>): Content {
  const toc = node.toc;
  const textStyle = toc.textStyle ?? {};
  const numberStyle = toc.numberStyle ?? textStyle;
  const textMargin = toc.textMargin ?? [0, 0, 0, 0];
  const body = toc._items.map((item) => {
    const t = item._textNodeRef;
    const margin = t.tocMargin ?? textMargin;
    const ref: PageRef = { positions: [{ pageNumber: 0 }] };
    refs.set(t.id, ref);
    return [
      { text: t.text, linkToDestination: t.id, alignment: 'left', style: t.tocStyle ?? textStyle, margin },
      {
        text: '00000',
        linkToDestination: t.id,
        alignment: 'right',
        _tocItemRef: ref,
        style: t.tocNumberStyle ?? numberStyle,
        margin: [0, margin[1], 0, margin[3]],
      },
    ];
  });
  const stack: Content[] = [];
  if (toc.title) stack.push(toc.title);
  if (body.length) stack.push({ table: { dontBreakRows: true, widths: ['*', 'auto'], body }, layout: 'noBorders' } as Content);
  return { stack } as Content;
}

/** The plan every part computes: chapters of the document and which part lays out which. */
export function partPlan(doc: TDocumentDefinitions, parts: number): { chapters: Content[][]; plan: number[][] } {
  const chapters = chaptersOf(doc.content as Content[]);
  return { chapters, plan: planParts(chapters.map(chapterCost), parts) };
}

interface PartContent {
  chapterCount: number;
  /** This part's chapters, by index in the report. */
  mine: number[];
  content: Content[];
  /** The first node of each of this part's chapters (its positions say where the chapter starts). */
  firstNodes: { positions?: PageRef['positions'] }[];
  /** The table of contents' page numbers to fill in, by heading id (in the part that holds it). */
  refs: Map<string, PageRef>;
}

/** This part's chapters out of the whole document (the rest is left for the collector). */
function partContent(doc: TDocumentDefinitions, req: PartRequest): PartContent {
  const { chapters, plan } = partPlan(doc, req.parts);
  const mine = plan[req.part] ?? [];
  // Ids and table-of-contents entries as pdfmake gives them for the whole document, so
  // every part names its headings' destinations as the whole document would.
  const DocPreprocessor = (require('pdfmake/js/DocPreprocessor') as { default: new () => Preprocessor }).default;
  new DocPreprocessor().preprocessDocument(doc.content);
  const refs = new Map<string, PageRef>();
  const firstNodes: { positions?: PageRef['positions'] }[] = [];
  const content: Content[] = [];
  mine.forEach((index, k) => {
    const nodes = chapters[index]!.map((n) => ((n as Partial<TocNode>).toc ? writtenToc(n as TocNode, refs) : n));
    // The part's first chapter starts its first page; a break before it would leave a blank one.
    const first = nodes[0] as { pageBreak?: string };
    if (k === 0) delete first.pageBreak;
    else first.pageBreak = 'before';
    firstNodes.push(first as { positions?: PageRef['positions'] });
    content.push(...nodes);
  });
  return { chapterCount: chapters.length, mine, content, firstNodes, refs };
}

/** Renders one part; null when the plan gives this part no chapter. */
export async function renderPart(
  req: PartRequest,
  numbering: (laidOut: LaidOut) => Numbering,
  onProgress?: ProgressListener,
): Promise<Uint8Array | null> {
  hookLayout();
  const doc = reportDocument(req.model, req.options);
  const { chapterCount, mine, content, firstNodes, refs } = partContent(doc, req);
  if (mine.length === 0) {
    numbering({ chapterCount, chapters: [], pageCount: 0, headings: [] });
    return null;
  }
  doc.content = content;

  pausing = (builder, header, footer) => {
    pausing = null;
    const pageCount = builder.writer.context().pages.length;
    const starts = firstNodes.map((n) => n.positions?.[0]?.pageNumber ?? 0);
    const items = builder.docPreprocessor.tocs._default_?.toc._items ?? [];
    const n = numbering({
      chapterCount,
      chapters: mine.map((chapter, k) => ({
        chapter,
        firstPage: starts[k]!,
        pages: (k + 1 < starts.length ? starts[k + 1]! : pageCount + 1) - starts[k]!,
      })),
      pageCount,
      headings: items.map((i) => ({ id: i._textNodeRef.id, page: i._nodeRef.positions[0]!.pageNumber })),
    });
    for (const [id, ref] of refs) {
      const page = n.headings[id];
      if (page === undefined) throw new Error(`no page for heading ${id}`);
      ref.positions[0]!.pageNumber = page;
    }
    const global = (fn: Repeatable): Repeatable =>
      fn && ((page: number, _count: number, size: unknown) => fn(n.pages[page - 1]!, n.total, size));
    return [global(header), global(footer)];
  };
  try {
    return await renderDefinition(doc, onProgress);
  } finally {
    pausing = null;
  }
}

/** Works out every part's numbering from what each part laid out (indexed by part). */
export function numberParts(laidOut: LaidOut[]): Numbering[] {
  const chapterCount = laidOut[0]?.chapterCount ?? 0;
  const pagesOf: number[] = new Array(chapterCount).fill(-1);
  for (const l of laidOut) for (const c of l.chapters) pagesOf[c.chapter] = c.pages;
  if (pagesOf.some((p) => p < 0) || laidOut.some((l) => l.chapterCount !== chapterCount))
    throw new Error('the parts do not cover the report');
  const startOf: number[] = [];
  let total = 0;
  for (let c = 0; c < chapterCount; c++) {
    startOf[c] = total + 1;
    total += pagesOf[c]!;
  }
  const toReport = (l: LaidOut, local: number) => {
    const c = [...l.chapters].reverse().find((x) => x.firstPage <= local)!;
    return startOf[c.chapter]! + (local - c.firstPage);
  };
  const headings: Record<string, number> = {};
  for (const l of laidOut) for (const h of l.headings) headings[h.id] = toReport(l, h.page);
  return laidOut.map((l) => ({
    pages: Array.from({ length: l.pageCount }, (_, i) => toReport(l, i + 1)),
    total,
    headings,
  }));
}
