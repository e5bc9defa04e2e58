// The one source of truth for Attest's control catalogues. Built-in YAML files, OSCAL
// imports and CSV/XLSX imports all produce a `Catalogue` of this shape; catalog/schema.json
// is generated from these schemas (write-json-schema.ts) for editors and external tools.
import { z } from 'zod';

/** Ids of the live checks a control may cite as evidence (built by the live-checks work). */
export const CHECK_IDS = [
  'web.https-redirect',
  'web.hsts',
  'web.csp',
  'web.content-type-options',
  'web.frame-options',
  'web.referrer-policy',
  'web.permissions-policy',
  'web.stack-disclosure',
  'web.cookies',
  'web.cors',
  'web.observatory-grade',
  'tls.protocols',
  'tls.certificate',
  'dns.spf',
  'dns.dmarc',
  'dns.caa',
  'dns.dnssec',
  'saas.tines.tenant',
  'saas.retool.sso',
  'saas.github.org-2fa',
  'saas.github.org-settings',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Current version of the catalogue file format itself (not of any catalogue's content). */
export const CATALOGUE_FORMAT = 1;

// Ids appear in reports, CLI arguments and mappings: keep them to a safe, printable set.
const catalogueId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a catalogue id is lower-case letters, digits and hyphens');
const controlId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._()&/-]{0,79}$/, 'a control id is letters, digits and . _ - ( ) & / without spaces');
const text = z.string().trim().min(1);

export const referenceSchema = z
  .object({
    title: text.describe('what is referenced, e.g. the source section name'),
    section: z.string().optional().describe('section, row code or anchor inside the source'),
    url: z.url().optional(),
  })
  .strict();

export const mappingSchema = z
  .object({
    catalogue: catalogueId.describe('id of the other catalogue'),
    control: controlId.describe('id of the overlapping control in that catalogue'),
  })
  .strict();

export interface StatementPart {
  label?: string | undefined;
  text: string;
  parts?: StatementPart[] | undefined;
}
/** A labelled piece of a structured statement (OSCAL "item" parts), nested as in the source. */
export const statementPartSchema: z.ZodType<StatementPart> = z.lazy(() =>
  z
    .object({
      label: z.string().optional(),
      text: z.string(),
      parts: z.array(statementPartSchema).optional(),
    })
    .strict(),
);

export const parameterSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().optional(),
    guidance: z.string().optional(),
    choices: z.array(z.string()).optional(),
    values: z.array(z.string()).optional().describe('the value set by the source (values, or FedRAMP constraints)'),
    howMany: z.enum(['one', 'one-or-more']).optional(),
    shownAs: z.string().describe('the text substituted into the statement for this parameter'),
  })
  .strict();

/** A named part of a source control beyond its statement and guidance, as readable text. */
export const controlPartSchema = z
  .object({
    name: z.string().min(1).describe('the source part name, e.g. assessment-objective'),
    title: z.string().min(1),
    text: z.string().min(1),
  })
  .strict();

export const controlSchema = z
  .object({
    id: controlId,
    label: z.string().optional().describe('how the source displays the id, e.g. AC-2(1), where it differs'),
    title: text,
    statement: text.describe('what must be true; an assessor can judge it met or not met'),
    guidance: z.string().default('').describe('what evidence to look for and how to judge it'),
    category: z.string().min(1).describe('id of one of the catalogue categories'),
    weight: z.number().int().min(1).max(5).optional().describe('relative importance, 1 (low) to 5 (high)'),
    severity: z.enum(SEVERITIES).optional().describe('severity of a finding when the control is not met'),
    parent: controlId.optional().describe('for an enhancement: the id of the control it enhances'),
    references: z.array(referenceSchema).default([]),
    mappings: z.array(mappingSchema).default([]),
    tags: z.array(z.string().min(1)).default([]),
    checks: z.array(z.string().min(1)).default([]).describe('ids of live checks that can evidence this control'),
    statementParts: z.array(statementPartSchema).optional(),
    parameters: z.array(parameterSchema).optional(),
    parts: z.array(controlPartSchema).optional().describe('every other part of the source: overview, objectives, added requirements'),
    note: z.string().optional().describe('editorial note, e.g. why an id differs from the source'),
  })
  .strict();

export const categorySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a category id is lower-case letters, digits and hyphens'),
    title: text,
    description: z.string().optional(),
  })
  .strict();

export const catalogueSchema = z
  .object({
    format: z.literal(CATALOGUE_FORMAT),
    id: catalogueId,
    version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?$/, 'a version looks like 1.0.0'),
    title: text,
    description: z.string().default(''),
    source: z
      .object({
        name: text.describe('the public document the catalogue is written from'),
        url: z.url().optional(),
        publisher: z.string().optional(),
        retrieved: z.string().optional().describe('date the source text was taken, YYYY-MM-DD'),
      })
      .strict(),
    licence: z
      .object({
        note: text.describe('terms of the source and how Attest uses it'),
        spdx: z.string().optional(),
      })
      .strict(),
    origin: z.enum(['builtin', 'oscal', 'tabular', 'custom']).default('builtin'),
    categories: z.array(categorySchema).min(1).describe('in display order'),
    controls: z.array(controlSchema),
  })
  .strict();

/** Built-in catalogues are held to more than imports: every control is fully described. */
export const builtinControlSchema = controlSchema.extend({
  guidance: text,
  weight: z.number().int().min(1).max(5),
  severity: z.enum(SEVERITIES),
  references: z.array(referenceSchema).min(1),
  checks: z.array(z.enum(CHECK_IDS)).default([]),
});
export const builtinCatalogueSchema = catalogueSchema.extend({
  origin: z.literal('builtin').default('builtin'),
  source: catalogueSchema.shape.source.extend({ url: z.url() }),
  controls: z.array(builtinControlSchema).min(1),
});

export type Reference = z.infer<typeof referenceSchema>;
export type Mapping = z.infer<typeof mappingSchema>;
export type Parameter = z.infer<typeof parameterSchema>;
export type ControlPart = z.infer<typeof controlPartSchema>;
export type Control = z.infer<typeof controlSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
