// IPC handlers of the catalogue library: list, read, search, import, and edit custom catalogues.
import type { CatalogueDetail } from '../../contract/catalog';
import type { CoreDeps } from '../deps';
import type { HandlerMap } from '../dispatcher';
import { AttestError } from '../errors';
import type { Workspace } from '../workspace';
import { importOscalCatalog, type ImportProblem, type OscalImportResult } from './import-oscal';
import { profileImports } from './oscal-profile';
import { looksLikeOscal, readOscal, type OscalDocument } from './oscal-read';
import { libraryDir, libraryEntries, loadLibraryCatalogue } from './starter-library';
import {
  bumpVersion,
  catalogueSummary,
  getCatalogue,
  installCatalogue,
  listCatalogues,
  removeCatalogue,
  validateCatalogue,
} from './library';
import { CATALOGUE_FORMAT, type Catalogue } from './schema';
import { searchControls } from './search';
import { importTabular, previewTabular, readTabular, tabularWhere } from './tabular';

type CatalogChannels =
  | 'catalog.list'
  | 'catalog.get'
  | 'catalog.search'
  | 'catalog.preview'
  | 'catalog.import'
  | 'catalog.createCustom'
  | 'catalog.saveControl'
  | 'catalog.deleteControl'
  | 'catalog.remove'
  | 'catalog.library'
  | 'catalog.addFromLibrary';

const decode = (file: { name: string; dataBase64: string }) => ({
  name: file.name,
  bytes: new Uint8Array(Buffer.from(file.dataBase64, 'base64')),
});

const problems = (list: readonly ImportProblem[]) => list.map((p) => ({ where: p.path, message: p.message }));

type Upload = { name: string; dataBase64: string };

function readNamed(file: { name: string; bytes: Uint8Array }): OscalDocument {
  try {
    return readOscal(file.bytes);
  } catch (error) {
    if (error instanceof AttestError)
      throw new AttestError(error.code, `${file.name}${error.message.replace(/^This file/, '')}`, { cause: error });
    throw error;
  }
}

/** The documents the user chose for a profile's imports, keyed by the href they answer. */
function readSources(sources: readonly { href: string; file: Upload }[] | undefined): Map<string, OscalDocument> {
  return new Map((sources ?? []).map((s) => [s.href, readNamed(decode(s.file))]));
}

/** A profile's imports, each marked resolved when a source answers it. */
function importsOf(doc: OscalDocument, sources: ReadonlyMap<string, OscalDocument>) {
  const profile = doc.doc.profile as Record<string, unknown>;
  return profileImports(profile).map((imp) => ({
    href: imp.href,
    ...(imp.title ? { title: imp.title } : {}),
    resolved: [imp.href, ...imp.alternatives].some((h) => sources.has(h) || sources.has(h.split('/').pop() ?? h)),
  }));
}

function importOscalFile(doc: OscalDocument, sources: ReadonlyMap<string, OscalDocument>, id?: string): OscalImportResult {
  return importOscalCatalog(doc.doc, { ...(id ? { id } : {}), sources });
}

export function detail(catalogue: Catalogue, summary: CatalogueDetail['summary']): CatalogueDetail {
  return {
    summary,
    description: catalogue.description,
    source: catalogue.source,
    licence: catalogue.licence,
    categories: catalogue.categories,
    controls: catalogue.controls.map((c) => ({
      id: c.id,
      ...(c.label !== undefined ? { label: c.label } : {}),
      title: c.title,
      statement: c.statement,
      guidance: c.guidance,
      category: c.category,
      ...(c.weight !== undefined ? { weight: c.weight } : {}),
      ...(c.severity !== undefined ? { severity: c.severity } : {}),
      ...(c.parent !== undefined ? { parent: c.parent } : {}),
      references: c.references,
      mappings: c.mappings,
      tags: c.tags,
      checks: c.checks,
      ...(c.note !== undefined ? { note: c.note } : {}),
      ...(c.parts?.length ? { parts: c.parts } : {}),
    })),
  };
}

interface ImportOutcome {
  counts: { groups: number; enhancements: number };
  rowErrors: { where: string; message: string }[];
  warnings: { where: string; message: string }[];
  name: string;
  replace: boolean;
}

/** Validates and installs an imported catalogue; an existing id is replaced only when asked. */
async function installImported(ws: Workspace, catalogue: Catalogue, o: ImportOutcome, actor: string) {
  const exists = (id: string) => listCatalogues(ws).some((c) => c.id === id);
  if (catalogue.controls.length === 0) {
    throw new AttestError(
      'IMPORT_NOTHING',
      `No control in ${o.name} could be imported; nothing was saved.${o.rowErrors[0] ? ` First problem: ${o.rowErrors[0].where}: ${o.rowErrors[0].message}` : ''}`,
    );
  }
  const valid = validateCatalogue(catalogue);
  if (exists(valid.id)) {
    const current = catalogueSummary(ws, valid.id);
    if (current.origin === 'builtin')
      throw new AttestError('CATALOG_EXISTS', `"${valid.id}" is a built-in catalogue. Import under another id.`);
    if (!o.replace) {
      throw new AttestError(
        'CATALOG_EXISTS',
        `The workspace already has a catalogue "${valid.id}" (${current.title}, version ${current.version}). Import it as a new version with replace, or under another id.`,
      );
    }
    if (valid.version === current.version) valid.version = bumpVersion(current.version);
  }
  const installed = await installCatalogue(ws, valid, actor);
  return {
    catalogue: installed.summary,
    imported: valid.controls.length,
    groups: o.counts.groups,
    enhancements: o.counts.enhancements,
    rowErrors: o.rowErrors.slice(0, 500),
    warnings: o.warnings.slice(0, 500),
  };
}

function assertEditableCatalogue(c: Catalogue): void {
  if (c.origin === 'builtin') {
    throw new AttestError('CATALOG_BUILTIN', 'Built-in catalogues are read-only. Create a custom catalogue for your own controls.');
  }
}

export function catalogHandlers({ library, options }: CoreDeps): Pick<HandlerMap, CatalogChannels> {
  const starterDir = libraryDir(options.catalogueDir);
  const exists = (ws: Workspace, id: string) => listCatalogues(ws).some((c) => c.id === id);
  return {
    'catalog.list': async () => ({ catalogues: listCatalogues(await library.workspace()) }),
    'catalog.get': async (r) => {
      const ws = await library.workspace();
      return detail(getCatalogue(ws, r.id), catalogueSummary(ws, r.id));
    },
    'catalog.search': async (r) => searchControls(await library.workspace(), r),
    'catalog.preview': async (r) => {
      const ws = await library.workspace();
      const file = decode(r.file);
      if (looksLikeOscal(file.bytes)) {
        const doc = readNamed(file);
        const sources = readSources(r.sources);
        const imports = doc.model === 'profile' ? importsOf(doc, sources) : undefined;
        if (imports?.some((i) => !i.resolved))
          return {
            kind: 'profile' as const,
            title: String((doc.doc.profile as { metadata?: { title?: unknown } }).metadata?.title ?? file.name),
            imports,
          };
        const result = importOscalFile(doc, sources);
        return {
          kind: 'oscal' as const,
          id: result.catalogue.id,
          title: result.catalogue.title,
          version: result.catalogue.version,
          ...result.counts,
          warnings: problems(result.warnings).slice(0, 200),
          errors: problems(result.errors).slice(0, 200),
          exists: exists(ws, result.catalogue.id),
          ...(imports ? { imports } : {}),
        };
      }
      return { kind: 'tabular' as const, ...(await previewTabular(file, 5, { sheet: r.sheet, headerRow: r.headerRow })) };
    },
    'catalog.import': async (r, context) => {
      const ws = await library.workspace();
      const file = decode(r.file);
      let catalogue: Catalogue;
      let counts = { groups: 0, enhancements: 0 };
      let rowErrors: { where: string; message: string }[];
      let warnings: { where: string; message: string }[];
      if (looksLikeOscal(file.bytes)) {
        const result = importOscalFile(readNamed(file), readSources(r.sources), r.id);
        catalogue = r.title ? { ...result.catalogue, title: r.title } : result.catalogue;
        counts = result.counts;
        rowErrors = problems(result.errors);
        warnings = problems(result.warnings);
      } else {
        if (!r.mapping) throw new AttestError('IMPORT_MAPPING_INCOMPLETE', 'Choose which column holds each field before importing.');
        const title = r.title ?? file.name.replace(/\.[^.]+$/, '');
        const table = await readTabular(file, { sheet: r.sheet, headerRow: r.headerRow }, r.mapping);
        const result = importTabular(table, r.mapping, { title, ...(r.id ? { id: r.id } : {}), sourceName: file.name });
        catalogue = result.catalogue;
        rowErrors = result.errors.map((e) => ({ where: tabularWhere(e), message: e.message }));
        warnings = result.warnings.map((message) => ({ where: table.sheet !== null ? `sheet "${table.sheet}"` : file.name, message }));
      }
      return installImported(ws, catalogue, { counts, rowErrors, warnings, name: file.name, replace: r.replace }, context.actor);
    },
    'catalog.createCustom': async (r, context) => {
      const ws = await library.workspace();
      if (exists(ws, r.id)) throw new AttestError('CATALOG_EXISTS', `The workspace already has a catalogue "${r.id}". Choose another id.`);
      const catalogue = validateCatalogue({
        format: CATALOGUE_FORMAT,
        id: r.id,
        version: '1.0.0',
        title: r.title,
        description: r.description,
        source: { name: 'Written in this workspace' },
        licence: { note: "Written by this workspace's users; their own terms apply." },
        origin: 'custom',
        categories: r.categories,
        controls: [],
      });
      return (await installCatalogue(ws, catalogue, context.actor)).summary;
    },
    'catalog.saveControl': async (r, context) => {
      const ws = await library.workspace();
      const current = getCatalogue(ws, r.catalogueId);
      assertEditableCatalogue(current);
      const replacing = r.previousId ?? r.control.id;
      const existing = current.controls.find((c) => c.id === replacing);
      const control = { ...(existing ?? { references: [], mappings: [], checks: [] }), ...r.control };
      if (!current.categories.some((c) => c.id === control.category)) {
        throw new AttestError(
          'CATALOG_INVALID',
          `Category "${control.category}" is not one of this catalogue's: ${current.categories.map((c) => c.id).join(', ')}.`,
        );
      }
      const controls = existing ? current.controls.map((c) => (c.id === replacing ? control : c)) : [...current.controls];
      if (!existing) controls.splice(Math.min(r.position ?? controls.length, controls.length), 0, control);
      const next = validateCatalogue({ ...current, version: bumpVersion(current.version), controls });
      return (await installCatalogue(ws, next, context.actor)).summary;
    },
    'catalog.deleteControl': async (r, context) => {
      const ws = await library.workspace();
      const current = getCatalogue(ws, r.catalogueId);
      assertEditableCatalogue(current);
      if (!current.controls.some((c) => c.id === r.controlId))
        throw new AttestError('CONTROL_NOT_FOUND', `Catalogue "${r.catalogueId}" has no control "${r.controlId}".`);
      const next = validateCatalogue({
        ...current,
        version: bumpVersion(current.version),
        controls: current.controls.filter((c) => c.id !== r.controlId),
      });
      return (await installCatalogue(ws, next, context.actor)).summary;
    },
    'catalog.library': async () => {
      const ws = await library.workspace();
      return {
        entries: libraryEntries(starterDir).map((e) => ({
          id: e.id,
          title: e.title,
          publisher: e.publisher,
          source: e.source,
          licence: e.licence,
          installed: exists(ws, e.id),
        })),
      };
    },
    'catalog.addFromLibrary': async (r, context) => {
      const ws = await library.workspace();
      const { entry, result } = loadLibraryCatalogue(r.id, starterDir);
      return installImported(
        ws,
        result.catalogue,
        {
          counts: result.counts,
          rowErrors: problems(result.errors),
          warnings: problems(result.warnings),
          name: entry.title,
          replace: r.replace,
        },
        context.actor,
      );
    },
    'catalog.remove': async (r, context) => {
      const ws = await library.workspace();
      await removeCatalogue(ws, r.id, context.actor);
      return { catalogues: listCatalogues(ws) };
    },
  };
}
