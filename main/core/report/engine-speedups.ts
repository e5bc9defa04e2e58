// Two hot paths of the PDF engine, rewritten to do the same work with less allocation.
// Profiles of a 1,000-control report (docs/performance.md) put them at the top:
// - pdfmake resolves every style property of every text run (about twenty per run) through
//   StyleContextStack, which allocates a closure and a Set per lookup;
// - pdfkit writes every content-stream operator as its own small Buffer and concatenates
//   thousands of them per page.
// Each replacement gives exactly the answer or bytes the original gives (the report tests
// compare whole PDFs rendered with and without them), and they can be switched off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

interface StyleStack {
  styleDictionary: Record<string, Record<string, unknown> & { extends?: unknown }>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: unknown[];
  /** what getProperty answered since the stack last changed */
  memo?: Record<string, unknown>;
  autopush(item: unknown): number;
  push(entry: unknown): void;
  pop(n?: number): void;
  getProperty(property: string): unknown;
}
interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty(item: Record<string, unknown>, stack: StyleStack | null, property: string, fallback: unknown): unknown;
}
interface PdfRef {
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  buffer: Uint8Array[];
  /** text written since the last binary chunk, already encoded: pending[0, pendingLength) */
  pending?: Buffer;
  pendingLength?: number;
  write(chunk: unknown): void;
  finalize(): void;
}

const isValue = (v: unknown) => v !== undefined && v !== null;

function styleStackClass(): StyleStackClass {
  return (require('pdfmake/js/StyleContextStack') as { default: StyleStackClass }).default;
}

interface PdfDoc {
  _normalizeColor(color: unknown): number[] | null;
  _getColorSpace(color: number[]): string;
  _setColorSpace(space: string, stroke: boolean): unknown;
  _setColorCore(color: unknown, stroke: boolean): boolean;
  addContent(data: string): unknown;
}

function pdfDocPrototype(): PdfDoc {
  return (require('pdfkit') as { prototype: PdfDoc }).prototype;
}

function pdfRefPrototype(): PdfRef {
  // pdfkit does not export its reference class: take it from a throwaway document.
  const PDFKit = require('pdfkit') as new (options: object) => { ref(data?: object): PdfRef };
  return Object.getPrototypeOf(new PDFKit({ autoFirstPage: false }).ref({})) as PdfRef;
}

interface GlyphRun {
  advanceWidth: number;
}
interface EmbeddedFont {
  font: { stream?: { buffer?: object } };
  layoutCache?: Record<string, GlyphRun>;
  layoutRun(text: string): GlyphRun;
  layoutCached(text: string): GlyphRun;
}

function embeddedFontPrototype(): EmbeddedFont {
  // pdfkit does not export its embedded-font class either: take it from a throwaway document.
  const PDFKit = require('pdfkit') as new (options: object) => { font(src: Buffer): unknown; _font: EmbeddedFont };
  const doc = new PDFKit({ autoFirstPage: false });
  doc.font(readFileSync(join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf')));
  return Object.getPrototypeOf(doc._font) as EmbeddedFont;
}

interface Originals {
  getProperty: StyleStack['getProperty'];
  push: StyleStack['push'];
  pop: StyleStack['pop'];
  getStyleProperty: StyleStackClass['getStyleProperty'];
  write: PdfRef['write'];
  finalize: PdfRef['finalize'];
  setColorCore: PdfDoc['_setColorCore'];
  layoutCached: EmbeddedFont['layoutCached'];
}
// Kept on pdfkit's own prototype, so that however often this module is loaded (the app's
// bundle, a test runner's second copy) the originals are the engine's, never a wrapper.
const ORIGINALS = Symbol.for('attest.report.engine-originals');

/** zlib level of stream compression; undefined: pdfkit's own (zlib's default, 6). */
let streamLevel: number | undefined;

/**
 * Compresses streams at this zlib level, with the faster paths on or off. A report's page
 * content is about 10 MB of operators at 1,000 controls; level 3 deflates it two to three
 * times faster than the default for a file about 15 % larger (docs/performance.md).
 */
export function setStreamCompression(level: number | undefined): void {
  streamLevel = level;
}

/** Deflates a stream's data at streamLevel ahead of pdfkit, which then writes it as it is. */
function deflateAhead(ref: PdfRef): boolean {
  if (streamLevel === undefined || !ref.compress || !ref.buffer.length) return false;
  ref.buffer = [deflateSync(Buffer.concat(ref.buffer), { level: streamLevel })];
  ref.compress = false;
  return true;
}

function finalizeWith(ref: PdfRef, finalize: PdfRef['finalize']): void {
  const deflated = deflateAhead(ref);
  try {
    finalize.call(ref);
  } finally {
    if (deflated) ref.compress = true;
  }
}

/** Turns the faster paths on (the default once the engine loads) or back to the originals. */
export function setEngineSpeedups(on: boolean): void {
  const Stack = styleStackClass();
  const Ref = pdfRefPrototype();
  const Doc = pdfDocPrototype();
  const Font = embeddedFontPrototype();
  const holder = Ref as unknown as Record<symbol, Originals | undefined>;
  const o = (holder[ORIGINALS] ??= {
    getProperty: Stack.prototype.getProperty,
    push: Stack.prototype.push,
    pop: Stack.prototype.pop,
    getStyleProperty: Stack.getStyleProperty,
    write: Ref.write,
    finalize: Ref.finalize,
    setColorCore: Doc._setColorCore,
    layoutCached: Font.layoutCached,
  });
  if (!on) {
    Stack.prototype.getProperty = o.getProperty;
    Stack.prototype.push = o.push;
    Stack.prototype.pop = o.pop;
    Stack.getStyleProperty = o.getStyleProperty;
    Ref.write = o.write;
    Ref.finalize = function finalize(this: PdfRef) {
      finalizeWith(this, o.finalize);
    };
    Doc._setColorCore = o.setColorCore;
    Font.layoutCached = o.layoutCached;
    return;
  }

  // The same walk from the top of the stack; a named style that extends another falls
  // back to the original, which resolves inheritance (Attest's styles do not use it).
  Stack.prototype.getProperty = function getProperty(this: StyleStack, property: string) {
    const overrides = this.styleOverrides;
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (typeof item === 'string' || item instanceof String) {
        const style = this.styleDictionary[String(item)];
        if (!style) continue;
        if (style.extends) return o.getProperty.call(this, property);
        const value = style[property];
        if (isValue(value)) return value;
      } else {
        const value = (item as Record<string, unknown>)[property];
        if (isValue(value)) return value;
      }
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
  // As the original, whose answer is the first value found from the top of the stack
  // with the item and its named styles pushed on it: the item, its styles (last first),
  // then the stack. The stack's part is the same for every text run of a node (about
  // twenty properties each), so it is remembered until the stack next changes.
  Stack.prototype.push = function push(this: StyleStack, entry: unknown) {
    this.memo = undefined;
    this.styleOverrides.push(entry);
  };
  Stack.prototype.pop = function pop(this: StyleStack, howMany = 1) {
    this.memo = undefined;
    while (howMany-- > 0) this.styleOverrides.pop();
  };
  Stack.getStyleProperty = function getStyleProperty(item, stack, property, fallback) {
    if (isValue(item[property])) return item[property];
    if (!stack) return fallback;
    if (typeof item !== 'string' && item.section === undefined && item.style) {
      const names = Array.isArray(item.style) ? (item.style as unknown[]) : [item.style];
      for (let i = names.length - 1; i >= 0; i--) {
        const name = names[i];
        if (typeof name === 'string' || name instanceof String) {
          const style = stack.styleDictionary[String(name)];
          if (!style) continue;
          if (style.extends) return o.getStyleProperty(item, stack, property, fallback);
          if (isValue(style[property])) return style[property];
        } else if (name && isValue((name as Record<string, unknown>)[property])) {
          return (name as Record<string, unknown>)[property];
        }
      }
    }
    const memo = (stack.memo ??= Object.create(null) as Record<string, unknown>);
    let value = memo[property];
    if (value === undefined && !(property in memo)) value = memo[property] = stack.getProperty(property);
    return isValue(value) ? value : fallback;
  };

  // Text chunks are encoded straight into one growing buffer per stream instead of one
  // Buffer each; latin1 ("binary") encodes every character on its own, so the bytes are
  // those of the chunks encoded one by one.
  const flushText = (ref: PdfRef) => {
    if (ref.pendingLength) {
      o.write.call(ref, Buffer.from(ref.pending!.subarray(0, ref.pendingLength)));
      ref.pendingLength = 0;
    }
  };
  Ref.write = function write(this: PdfRef, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flushText(this);
      o.write.call(this, chunk);
      return;
    }
    // Lengths and the filter are recorded when the text is flushed (nothing reads them sooner).
    const text = `${String(chunk)}\n`;
    const at = this.pendingLength ?? 0;
    if (!this.pending || at + text.length > this.pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(64 * 1024, 2 * (at + text.length)));
      this.pending?.copy(grown, 0, 0, at);
      this.pending = grown;
    }
    this.pendingLength = at + this.pending.write(text, at, 'latin1');
  };
  Ref.finalize = function finalize(this: PdfRef) {
    flushText(this);
    this.pending = undefined;
    finalizeWith(this, o.finalize);
  };

  // A report uses a handful of hex colours thousands of times; the operator pdfkit writes
  // for one (its components as decimal fractions) is worked out once.
  const colourOps = new Map<string, { space: string; op: string }>();
  Doc._setColorCore = function setColorCore(this: PdfDoc, color: unknown, stroke: boolean) {
    if (typeof color !== 'string' || color.charAt(0) !== '#') return o.setColorCore.call(this, color, stroke);
    const key = `${stroke ? 'S' : 'f'}${color}`;
    let known = colourOps.get(key);
    if (!known) {
      const normalized = this._normalizeColor(color);
      if (!normalized) return false;
      known = { space: this._getColorSpace(normalized), op: `${normalized.join(' ')} ${stroke ? 'SCN' : 'scn'}` };
      colourOps.set(key, known);
    }
    this._setColorSpace(known.space, stroke);
    this.addContent(known.op);
    return true;
  };

  // Every document parses its fonts anew and shapes each word once per font; a worker that
  // renders report after report (and every part of one) shapes the same words again. The
  // shaped word is kept per font file (the same Buffer every document reads) and shared:
  // nothing changes a shaped run after it is made, and it carries glyph ids and metrics
  // only, which are those of the file.
  const shaped = new WeakMap<object, Map<string, GlyphRun>>();
  Font.layoutCached = function layoutCached(this: EmbeddedFont, text: string) {
    const file = this.font.stream?.buffer;
    if (!this.layoutCache || !file) return o.layoutCached.call(this, text);
    let run = this.layoutCache[text];
    if (run) return run;
    let runs = shaped.get(file);
    if (!runs || runs.size > 200_000) shaped.set(file, (runs = new Map()));
    run = runs.get(text);
    if (!run) runs.set(text, (run = this.layoutRun(text)));
    this.layoutCache[text] = run;
    return run;
  };
}
