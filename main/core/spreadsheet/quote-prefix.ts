// Excel's own way to keep formula-like text inert: the cell style's quotePrefix flag. The
// text is stored as written (no visible apostrophe) and Excel and LibreOffice show it as
// text, never evaluate it. exceljs cannot write the flag, so cells are marked with the
// text number format "@" and the flag is added to those styles in styles.xml afterwards.
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AttestError } from '../errors';
import { looksLikeFormula } from './cell-safety';

/** Built-in number format id of "@" (text) in SpreadsheetML. */
const TEXT_FORMAT_ID = '49';

/** Puts text in a cell; formula-like text is marked for the quote-prefix style. */
export function setTextCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

/** Adds quotePrefix="1" to every cell style that uses the text format. */
export async function applyQuotePrefix(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('xl/styles.xml');
  if (!file) throw new AttestError('INTERNAL_XLSX', 'The workbook has no styles.xml.');
  const xml = await file.async('string');
  const patched = xml.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)(\/?)>/g, (whole, attrs: string, close: string) =>
      new RegExp(`\\bnumFmtId="${TEXT_FORMAT_ID}"`).test(attrs) && !/\bquotePrefix=/.test(attrs)
        ? `<xf${attrs} quotePrefix="1"${close}>`
        : whole,
    ),
  );
  zip.file('xl/styles.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
