// Reads cell text straight from a workbook's XML (shared strings, inline strings and
// cached values), without exceljs: tests use it to count what a real file holds
// independently of the importers under test.
import JSZip from 'jszip';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The text of every <t> inside one <si> or <is>, joined (rich text runs included, phonetic runs left out). */
const runsText = (xml: string) =>
  unescape([...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));

export interface XmlSheet {
  name: string;
  state: string;
  /** row number → column letters → text */
  rows: Map<number, Map<string, string>>;
}

export async function readXlsxXml(bytes: Uint8Array): Promise<XmlSheet[]> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const shared = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]!));
  const workbook = await text('xl/workbook.xml');
  const rels = new Map(
    [...(await text('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])![1]!,
      /Target="([^"]+)"/.exec(m[0])![1]!,
    ]),
  );
  const sheets: XmlSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/>/g)) {
    const tag = m[0];
    const name = unescape(/name="([^"]*)"/.exec(tag)![1]!);
    const state = /state="([^"]*)"/.exec(tag)?.[1] ?? 'visible';
    const target = rels.get(/r:id="([^"]+)"/.exec(tag)![1]!)!.replace(/^\/?xl\//, '');
    const xml = await text(`xl/${target}`);
    const rows = new Map<number, Map<string, string>>();
    for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /\bt="(\w+)"/.exec(c[3]!)?.[1];
      const body = c[4] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const value = type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? runsText(body) : v === undefined ? '' : unescape(v);
      if (value === '') continue;
      const row = Number(c[2]);
      if (!rows.has(row)) rows.set(row, new Map());
      rows.get(row)!.set(c[1]!, value);
    }
    sheets.push({ name, state, rows });
  }
  return sheets;
}
