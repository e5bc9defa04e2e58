// Imports an OSCAL catalog or profile (JSON, XML or YAML, told apart by content) into
// Attest's catalogue model. Pure: no disk, no network (a profile's imports are documents
// the caller has read from the files the user named).
//
// Mapping choices:
// - every group becomes a category (nested groups become their own categories, titled
//   "Parent / Child"); controls outside any group go to an "ungrouped" category;
// - every control and every enhancement (a control nested in a control) becomes a control;
//   enhancements carry `parent`, controls carry their display `label` (e.g. AC-2(1));
// - parameters are SUBSTITUTED into the statement text the way NIST prints them:
//   "[Assignment: organization-defined <label>]" or "[Selection (one or more): a; b]"
//   (a set value, where the catalog has one, is used as is), and each parameter is also kept
//   in `parameters` with its label, guidance and choices;
// - the statement part's nested items are kept in `statementParts` with their labels, and
//   flattened into `statement` as indented "label text" lines;
// - every guidance part becomes `guidance` (in order, titled ones under their title); every
//   other part (overview, control-level items, assessment objectives and methods, a
//   profile's added notes) is kept in `parts` with its name and title, so nothing is dropped;
// - a parameter's value comes from `values`, else from `constraints` (FedRAMP writes its
//   values there), else it is shown as a selection or an assignment;
// - a control whose status is "withdrawn" (any case) is tagged `withdrawn`;
// - a control without a title is titled by its label or id; links with rel "reference" are resolved against
//   back-matter resources, and "related"/"required" links become references to those controls.
// A control that cannot be imported (no id) is skipped and reported in `errors`;
// the rest of the catalog still imports.
import { AttestError } from '../errors';
import { catalogueIssues } from './integrity';
import {
  CATALOGUE_FORMAT,
  controlSchema,
  type Catalogue,
  type Category,
  type Control,
  type Parameter,
  type Reference,
  type StatementPart,
} from './schema';
import { describeZodIssues } from './zod-issues';
import { resolveProfile } from './oscal-profile';
import { readOscal, type OscalDocument } from './oscal-read';

export interface ImportProblem {
  /** where in the input, e.g. `catalog.groups[3].controls[2]` or the control id */
  path: string;
  message: string;
}

export interface OscalCounts {
  groups: number;
  controls: number;
  enhancements: number;
}

export interface OscalImportResult {
  catalogue: Catalogue;
  counts: OscalCounts;
  /** items that were skipped */
  errors: ImportProblem[];
  /** items imported with something missing or unresolved */
  warnings: ImportProblem[];
}

export interface OscalImportOptions {
  /** catalogue id to use instead of one derived from the title */
  id?: string;
  /** for a profile: each import href mapped to the document read from the user's file */
  sources?: ReadonlyMap<string, OscalDocument>;
}

/** Part names with the heading Attest shows for them. */
const PART_TITLES: Record<string, string> = {
  overview: 'Overview',
  item: 'Additional requirements',
  'assessment-objective': 'Assessment objectives',
  objective: 'Objectives',
  'assessment-method': 'Assessment method',
  assessment: 'Assessment',
};

const isWithdrawn = (raw: Record<string, unknown>) =>
  arrayOf(raw.props).some((p) => p.name === 'status' && typeof p.value === 'string' && p.value.trim().toLowerCase() === 'withdrawn');

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function notCatalog(what: string): never {
  throw new AttestError(
    'OSCAL_NOT_CATALOG',
    `This file is not an OSCAL catalog: ${what}. Choose an OSCAL catalog or profile in JSON, XML or YAML.`,
  );
}

/** Derives a catalogue id (lower-case, hyphens, at most 63 characters) from a title. */
export function slugId(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 63) return slug || 'imported';
  // Cut at a word boundary so a long title does not end in half a word.
  const cut = slug.slice(0, 64);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, 63)).replace(/-+$/, '');
}

function safeVersion(version: string | undefined): string {
  if (version && /^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?$/.test(version)) return version;
  const cleaned = (version ?? '').replace(/[^0-9A-Za-z.-]+/g, '.').replace(/^\.+|\.+$/g, '');
  return cleaned ? `0.0.0+${cleaned}` : '0.0.0';
}

export function importOscalCatalog(input: unknown, options: OscalImportOptions = {}): OscalImportResult {
  let doc: unknown = input;
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const read = readOscal(input);
    doc = read.doc;
  }
  if (!isObject(doc)) notCatalog('the top level is not an object');
  if (isObject(doc.profile)) {
    const resolved = resolveProfile({ form: 'json', model: 'profile', doc }, options.sources ?? new Map());
    warnings.push(...resolved.warnings);
    doc = resolved.doc;
  }
  if (!isObject(doc)) notCatalog('the top level is not an object');
  const catalog = doc.catalog;
  if (!isObject(catalog))
    notCatalog(
      `it has no "catalog" but ${
        Object.keys(doc)
          .slice(0, 3)
          .map((k) => `"${k}"`)
          .join(', ') || 'nothing'
      }`,
    );
  const metadata = catalog.metadata;
  if (!isObject(metadata)) notCatalog('missing catalog.metadata');
  const title = str(metadata.title)?.trim();
  if (!title) notCatalog('missing catalog.metadata.title');

  const resources = new Map<string, Json>();
  for (const r of arrayOf(isObject(catalog['back-matter']) ? catalog['back-matter'].resources : undefined)) {
    const uuid = str(r.uuid);
    if (uuid) resources.set(uuid, r);
  }

  const categories: Category[] = [];
  const controls: Control[] = [];
  const counts: OscalCounts = { groups: 0, controls: 0, enhancements: 0 };
  const categoryIds = new Set<string>();

  const addCategory = (wantedId: string, categoryTitle: string): string => {
    let id = slugId(wantedId);
    for (let n = 2; categoryIds.has(id); n++) id = `${slugId(wantedId)}-${n}`;
    categoryIds.add(id);
    categories.push({ id, title: categoryTitle });
    return id;
  };

  const importControl = (raw: Json, path: string, categoryId: string, parent: string | undefined): void => {
    const id = str(raw.id)?.trim();
    if (!id) {
      errors.push({ path, message: 'skipped a control without an id' });
      return;
    }
    const controlTitle = str(raw.title)?.trim() || labelOf(raw)?.trim() || id;
    if (!str(raw.title)?.trim()) warnings.push({ path: id, message: `no title; shown as "${controlTitle}"` });
    if (parent === undefined) counts.controls++;
    else counts.enhancements++;

    const params = collectParams(raw);
    const substitute = (prose: string): string =>
      prose.replace(/\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g, (_m, pid: string) => {
        const shown = params.get(pid)?.shownAs;
        if (shown === undefined) {
          warnings.push({ path: id, message: `parameter "${pid}" is used but not defined; shown by its id` });
          return `[Assignment: ${pid}]`;
        }
        return shown;
      });
    // Parameter choices may themselves insert parameters: resolve those once the map is complete.
    for (const p of params.values()) {
      p.shownAs = p.shownAs.replace(
        /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g,
        (_m, pid: string) => params.get(pid)?.shownAs ?? `[Assignment: ${pid}]`,
      );
      if (p.choices)
        p.choices = p.choices.map((c) =>
          c.replace(/\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g, (_m, pid: string) => params.get(pid)?.shownAs ?? `[Assignment: ${pid}]`),
        );
    }

    const parts = arrayOf(raw.parts);
    const statementPart = parts.find((p) => p.name === 'statement');
    const statementParts = statementPart ? toStatementParts(statementPart, substitute) : [];
    let statement = statementParts.length ? flattenParts(statementParts) : '';
    const withdrawn = isWithdrawn(raw);
    if (!statement.trim()) {
      statement = withdrawn ? `Withdrawn: ${controlTitle}` : controlTitle;
      warnings.push({
        path: id,
        message: withdrawn
          ? 'withdrawn control; its title stands in for the statement'
          : 'no statement part; the title stands in for the statement',
      });
    }
    const guidance = parts
      .filter((p) => p.name === 'guidance')
      .map((p) => {
        const text = flattenParts(toStatementParts(p, substitute));
        const heading = str(p.title)?.trim();
        return heading && text ? `${heading}\n${text}` : text;
      })
      .filter(Boolean)
      .join('\n\n');
    const otherParts = parts
      .filter((p) => p !== statementPart && p.name !== 'guidance')
      .flatMap((p) => {
        const name = str(p.name) ?? 'part';
        const text = flattenParts(toStatementParts(p, substitute));
        if (!text) return [];
        const method = arrayOf(p.props).find((pr) => pr.name === 'method');
        const heading = str(p.title)?.trim() || PART_TITLES[name] || name.replace(/-/g, ' ').replace(/^./, (ch) => ch.toUpperCase());
        return [{ name, title: method && str(method.value) ? `${heading}: ${str(method.value)!.toLowerCase()}` : heading, text }];
      });

    const references: Reference[] = [];
    for (const link of arrayOf(raw.links)) {
      const href = str(link.href) ?? '';
      const rel = str(link.rel);
      if (rel === 'reference' && href.startsWith('#')) {
        const res = resources.get(href.slice(1));
        if (!res) {
          warnings.push({ path: id, message: `reference ${href} is not in the back-matter` });
          continue;
        }
        const rlink = arrayOf(res.rlinks)
          .map((l) => str(l.href))
          .find((h): h is string => !!h && /^https?:\/\//.test(h));
        const citation = isObject(res.citation) ? str(res.citation.text) : undefined;
        references.push({
          title: str(res.title)?.trim() || citation?.trim() || href.slice(1),
          ...(citation ? { section: citation.trim() } : {}),
          ...(rlink ? { url: rlink } : {}),
        });
      } else if ((rel === 'related' || rel === 'required') && href.startsWith('#')) {
        references.push({ title: `${rel === 'required' ? 'Requires' : 'Related'} control ${href.slice(1)}`, section: href.slice(1) });
      } else if (/^https?:\/\//.test(href)) {
        references.push({ title: str(link.text)?.trim() || href, url: href });
      }
    }

    const label = labelOf(raw);
    const candidate = {
      id,
      ...(label && label !== id ? { label } : {}),
      title: controlTitle,
      statement,
      guidance,
      category: categoryId,
      ...(parent !== undefined ? { parent } : {}),
      references,
      mappings: [],
      tags: [...(parent !== undefined ? ['enhancement'] : []), ...(withdrawn ? ['withdrawn'] : [])],
      checks: [],
      ...(statementParts.length ? { statementParts } : {}),
      ...(params.size ? { parameters: [...params.values()] } : {}),
      ...(otherParts.length ? { parts: otherParts } : {}),
    };
    const parsed = controlSchema.safeParse(candidate);
    if (parsed.success) controls.push(parsed.data);
    else errors.push({ path: `${path} (${id})`, message: `skipped: ${describeZodIssues(parsed.error, 3).join('; ')}` });

    arrayOf(raw.controls).forEach((child, i) => importControl(child, `${path}.controls[${i}]`, categoryId, id));
  };

  const importGroup = (group: Json, path: string, titlePrefix: string): void => {
    counts.groups++;
    const groupTitle = str(group.title)?.trim() || str(group.id) || `Group ${counts.groups}`;
    const fullTitle = titlePrefix ? `${titlePrefix} / ${groupTitle}` : groupTitle;
    const categoryId = addCategory(str(group.id) ?? groupTitle, fullTitle);
    arrayOf(group.controls).forEach((c, i) => importControl(c, `${path}.controls[${i}]`, categoryId, undefined));
    arrayOf(group.groups).forEach((g, i) => importGroup(g, `${path}.groups[${i}]`, fullTitle));
  };

  arrayOf(catalog.groups).forEach((g, i) => importGroup(g, `catalog.groups[${i}]`, ''));
  const loose = arrayOf(catalog.controls);
  if (loose.length) {
    const categoryId = addCategory('ungrouped', 'Ungrouped controls');
    loose.forEach((c, i) => importControl(c, `catalog.controls[${i}]`, categoryId, undefined));
  }
  if (categories.length === 0) notCatalog('it has no groups and no controls');

  const party = arrayOf(metadata.parties)
    .map((p) => str(p.name))
    .find(Boolean);
  const lastModified = str(metadata['last-modified']);
  const catalogue: Catalogue = {
    format: CATALOGUE_FORMAT,
    id: options.id ?? slugId(title),
    version: safeVersion(str(metadata.version)),
    title,
    description: `Imported from an OSCAL catalog${str(metadata['oscal-version']) ? ` (OSCAL ${str(metadata['oscal-version'])})` : ''}.`,
    source: {
      name: title,
      ...(party ? { publisher: party } : {}),
      ...(lastModified ? { retrieved: lastModified.slice(0, 10) } : {}),
    },
    licence: { note: 'Imported from an OSCAL catalog; the terms are those of the source document.' },
    origin: 'oscal',
    categories,
    controls,
  };
  // Duplicate ids and the like are reported, and the later duplicate is dropped.
  for (const issue of catalogueIssues(catalogue)) {
    if (issue.path.endsWith('.id') && issue.path.startsWith('controls[')) {
      errors.push({ path: issue.path, message: `skipped: ${issue.message}` });
    } else {
      warnings.push({ path: issue.path, message: issue.message });
    }
  }
  const seen = new Set<string>();
  catalogue.controls = catalogue.controls.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  return { catalogue, counts, errors, warnings };
}

/** The plain display label (the `label` prop without a class), e.g. AC-2(1). */
function labelOf(raw: Json): string | undefined {
  const labels = arrayOf(raw.props).filter((p) => p.name === 'label');
  return str((labels.find((p) => p.class === undefined) ?? labels[0])?.value);
}

function collectParams(raw: Json): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  for (const p of arrayOf(raw.params)) {
    const id = str(p.id);
    if (!id) continue;
    const label = str(p.label)?.trim();
    const guidance = arrayOf(p.guidelines)
      .map((g) => str(g.prose)?.trim())
      .filter(Boolean)
      .join(' ');
    const values = Array.isArray(p.values) ? p.values.filter((v): v is string => typeof v === 'string') : [];
    // FedRAMP states its required values as constraints ("at least annually").
    const constrained = arrayOf(p.constraints)
      .map((c) => str(c.description)?.trim())
      .filter((d): d is string => !!d);
    const select = isObject(p.select) ? p.select : undefined;
    const choices =
      select && Array.isArray(select.choice)
        ? select.choice.filter((c): c is string => typeof c === 'string').map((c) => c.trim())
        : undefined;
    const howMany = select && select['how-many'] === 'one-or-more' ? 'one-or-more' : select ? 'one' : undefined;
    let shownAs: string;
    if (values.length) shownAs = values.join(', ');
    else if (constrained.length) shownAs = constrained.join('; ');
    else if (choices) shownAs = `[Selection${howMany === 'one-or-more' ? ' (one or more)' : ''}: ${choices.join('; ')}]`;
    else if (label) shownAs = `[Assignment: ${/^organization-defined/i.test(label) ? label : `organization-defined ${label}`}]`;
    else shownAs = `[Assignment: ${guidance || id}]`;
    out.set(id, {
      id,
      ...(label ? { label } : {}),
      ...(guidance ? { guidance } : {}),
      ...(choices ? { choices } : {}),
      ...(howMany ? { howMany } : {}),
      ...(values.length ? { values } : constrained.length ? { values: constrained } : {}),
      shownAs,
    });
  }
  return out;
}

/** A part's own prose (if any) and its child parts, as a list of labelled nested parts. */
function toStatementParts(part: Json, substitute: (s: string) => string): StatementPart[] {
  const children = arrayOf(part.parts).flatMap((child) => {
    const prose = tidy(substitute(str(child.prose) ?? '').replace(/\s+/g, ' '));
    const heading = str(child.title)?.trim();
    const text = heading ? (prose ? `${heading}: ${prose}` : heading) : prose;
    const label = labelOf(child);
    const nested = toStatementParts({ parts: child.parts }, substitute);
    if (!text && !label && nested.length === 0) return [];
    return [{ ...(label ? { label } : {}), text, ...(nested.length ? { parts: nested } : {}) }];
  });
  const own = tidy(substitute(str(part.prose) ?? '').replace(/[ \t]+/g, ' '));
  return own ? [{ text: own, ...(children.length ? { parts: children } : {}) }] : children;
}

function flattenParts(parts: StatementPart[]): string {
  return flattenAt(parts, 0).replace(/^\n+|\s+$/g, '');
}

function flattenAt(parts: StatementPart[], depth: number): string {
  return parts
    .map((p) => {
      const line = `${'  '.repeat(depth)}${p.label ? `${p.label} ` : ''}${p.text}`.trimEnd();
      const below = p.parts?.length ? `\n${flattenAt(p.parts, depth + 1)}` : '';
      return line + below;
    })
    .join('\n');
}

/** Drops the stray space OSCAL leaves between an inserted parameter and the punctuation after it. */
function tidy(text: string): string {
  return text.replace(/ +([;,.:)])/g, '$1').trim();
}
