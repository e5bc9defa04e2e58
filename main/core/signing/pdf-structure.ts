// Just enough PDF reading to append a signature as an incremental update: the last
// cross-reference table and trailer, object lookup by number, and the page tree.
// It reads files with classic xref tables (what pdfmake/pdfkit write); anything else
// is refused with a clear error rather than guessed at.
import { AttestError } from '../errors';

export interface Trailer {
  size: number;
  root: number;
  info?: number;
  /** Raw `/ID [...]` text, carried into the update's trailer unchanged. */
  idText?: string;
  /** Offset of the cross-reference section this trailer belongs to. */
  xrefOffset: number;
}

export interface PdfIndex {
  text: string; // latin1: one char per byte, so string offsets are byte offsets
  trailer: Trailer;
  offsets: Map<number, number>;
}

const unsupported = () =>
  new AttestError(
    'SIGNING_PDF_UNSUPPORTED',
    'This PDF uses a structure Attest cannot sign (no classic cross-reference table). Sign reports produced by Attest.',
  );

export function lastStartxref(text: string): number {
  const tail = text.slice(Math.max(0, text.length - 1024));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw unsupported();
  return Number(m[1]);
}

function ref(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

export function indexPdf(bytes: Uint8Array): PdfIndex {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) throw new AttestError('SIGNING_NOT_A_PDF', 'The file is not a PDF document.');
  const offsets = new Map<number, number>();
  let xrefOffset = lastStartxref(text);
  let trailer: Trailer | undefined;
  // Follow /Prev so objects from earlier revisions resolve too; newest entry wins.
  for (let guard = 0; guard < 64; guard++) {
    if (text.slice(xrefOffset, xrefOffset + 4) !== 'xref') throw unsupported();
    const trailerAt = text.indexOf('trailer', xrefOffset);
    if (trailerAt < 0) throw unsupported();
    const lines = text
      .slice(xrefOffset + 4, trailerAt)
      .trim()
      .split(/\r?\n|\r/);
    for (let i = 0; i < lines.length;) {
      const [startText, countText] = lines[i]!.trim().split(/\s+/);
      const start = Number(startText);
      const count = Number(countText);
      if (!Number.isInteger(start) || !Number.isInteger(count)) throw unsupported();
      for (let k = 0; k < count; k++) {
        const entry = lines[i + 1 + k]?.trim().split(/\s+/);
        if (!entry || entry.length < 3) throw unsupported();
        if (entry[2] === 'n' && !offsets.has(start + k)) offsets.set(start + k, Number(entry[0]));
      }
      i += 1 + count;
    }
    const dictEnd = text.indexOf('startxref', trailerAt);
    const dict = text.slice(trailerAt, dictEnd < 0 ? undefined : dictEnd);
    if (!trailer) {
      const size = /\/Size\s+(\d+)/.exec(dict);
      const root = ref(dict, 'Root');
      if (!size || root === undefined) throw unsupported();
      const info = ref(dict, 'Info');
      const id = /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1];
      trailer = { size: Number(size[1]), root, xrefOffset, ...(info !== undefined ? { info } : {}), ...(id ? { idText: id } : {}) };
    }
    const prev = /\/Prev\s+(\d+)/.exec(dict);
    if (!prev) break;
    xrefOffset = Number(prev[1]);
  }
  if (!trailer) throw unsupported();
  return { text, trailer, offsets };
}

/** The body of object `num` between `obj` and `endobj` (dictionary objects only). */
export function objectBody(pdf: PdfIndex, num: number): string {
  const at = pdf.offsets.get(num);
  if (at === undefined) throw unsupported();
  const head = new RegExp(`^${num}\\s+0\\s+obj\\s*`).exec(pdf.text.slice(at, at + 32));
  if (!head) throw unsupported();
  const end = pdf.text.indexOf('endobj', at);
  const body = pdf.text.slice(at + head[0].length, end).trim();
  if (!body.startsWith('<<') || !body.endsWith('>>') || /\bstream\b/.test(body.slice(-64))) throw unsupported();
  return body;
}

/** Page object numbers in reading order. */
export function pageObjects(pdf: PdfIndex): number[] {
  const pagesRoot = ref(objectBody(pdf, pdf.trailer.root), 'Pages');
  if (pagesRoot === undefined) throw unsupported();
  const out: number[] = [];
  const walk = (num: number, depth: number) => {
    if (depth > 32) throw unsupported();
    const body = objectBody(pdf, num);
    if (/\/Type\s*\/Page\b(?!s)/.test(body)) {
      out.push(num);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
    for (const m of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(m[1]), depth + 1);
  };
  walk(pagesRoot, 0);
  return out;
}

export function mediaBox(pageBody: string): [number, number, number, number] {
  const m = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(pageBody);
  if (!m) throw unsupported();
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** Adds entries just before the closing `>>` of a dictionary body. */
export function withEntries(dictBody: string, entries: string): string {
  return `${dictBody.slice(0, dictBody.lastIndexOf('>>')).trimEnd()}\n${entries}\n>>`;
}

/** A PDF text string: literal for printable ASCII, UTF-16BE hex with BOM otherwise. */
export function pdfString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(s, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

export function pdfDate(d: Date): string {
  const iso = d.toISOString(); // 2026-11-20T09:00:00.000Z
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
