import { z } from 'zod';
import { defineChannel } from './channel';

const catalogueId = z.string().min(1).max(63);
const controlId = z.string().min(1).max(80);
/** File contents travel as base64: IPC and the test harness both carry strings safely. */
export const fileUpload = z
  .object({
    name: z.string().min(1).max(255),
    dataBase64: z.string().max(Math.ceil((30 * 1024 * 1024 * 4) / 3), 'the file is too large to send (30 MB at most)'),
  })
  .strict();

export const catalogueSummary = z.object({
  id: z.string(),
  version: z.string(),
  hash: z.string(),
  title: z.string(),
  origin: z.enum(['builtin', 'oscal', 'tabular', 'custom']),
  controlCount: z.number(),
  addedAt: z.string(),
  updatedAt: z.string(),
});
export type CatalogueSummary = z.infer<typeof catalogueSummary>;

const reference = z.object({ title: z.string(), section: z.string().optional(), url: z.string().optional() });
const mapping = z.object({ catalogue: z.string(), control: z.string() });

export const controlView = z.object({
  id: z.string(),
  label: z.string().optional(),
  title: z.string(),
  statement: z.string(),
  guidance: z.string(),
  category: z.string(),
  weight: z.number().optional(),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']).optional(),
  parent: z.string().optional(),
  references: z.array(reference),
  mappings: z.array(mapping),
  tags: z.array(z.string()),
  checks: z.array(z.string()),
  note: z.string().optional(),
  /** the source's other parts (overview, objectives, added requirements), in order */
  parts: z.array(z.object({ name: z.string(), title: z.string(), text: z.string() })).optional(),
});
export type ControlView = z.infer<typeof controlView>;

export const categoryView = z.object({ id: z.string(), title: z.string(), description: z.string().optional() });

export const catalogueDetail = z.object({
  summary: catalogueSummary,
  description: z.string(),
  source: z.object({ name: z.string(), url: z.string().optional(), publisher: z.string().optional(), retrieved: z.string().optional() }),
  licence: z.object({ note: z.string(), spdx: z.string().optional() }),
  categories: z.array(categoryView),
  controls: z.array(controlView),
});
export type CatalogueDetail = z.infer<typeof catalogueDetail>;

const tabularField = z.enum(['id', 'title', 'statement', 'guidance', 'category', 'weight', 'severity', 'tags', 'references']);
/** A column by its header text; statement, guidance, tags and references may take several. */
const columnMapping = z.partialRecord(tabularField, z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(20)]));
/** Where the table is in the file: the sheet (XLSX) and the row that names the columns; found when left out. */
const tabularLayout = { sheet: z.string().min(1).max(200).optional(), headerRow: z.number().int().min(1).max(1_048_576).optional() };
const gridRow = z.object({ row: z.number(), cells: z.array(z.string()) });

const importProblem = z.object({ where: z.string(), message: z.string() });

/** For an OSCAL profile: the local file the user chose for each import href. */
const profileSources = z.array(z.object({ href: z.string().min(1).max(2000), file: fileUpload })).max(20);
const profileImport = z.object({ href: z.string(), title: z.string().optional(), resolved: z.boolean() });

export const libraryEntry = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  source: z.string(),
  licence: z.string(),
  installed: z.boolean(),
});
export type LibraryEntryView = z.infer<typeof libraryEntry>;

const importResponse = z.object({
  catalogue: catalogueSummary,
  imported: z.number(),
  groups: z.number(),
  enhancements: z.number(),
  rowErrors: z.array(importProblem),
  warnings: z.array(importProblem),
});

export const searchHit = z.object({
  catalogueId: z.string(),
  controlId: z.string(),
  title: z.string(),
  category: z.string(),
  snippet: z.string(),
  status: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

const customControl = z.object({
  id: controlId,
  title: z.string().trim().min(1, 'a title is required').max(300),
  statement: z.string().trim().min(1, 'a statement is required').max(20_000),
  guidance: z.string().max(20_000).default(''),
  category: z.string().min(1).max(100),
  weight: z.number().int().min(1).max(5).optional(),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info']).optional(),
  tags: z.array(z.string().min(1).max(60)).max(30).default([]),
  // Kept as they are when omitted; passed back in full by an undo of a removal.
  label: z.string().max(80).optional(),
  parent: controlId.optional(),
  references: z.array(reference).max(200).optional(),
  mappings: z.array(mapping).max(200).optional(),
  checks: z.array(z.string().min(1).max(80)).max(50).optional(),
  note: z.string().max(5000).optional(),
});

export const catalogChannels = {
  'catalog.list': defineChannel({
    effect: 'read',
    summary: 'The catalogues this workspace holds (built-ins are installed on first use).',
    request: z.object({}).strict(),
    response: z.object({ catalogues: z.array(catalogueSummary) }),
  }),
  'catalog.get': defineChannel({
    effect: 'read',
    summary: 'One catalogue at its current version, with categories and every control.',
    request: z.object({ id: catalogueId }).strict(),
    response: catalogueDetail,
  }),
  'catalog.search': defineChannel({
    effect: 'read',
    summary: 'Full-text search over control id, title, statement and guidance, with filters.',
    request: z
      .object({
        text: z.string().max(500).default(''),
        catalogueId: catalogueId.optional(),
        category: z.string().max(100).optional(),
        tag: z.string().max(100).optional(),
        assessmentId: z.string().max(64).optional(),
        status: z.enum(['not-assessed', 'met', 'partial', 'not-met', 'not-applicable']).optional(),
        limit: z.number().int().min(1).max(10_000).default(200),
      })
      .strict(),
    response: z.object({ hits: z.array(searchHit), total: z.number() }),
  }),
  'catalog.preview': defineChannel({
    effect: 'read',
    summary: 'Read a file to import: an OSCAL catalog is summarised, a CSV or XLSX shows its columns.',
    request: z.object({ file: fileUpload, sources: profileSources.optional(), ...tabularLayout }).strict(),
    response: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('profile'),
        title: z.string(),
        /** every import; those not resolved need a local file (sources) before import */
        imports: z.array(profileImport),
      }),
      z.object({
        kind: z.literal('oscal'),
        id: z.string(),
        title: z.string(),
        version: z.string(),
        groups: z.number(),
        controls: z.number(),
        enhancements: z.number(),
        warnings: z.array(importProblem),
        errors: z.array(importProblem),
        exists: z.boolean(),
        imports: z.array(profileImport).optional(),
      }),
      z.object({
        kind: z.literal('tabular'),
        /** the sheet read (null for a CSV), every sheet of the workbook, and the header row found or chosen */
        sheet: z.string().nullable(),
        sheets: z.array(z.object({ name: z.string(), hidden: z.boolean() })),
        headerRow: z.number(),
        /** the first rows of the sheet, to choose another header row from */
        topRows: z.array(gridRow),
        columns: z.array(z.string()),
        sampleRows: z.array(z.array(z.string())),
        rowCount: z.number(),
        suggestedMapping: columnMapping,
        encoding: z.string().optional(),
        delimiter: z.string().optional(),
        warnings: z.array(z.string()),
      }),
    ]),
  }),
  'catalog.import': defineChannel({
    effect: 'write',
    summary: 'Import an OSCAL catalog, or a CSV/XLSX with a column mapping, into the workspace.',
    request: z
      .object({
        file: fileUpload,
        mapping: columnMapping.optional(),
        ...tabularLayout,
        title: z.string().trim().min(1).max(200).optional(),
        id: catalogueId.optional(),
        replace: z.boolean().default(false),
        sources: profileSources.optional(),
      })
      .strict(),
    response: importResponse,
  }),
  'catalog.library': defineChannel({
    effect: 'read',
    summary: 'The openly licensed catalogues that ship with Attest, ready to add.',
    request: z.object({}).strict(),
    response: z.object({ entries: z.array(libraryEntry) }),
  }),
  'catalog.addFromLibrary': defineChannel({
    effect: 'write',
    summary: 'Add a catalogue from the library that ships with Attest.',
    request: z.object({ id: catalogueId, replace: z.boolean().default(false) }).strict(),
    response: importResponse,
  }),
  'catalog.createCustom': defineChannel({
    effect: 'write',
    summary: 'Create an empty custom catalogue with the given categories.',
    request: z
      .object({
        id: catalogueId.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens'),
        title: z.string().trim().min(1, 'a title is required').max(200),
        description: z.string().max(5000).default(''),
        categories: z.array(z.object({ id: z.string().min(1).max(60), title: z.string().trim().min(1).max(200) })).min(1),
      })
      .strict(),
    response: catalogueSummary,
  }),
  'catalog.saveControl': defineChannel({
    effect: 'write',
    summary: 'Add or change a control of a custom or imported catalogue (its version goes up).',
    request: z
      .object({
        catalogueId,
        control: customControl,
        previousId: controlId.optional(),
        /** where a new control goes in the catalogue's order (an undo puts it back in place); default: last */
        position: z.number().int().min(0).optional(),
      })
      .strict(),
    response: catalogueSummary,
  }),
  'catalog.deleteControl': defineChannel({
    effect: 'write',
    summary: 'Remove a control from a custom or imported catalogue (its version goes up).',
    request: z.object({ catalogueId, controlId }).strict(),
    response: catalogueSummary,
  }),
  'catalog.remove': defineChannel({
    effect: 'write',
    summary: 'Remove an imported or custom catalogue; assessments keep their snapshots.',
    request: z.object({ id: catalogueId }).strict(),
    response: z.object({ catalogues: z.array(catalogueSummary) }),
  }),
};
