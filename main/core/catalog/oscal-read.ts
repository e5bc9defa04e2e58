// Reads an OSCAL document in any of its three published forms (JSON, XML, YAML) into the
// JSON model, deciding the form by the content, never by the file name. Pure: no disk.
//
// XML is parsed by fast-xml-parser in its order-preserving mode, so mixed content
// (markup-line and markup-multiline: text interleaved with <insert/>, <em>, <a>…) keeps
// its order. The conversion follows OSCAL's JSON naming: repeated elements become the
// plural arrays the JSON model uses (control → controls, prop → props…), block markup
// (<p>, <ol>, <table>…) becomes `prose`, and <insert type="param" id-ref="x"/> becomes
// the JSON form `{{ insert: param, x }}`.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { AttestError } from '../errors';

export type OscalJson = Record<string, unknown>;
export type OscalForm = 'json' | 'xml' | 'yaml';

export interface OscalDocument {
  form: OscalForm;
  /** the root model name: catalog, profile, assessment-results, … */
  model: string;
  /** the whole document, e.g. `{ catalog: {…} }` */
  doc: OscalJson;
}

const MODELS = [
  'catalog',
  'profile',
  'assessment-results',
  'assessment-plan',
  'plan-of-action-and-milestones',
  'system-security-plan',
  'component-definition',
];

const isObject = (v: unknown): v is OscalJson => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which form the text is in, from its first meaningful character. */
export function detectForm(text: string): OscalForm {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('<')) return 'xml';
  return 'yaml';
}

/**
 * Whether a file is OSCAL (rather than a CSV or spreadsheet), from its first bytes: a JSON
 * object, an XML document whose root is an OSCAL model, or YAML with a model key at the top.
 */
export function looksLikeOscal(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return false; // a zip: XLSX
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const form = detectForm(head);
  if (form === 'json') return true;
  const model = MODELS.join('|');
  if (form === 'xml') return new RegExp(`<(?:[\\w-]+:)?(?:${model})[\\s>]`).test(head);
  return new RegExp(`^(?:---\\s*\\n)?(?:#.*\\n|\\s*\\n)*(?:${model}):`, 'm').test(head);
}

export function readOscal(input: string | Uint8Array): OscalDocument {
  const text = (typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input)).replace(/^\uFEFF/, '');
  const form = detectForm(text);
  let doc: unknown;
  try {
    doc = form === 'json' ? JSON.parse(text) : form === 'xml' ? xmlToOscal(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch (cause) {
    const why = (cause as Error).message.split('\n')[0];
    if (form === 'json') throw new AttestError('IMPORT_NOT_JSON', `This file is not valid JSON: ${why}`, { cause });
    throw new AttestError('OSCAL_UNREADABLE', `This file is not readable as OSCAL ${form.toUpperCase()}: ${why}`, { cause });
  }
  if (!isObject(doc))
    throw new AttestError(
      'OSCAL_NOT_CATALOG',
      `This file is not an OSCAL document: its top level is not an object (read as ${form.toUpperCase()}).`,
    );
  const model = Object.keys(doc).find((k) => MODELS.includes(k) && isObject(doc[k]));
  if (!model) {
    throw new AttestError(
      'OSCAL_NOT_CATALOG',
      `This file is not an OSCAL document: it has none of ${MODELS.slice(0, 3).join(', ')} at its top level (read as ${form.toUpperCase()}).`,
    );
  }
  return { form, model, doc };
}

// ---- XML → JSON model ------------------------------------------------------------------

type XNode = Record<string, unknown>;
const ATTRS = ':@';

/** XML element name → the JSON array it is collected into (OSCAL's "group-as" names). */
const PLURAL: Record<string, string> = {
  control: 'controls',
  group: 'groups',
  param: 'params',
  prop: 'props',
  link: 'links',
  part: 'parts',
  guideline: 'guidelines',
  constraint: 'constraints',
  value: 'values',
  choice: 'choice',
  resource: 'resources',
  rlink: 'rlinks',
  party: 'parties',
  role: 'roles',
  'responsible-party': 'responsible-parties',
  'responsible-role': 'responsible-roles',
  'party-uuid': 'party-uuids',
  'member-of-organization': 'member-of-organizations',
  location: 'locations',
  'location-uuid': 'location-uuids',
  'email-address': 'email-addresses',
  'telephone-number': 'telephone-numbers',
  address: 'addresses',
  'addr-line': 'addr-lines',
  'document-id': 'document-ids',
  'external-id': 'external-ids',
  hash: 'hashes',
  revision: 'revisions',
  import: 'imports',
  'include-controls': 'include-controls',
  'exclude-controls': 'exclude-controls',
  'with-id': 'with-ids',
  matching: 'matching',
  'set-parameter': 'set-parameters',
  alter: 'alters',
  add: 'adds',
  remove: 'removes',
  test: 'tests',
  'insert-controls': 'insert-controls',
  'include-controls-group': 'include-controls',
  action: 'actions',
};

/** Fields whose content is markup-multiline: they become one string. */
const MULTILINE_FIELDS = new Set(['remarks', 'description', 'prose', 'statement', 'purpose', 'text']);
/** Block elements of markup-multiline; inside a part, guideline… they form its `prose`. */
const BLOCKS = new Set(['p', 'ol', 'ul', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

function xmlToOscal(text: string): OscalJson {
  // The parser is lenient (it closes what is left open); a truncated file must be refused.
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  const nodes = parser.parse(text) as XNode[];
  const root = nodes.find((n) => elementName(n) !== undefined);
  const name = root ? elementName(root) : undefined;
  if (!root || !name) throw new Error('no root element');
  return { [name]: toJson(root, name) };
}

function elementName(node: XNode): string | undefined {
  return Object.keys(node).find((k) => k !== ATTRS && k !== '#text' && !k.startsWith('?') && k !== '#comment');
}

const childrenOf = (node: XNode, name: string): XNode[] => (Array.isArray(node[name]) ? (node[name] as XNode[]) : []);
const attrsOf = (node: XNode): Record<string, string> => (isObject(node[ATTRS]) ? (node[ATTRS] as Record<string, string>) : {});

function toJson(node: XNode, name: string): unknown {
  const children = childrenOf(node, name).filter((c) => !('#comment' in c));
  const attrs = attrsOf(node);
  const elements = children.filter((c) => elementName(c) !== undefined);
  if (MULTILINE_FIELDS.has(name) && elements.every((c) => !PLURAL[elementName(c)!] || BLOCKS.has(elementName(c)!))) {
    return markup(children).trim();
  }
  const hasBlocks = elements.some((c) => BLOCKS.has(elementName(c)!));
  const textOnly = elements.every((c) => isInline(elementName(c)!)) && Object.keys(attrs).length === 0;
  if (textOnly && !hasBlocks) {
    const t = markup(children).trim();
    if (elements.length || t) return t;
    return {};
  }
  const out: OscalJson = { ...attrs };
  const prose: XNode[] = [];
  for (const child of children) {
    const childName = elementName(child);
    if (!childName) {
      if (typeof child['#text'] === 'string' && child['#text'].trim()) prose.push(child);
      continue;
    }
    if (BLOCKS.has(childName)) {
      prose.push(child);
      continue;
    }
    const value = toJson(child, childName);
    const plural = PLURAL[childName];
    if (plural) {
      const list = (out[plural] as unknown[] | undefined) ?? [];
      list.push(value);
      out[plural] = list;
    } else {
      out[childName] = value;
    }
  }
  if (prose.length) out.prose = markup(prose).trim();
  return out;
}

const INLINE = new Set(['em', 'strong', 'b', 'i', 'a', 'q', 'code', 'sub', 'sup', 'insert', 'img', 'span', 'br']);
const isInline = (name: string) => INLINE.has(name);

/** Markup as plain text in the JSON prose conventions: paragraphs apart, list items on lines. */
function markup(nodes: XNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n['#text'] === 'string') {
      out += n['#text'];
      continue;
    }
    const name = elementName(n);
    if (!name) continue;
    const inner = childrenOf(n, name);
    const a = attrsOf(n);
    switch (name) {
      case 'insert':
        out += `{{ insert: ${a.type ?? 'param'}, ${a['id-ref'] ?? ''} }}`;
        break;
      case 'br':
        out += '\n';
        break;
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'pre':
      case 'blockquote':
        out += `\n\n${markup(inner)
          .replace(/\s+/g, name === 'pre' ? ' ' : ' ')
          .trim()}\n\n`;
        break;
      case 'ol':
      case 'ul':
        out += `\n\n${inner
          .filter((li) => elementName(li) === 'li')
          .map((li) => `- ${markup(childrenOf(li, 'li')).replace(/\s+/g, ' ').trim()}`)
          .join('\n')}\n\n`;
        break;
      case 'table':
        out += `\n\n${tableRows(n)
          .map((row) => row.join(' | '))
          .join('\n')}\n\n`;
        break;
      default:
        out += markup(inner);
    }
  }
  return out.replace(/\n{3,}/g, '\n\n');
}

function tableRows(table: XNode): string[][] {
  const rows: string[][] = [];
  const visit = (nodes: XNode[]) => {
    for (const n of nodes) {
      const name = elementName(n);
      if (name === 'tr')
        rows.push(
          childrenOf(n, 'tr')
            .filter((c) => elementName(c) === 'td' || elementName(c) === 'th')
            .map((c) =>
              markup(childrenOf(c, elementName(c)!))
                .replace(/\s+/g, ' ')
                .trim(),
            ),
        );
      else if (name) visit(childrenOf(n, name));
    }
  };
  visit(childrenOf(table, 'table'));
  return rows;
}
