// Every cell Attest writes to a spreadsheet or CSV goes through here. A spreadsheet runs
// a cell that starts with = + - @ (or a tab or carriage return before one) as a formula,
// so text from vendors, templates or findings could otherwise execute on an auditor's
// machine. Such text gets a leading apostrophe: shown as written, never evaluated.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text safe to put in a spreadsheet cell; numbers and dates should stay typed instead. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** True when a spreadsheet would evaluate the text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** One CSV field: neutralised, then quoted when it holds a delimiter, a quote or a line break. */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutraliseCell(value);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document (RFC 4180, CRLF line ends) with every text cell neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map((v) => csvField(v)).join(',')).join('\r\n') + '\r\n';
}

/** A CSV for spreadsheet programs: Excel reads a file without a UTF-8 byte-order mark as the local code page. */
export function toExcelCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${toCsv(header, rows)}`;
}
