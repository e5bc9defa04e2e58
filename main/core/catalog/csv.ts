// A small RFC 4180 CSV reader: quoted fields with doubled quotes, line breaks inside quotes,
// CRLF or LF, a leading byte-order mark, and ",", ";", tab or "|" as the delimiter (";" is
// what spreadsheet programs write in locales that use a decimal comma, tab what "Unicode
// text" exports use).
import { AttestError } from '../errors';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

export interface CsvRecord {
  /** 1-based line number where the record starts (a record may span several lines) */
  line: number;
  cells: string[];
}

/** Picks the delimiter that occurs most often, outside quotes, in the first record (a comma on a tie). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ',' as CsvDelimiter);
}

export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): { delimiter: CsvDelimiter; records: CsvRecord[] } {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let fieldWasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endField = () => {
    cells.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A line with nothing on it is not a record; keeps trailing newlines harmless.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else if (ch === '\r' && src[i + 1] === '\n') {
        // CRLF inside a quoted field is kept as one line break, like a bare LF.
        continue;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '' && !fieldWasQuoted) {
      quoted = true;
      fieldWasQuoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
      field += ch;
    }
  }
  if (quoted) {
    throw new AttestError(
      'CSV_UNTERMINATED_QUOTE',
      `The CSV file has a quoted field opened on line ${quoteLine} that is never closed. Check that field's quotation marks and save the file again.`,
    );
  }
  if (field !== '' || cells.length) endRecord();
  return { delimiter, records };
}
