// Fewer text operators per line. pdfmake draws every word of a line as its own text
// object (save, transform, BT, Tm, Tf, TJ, ET, restore, plus colour and opacity): about a
// third of the drawing time of a large report. Words that follow each other on a line
// with the same font, size, colour and opacity, and nothing else attached (links,
// destinations, page references, letter spacing, raised or lowered text, font features),
// are drawn as one text object starting where the first word starts. pdfmake placed each
// word at the sum of the widths before it, which is where the glyph advances of the joined
// run put it, so the page shows the same glyphs at the same places (the report tests
// compare text, word boxes and pixels with and without this).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Inline {
  text: string;
  x: number;
  width: number;
  font: { ascender: number };
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  fontFeatures?: unknown;
  sup?: boolean;
  sub?: boolean;
  _pageNodeRef?: unknown;
}
interface Line {
  id?: string;
  inlines: Inline[];
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
}
interface Pdf {
  opacity(o: number): void;
  fill(color: unknown): void;
  resolveColor(color: unknown, fallback: string): unknown;
  fontSize(size: number): void;
  _font: unknown;
  text(text: string, x: number, y: number, options: object): void;
}
interface RendererProto {
  pdfDocument: Pdf;
  renderLine(this: RendererProto, line: Line, x: number, y: number): void;
}
type Decorator = new (pdf: Pdf) => {
  drawBackground(line: Line, x: number, y: number): void;
  drawDecorations(line: Line, x: number, y: number): void;
};

const ORIGINAL = Symbol.for('attest.report.render-line');

/** A word that carries nothing but text, font, size, colour and opacity. */
const plain = (i: Inline) =>
  !i.characterSpacing &&
  i.link == null &&
  i.linkToPage == null &&
  i.linkToDestination == null &&
  i.fontFeatures == null &&
  !i.sup &&
  !i.sub &&
  i._pageNodeRef === undefined;

const joinable = (a: Inline, b: Inline) =>
  plain(b) &&
  a.font === b.font &&
  a.fontSize === b.fontSize &&
  a.color === b.color &&
  a.opacity === b.opacity &&
  Math.abs(a.x + a.width - b.x) < 1e-6;

/** Turns joined runs on (the default once the engine loads) or back to pdfmake's word by word. */
export function setLineRuns(on: boolean): void {
  const Renderer = (require('pdfmake/js/Renderer') as { default: { prototype: RendererProto & Record<symbol, unknown> } }).default;
  const TextDecorator = (require('pdfmake/js/TextDecorator') as { default: Decorator }).default;
  const proto = Renderer.prototype;
  const original = (proto[ORIGINAL] ??= proto.renderLine) as RendererProto['renderLine'];
  if (!on) {
    proto.renderLine = original;
    return;
  }
  proto.renderLine = function renderLine(this: RendererProto, line: Line, x: number, y: number) {
    const inlines = line.inlines;
    // Lines with outlines, page references or any word that is not plain go the original way.
    if (line._outline || line._pageNodeRef || !inlines.every(plain)) return original.call(this, line, x, y);
    const pdf = this.pdfDocument;
    x = x || 0;
    y = y || 0;
    const lineHeight = line.getHeight();
    const descent = lineHeight - line.getAscenderHeight();
    const decorator = new TextDecorator(pdf);
    decorator.drawBackground(line, x, y);
    for (let i = 0; i < inlines.length;) {
      const first = inlines[i]!;
      let text = first.text;
      let width = first.width;
      let j = i + 1;
      for (; j < inlines.length && joinable(inlines[j - 1]!, inlines[j]!) && joinable(first, inlines[j]!); j++) {
        text += inlines[j]!.text;
        width += inlines[j]!.width;
      }
      const shiftToBaseline = lineHeight - (first.font.ascender / 1000) * first.fontSize - descent;
      const options: Record<string, unknown> = {
        lineBreak: false,
        textWidth: width,
        characterSpacing: first.characterSpacing,
        wordCount: 1,
        link: first.link,
      };
      if (line.id && i === 0) options.destination = line.id;
      pdf.opacity(typeof first.opacity === 'number' ? first.opacity : 1);
      pdf.fill(pdf.resolveColor(first.color, 'black'));
      pdf._font = first.font;
      pdf.fontSize(first.fontSize);
      pdf.text(text, x + first.x, y + shiftToBaseline, options);
      i = j;
    }
    decorator.drawDecorations(line, x, y);
  };
}
