// Joins the PDFs that parallel workers rendered for parts of one report into one file:
// every page in its place, one page tree, one catalog, the named destinations of all parts
// (the table of contents links to headings in other parts by name), the first part's
// document information, metadata and file identifier. Objects are renumbered part by part
// and only those a page (or the first part's information) reaches are kept, so each
// part's own catalog, page tree and name tree are dropped. Streams are copied byte for
// byte; only dictionaries are rewritten. The same parts give the same bytes.
import { indexPdf, objectBody, pageObjects, type PdfIndex } from '../signing/pdf-structure';
import { AttestError } from '../errors';

export interface RenderedPart {
  pdf: Uint8Array;
  /** The report's page number (1-based) of each of this part's pages, in the part's order. */
  pages: number[];
}

const fail = (why: string) => new AttestError('REPORT_RENDER_FAILED', `The report's parts could not be joined (${why}); try again.`);

const REF = /(\d+)\s+(\d+)\s+R(?![A-Za-z0-9_.])/y;
const DELIMITER = new Set([' ', '\n', '\r', '\t', '\f', '\0', '[', ']', '<', '>', '(', ')', '/', '{', '}']);

/**
 * Scans one object's text from `at` up to its `stream` or `endobj` keyword (outside any
 * string, dictionary or array) and returns where that is and the indirect references on
 * the way: [offset, length, object number]. `whole`: the text is one value, scan all of it.
 */
function scanObject(text: string, at: number, whole = false): { end: number; refs: [number, number, number][] } {
  const refs: [number, number, number][] = [];
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '(') {
      let open = 1;
      i++;
      while (i < text.length && open > 0) {
        const s = text[i]!;
        if (s === '\\') i += 2;
        else {
          if (s === '(') open++;
          else if (s === ')') open--;
          i++;
        }
      }
    } else if (c === '<') {
      if (text[i + 1] === '<') {
        depth++;
        i += 2;
      } else i = text.indexOf('>', i) + 1;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i += 2;
    } else if (c === '[') {
      depth++;
      i++;
    } else if (c === ']') {
      depth--;
      i++;
    } else if (c >= '0' && c <= '9' && (i === at || DELIMITER.has(text[i - 1]!))) {
      REF.lastIndex = i;
      const m = REF.exec(text);
      if (m) {
        refs.push([i, m[0].length, Number(m[1])]);
        i += m[0].length;
      } else while (i < text.length && /[0-9.]/.test(text[i]!)) i++;
    } else if (depth === 0 && (text.startsWith('stream', i) || text.startsWith('endobj', i))) {
      return { end: i, refs };
    } else i++;
  }
  if (whole) return { end: text.length, refs };
  throw fail('an object has no end');
}

interface Span {
  start: number;
  /** where the object number's header ends */
  body: number;
  end: number;
}

function spans(pdf: PdfIndex): Map<number, Span> {
  const sorted = [...pdf.offsets].sort((a, b) => a[1] - b[1]);
  const out = new Map<number, Span>();
  sorted.forEach(([num, start], k) => {
    const head = /^\d+\s+\d+\s+obj\s*/.exec(pdf.text.slice(start, start + 32));
    if (!head) throw fail(`object ${num} has no header`);
    out.set(num, { start, body: start + head[0].length, end: k + 1 < sorted.length ? sorted[k + 1]![1] : pdf.trailer.xrefOffset });
  });
  return out;
}

const refTo = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** Named destinations of a part's name tree: name (as written) -> destination array text. */
function destinations(pdf: PdfIndex, namesRef: number | undefined): [string, string][] {
  if (namesRef === undefined) return [];
  const body = objectBody(pdf, namesRef);
  const names = /\/Names\s*\[([\s\S]*)\]\s*>>\s*>>\s*$/.exec(body)?.[1] ?? '';
  return [...names.matchAll(/(\((?:\\.|[^\\()])*\))\s*(\[[^\]]*\])/g)].map((m) => [m[1]!, m[2]!]);
}

function rewrite(text: string, scan: { refs: [number, number, number][] }, from: number, to: number, map: (n: number) => number) {
  let out = '';
  let at = from;
  for (const [pos, len, num] of scan.refs) {
    out += `${text.slice(at, pos)}${map(num)} 0 R`;
    at = pos + len;
  }
  return out + text.slice(at, to);
}

export function joinPdfs(parts: RenderedPart[]): Uint8Array {
  if (parts.length === 0) throw fail('no parts');
  const total = parts.reduce((n, p) => n + p.pages.length, 0);
  const seen = new Set(parts.flatMap((p) => p.pages));
  if (seen.size !== total || [...seen].some((n) => n < 1 || n > total)) throw fail('page numbers do not cover the report');

  // 1: page tree, 2: catalog, 3: names; then the parts' objects in order.
  let next = 4;
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const emit = (num: number, chunk: Buffer) => {
    offsets[num] = length;
    chunks.push(chunk);
    length += chunk.length;
  };
  const kids: string[] = new Array(total + 1);
  const dests: [string, string][] = [];
  let info: number | undefined;
  let metadata: number | undefined;
  let idText: string | undefined;
  let header: Buffer | undefined;
  const bodies: { num: number; chunk: Buffer }[] = [];

  parts.forEach((part, k) => {
    const bytes = Buffer.from(part.pdf.buffer, part.pdf.byteOffset, part.pdf.byteLength);
    const pdf = indexPdf(part.pdf);
    const catalog = objectBody(pdf, pdf.trailer.root);
    const pagesRoot = refTo(catalog, 'Pages');
    const namesRef = refTo(catalog, 'Names');
    if (pagesRoot === undefined) throw fail('a part has no page tree');
    const pageNums = pageObjects(pdf);
    if (pageNums.length !== part.pages.length) throw fail(`a part has ${pageNums.length} pages, ${part.pages.length} expected`);
    const span = spans(pdf);
    const scans = new Map<number, ReturnType<typeof scanObject>>();
    const scanOf = (num: number) => {
      let s = scans.get(num);
      if (!s) {
        const at = span.get(num);
        if (!at) throw fail(`object ${num} is missing`);
        s = scanObject(pdf.text, at.body);
        scans.set(num, s);
      }
      return s;
    };

    // Keep what the pages reach (and, from the first part, the document information).
    const skip = new Set([pdf.trailer.root, pagesRoot, ...(namesRef !== undefined ? [namesRef] : [])]);
    const roots = [...pageNums];
    if (k === 0) {
      header = bytes.subarray(0, Math.min(...pdf.offsets.values()));
      idText = pdf.trailer.idText;
      if (pdf.trailer.info !== undefined) roots.push(pdf.trailer.info);
      const meta = refTo(catalog, 'Metadata');
      if (meta !== undefined) roots.push(meta);
    }
    const keep = new Set<number>();
    const stack = [...roots];
    while (stack.length) {
      const num = stack.pop()!;
      if (keep.has(num) || skip.has(num)) continue;
      keep.add(num);
      for (const [, , ref] of scanOf(num).refs) stack.push(ref);
    }
    const renumber = new Map<number, number>([[pagesRoot, 1]]);
    for (const num of [...keep].sort((a, b) => a - b)) renumber.set(num, next++);
    const map = (num: number) => {
      const to = renumber.get(num);
      if (to === undefined) throw fail(`object ${num} is referred to but not kept`);
      return to;
    };
    for (const num of [...keep].sort((a, b) => a - b)) {
      const at = span.get(num)!;
      const s = scanOf(num);
      const head = `${map(num)} 0 obj\n${rewrite(pdf.text, s, at.body, s.end, map)}`;
      bodies.push({ num: map(num), chunk: Buffer.concat([Buffer.from(head, 'latin1'), bytes.subarray(s.end, at.end)]) });
    }
    pageNums.forEach((num, i) => (kids[part.pages[i]!] = `${map(num)} 0 R`));
    for (const [name, dest] of destinations(pdf, namesRef)) {
      const s = scanObject(dest, 0, true);
      dests.push([name, rewrite(dest, s, 0, dest.length, map)]);
    }
    if (k === 0) {
      info = pdf.trailer.info !== undefined ? map(pdf.trailer.info) : undefined;
      const meta = refTo(catalog, 'Metadata');
      metadata = meta !== undefined ? map(meta) : undefined;
    }
  });

  // Names in byte order, as a name tree requires.
  dests.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < dests.length; i++) if (dests[i]![0] === dests[i - 1]![0]) throw fail(`destination ${dests[i]![0]} is named twice`);

  emit(0, header!);
  const obj = (num: number, body: string) => emit(num, Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
  obj(1, `<<\n/Type /Pages\n/Count ${total}\n/Kids [${kids.slice(1).join(' ')}]\n>>`);
  obj(2, `<<\n/Type /Catalog\n/Pages 1 0 R\n/Names 3 0 R${metadata !== undefined ? `\n/Metadata ${metadata} 0 R` : ''}\n>>`);
  obj(3, `<<\n/Dests <<\n/Names [\n${dests.map(([n, d]) => `${n} ${d}`).join('\n')}\n]\n>>\n>>`);
  for (const b of bodies) emit(b.num, b.chunk);

  const xrefAt = length;
  let xref = `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let n = 1; n < next; n++) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  const trailer = [
    `/Size ${next}`,
    '/Root 2 0 R',
    ...(info !== undefined ? [`/Info ${info} 0 R`] : []),
    ...(idText ? [`/ID ${idText}`] : []),
  ];
  chunks.push(Buffer.from(`${xref}trailer\n<<\n${trailer.join('\n')}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
