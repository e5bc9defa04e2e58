// Appends an incremental update that adds a signature field to a PDF: the /Sig value
// with a /ByteRange and a zero-filled /Contents hole, a widget annotation with a visible
// appearance on the chosen page, the catalog's /AcroForm, and an xref section whose
// trailer points back to the original one with /Prev. The original bytes stay untouched.
import { AttestError } from '../errors';
import { appearanceStream, type AppearanceText } from './appearance';
import { indexPdf, mediaBox, objectBody, pageObjects, pdfDate, pdfString, withEntries } from './pdf-structure';

/** Where to draw the visible signature, in points from the page's top-left corner. */
export interface SignatureBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlaceholderInput extends AppearanceText {
  /** Zero-based page index; negative counts from the end (-1 = last page). */
  page: number;
  box: SignatureBox;
  /** Bytes reserved for the CMS signature (the hex hole is twice this). */
  reserve: number;
  fieldName: string;
}

export interface Placeholder {
  bytes: Uint8Array;
  /** Offset of the '<' that opens /Contents. */
  contentsStart: number;
  /** Offset just after the '>' that closes /Contents. */
  contentsEnd: number;
  /** Offset and width of the ByteRange array's text, filled in after layout. */
  byteRangeAt: number;
  byteRangeWidth: number;
}

const BYTE_RANGE_PLACEHOLDER = `[0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;

export function insertSignaturePlaceholder(pdf: Uint8Array, input: PlaceholderInput): Placeholder {
  const idx = indexPdf(pdf);
  if (/\/ByteRange\s*\[/.test(idx.text))
    throw new AttestError('SIGNING_ALREADY_SIGNED', 'This PDF is already signed; sign the unsigned report instead.');
  const pages = pageObjects(idx);
  const pageIndex = input.page < 0 ? pages.length + input.page : input.page;
  const pageNum = pages[pageIndex];
  if (pageNum === undefined)
    throw new AttestError('SIGNING_PAGE_MISSING', 'The page chosen for the signature block does not exist in this PDF.');
  const catalog = objectBody(idx, idx.trailer.root);
  if (/\/AcroForm\b/.test(catalog))
    throw new AttestError('SIGNING_PDF_UNSUPPORTED', 'This PDF already has a form; Attest signs only its own reports.');
  const page = objectBody(idx, pageNum);
  const [, , , top] = mediaBox(page);

  let next = idx.trailer.size;
  const sigNum = next++;
  const widgetNum = next++;
  const apNum = next++;
  const fontNum = next++;
  const boldNum = next++;
  const b = input.box;
  const rect = [b.x, top - b.y - b.height, b.x + b.width, top - b.y].map((n) => n.toFixed(2)).join(' ');

  const ap = appearanceStream(b.width, b.height, input);
  let annots: string;
  const existing = /\/Annots\s*\[([^\]]*)\]/.exec(page);
  if (existing) annots = page.replace(existing[0], `/Annots [${existing[1]!.trim()} ${widgetNum} 0 R]`);
  else if (/\/Annots\b/.test(page))
    throw new AttestError(
      'SIGNING_PDF_UNSUPPORTED',
      'The signature page has a layout Attest cannot extend; sign a report produced by Attest.',
    );
  else annots = withEntries(page, `/Annots [${widgetNum} 0 R]`);

  const sigDict =
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange ${BYTE_RANGE_PLACEHOLDER}\n` +
    `/Contents <${'0'.repeat(input.reserve * 2)}>\n/M ${pdfString(pdfDate(input.date))}\n/Name ${pdfString(input.signer)}\n` +
    `/Reason ${pdfString(input.reason)}\n/Location ${pdfString(input.location)}\n>>`;
  const objects: [number, string][] = [
    [sigNum, sigDict],
    [
      widgetNum,
      `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${pdfString(input.fieldName)}\n/V ${sigNum} 0 R\n/F 132\n/P ${pageNum} 0 R\n/Rect [${rect}]\n/AP << /N ${apNum} 0 R >>\n>>`,
    ],
    [
      apNum,
      `<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${b.width.toFixed(2)} ${b.height.toFixed(2)}]\n/Resources << /Font << /Helv ${fontNum} 0 R /HeBo ${boldNum} 0 R >> >>\n/Length ${Buffer.byteLength(ap, 'latin1')}\n>>\nstream\n${ap}\nendstream`,
    ],
    [fontNum, '<<\n/Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n/Encoding /WinAnsiEncoding\n>>'],
    [boldNum, '<<\n/Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica-Bold\n/Encoding /WinAnsiEncoding\n>>'],
    [pageNum, annots],
    [idx.trailer.root, withEntries(catalog, `/AcroForm << /Fields [${widgetNum} 0 R] /SigFlags 3 >>`)],
  ];

  let out = idx.text.endsWith('\n') ? '' : '\n';
  let pos = idx.text.length + out.length;
  const entries: [number, number][] = [];
  for (const [num, body] of objects) {
    const chunk = `${num} 0 obj\n${body}\nendobj\n`;
    entries.push([num, pos]);
    out += chunk;
    pos += chunk.length;
  }
  const xrefAt = pos;
  entries.sort((a, b2) => a[0] - b2[0]);
  out += 'xref\n';
  for (const [num, at] of entries) out += `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  const trailer = [
    `/Size ${next}`,
    `/Root ${idx.trailer.root} 0 R`,
    ...(idx.trailer.info !== undefined ? [`/Info ${idx.trailer.info} 0 R`] : []),
    ...(idx.trailer.idText ? [`/ID ${idx.trailer.idText}`] : []),
    `/Prev ${idx.trailer.xrefOffset}`,
  ].join('\n');
  out += `trailer\n<<\n${trailer}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;

  const all = idx.text + out;
  const sigAt = idx.text.length + out.indexOf(`${sigNum} 0 obj\n`);
  const byteRangeAt = all.indexOf(BYTE_RANGE_PLACEHOLDER, sigAt);
  const contentsStart = all.indexOf('/Contents <', sigAt) + '/Contents '.length;
  const contentsEnd = contentsStart + input.reserve * 2 + 2;
  return {
    bytes: Uint8Array.from(Buffer.from(all, 'latin1')),
    contentsStart,
    contentsEnd,
    byteRangeAt,
    byteRangeWidth: BYTE_RANGE_PLACEHOLDER.length,
  };
}
