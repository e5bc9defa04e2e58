// Reads and validates the built-in catalogues in catalog/*.yaml. Every file must match the
// built-in schema, pass the per-catalogue rules, and its mappings must resolve into the
// other built-in catalogues and be mirrored there. Returns each catalogue with its
// content hash, so an assessment can snapshot exactly what it was assessed against.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { AttestError } from '../errors';
import { contentHash } from './canonical';
import { catalogueIssues, crossCatalogueIssues, type CatalogueIssue } from './integrity';
import { builtinCatalogueSchema, type Catalogue } from './schema';
import { describeZodIssues } from './zod-issues';

export interface LoadedCatalogue {
  catalogue: Catalogue;
  /** `sha256:<hex>` over the canonical JSON of the validated catalogue. */
  hash: string;
  version: string;
  /** file name inside the catalogue folder, e.g. `platform-baseline.yaml` */
  file: string;
}

/** The catalog/ folder of the source tree. A packaged app passes its own resources path. */
export function defaultCatalogueDir(): string {
  return fileURLToPath(new URL('../../../catalog/', import.meta.url));
}

export interface CatalogueFileProblem {
  file: string;
  problems: string[];
}

/**
 * Validates catalogue sources given as { file, text } without touching the disk, and
 * returns the catalogues that parsed plus every problem found (none means all is well).
 */
export function validateCatalogueSources(sources: readonly { file: string; text: string }[]): {
  loaded: LoadedCatalogue[];
  problems: CatalogueFileProblem[];
} {
  const loaded: LoadedCatalogue[] = [];
  const problems: CatalogueFileProblem[] = [];
  const fileOf = new Map<string, string>();

  for (const { file, text } of sources) {
    let raw: unknown;
    try {
      raw = parseYaml(text, { uniqueKeys: true });
    } catch (error) {
      problems.push({ file, problems: [`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}`] });
      continue;
    }
    const parsed = builtinCatalogueSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ file, problems: describeZodIssues(parsed.error) });
      continue;
    }
    const catalogue: Catalogue = parsed.data;
    if (fileOf.has(catalogue.id)) {
      problems.push({ file, problems: [`catalogue id "${catalogue.id}" is also used by ${fileOf.get(catalogue.id)}`] });
      continue;
    }
    fileOf.set(catalogue.id, file);
    const issues = catalogueIssues(catalogue);
    if (issues.length) problems.push({ file, problems: issues.map(formatIssue) });
    loaded.push({ catalogue, hash: contentHash(catalogue), version: catalogue.version, file });
  }

  const cross = crossCatalogueIssues(loaded.map((l) => l.catalogue));
  for (const issue of cross) {
    const file = fileOf.get(issue.catalogue) ?? issue.catalogue;
    const entry = problems.find((p) => p.file === file) ?? problems[problems.push({ file, problems: [] }) - 1]!;
    entry.problems.push(formatIssue(issue));
  }
  return { loaded, problems };
}

function formatIssue(issue: CatalogueIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** Loads every `*.yaml` catalogue in `dir`, sorted by file name; throws CATALOG_INVALID on any problem. */
export function loadBuiltinCatalogues(dir: string = defaultCatalogueDir()): LoadedCatalogue[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .sort();
  } catch (error) {
    throw new AttestError(
      'CATALOG_DIR_MISSING',
      `The built-in catalogue folder could not be read (${dir}). Reinstall Attest; the catalogues ship with it.`,
      { cause: error },
    );
  }
  if (names.length === 0) {
    throw new AttestError(
      'CATALOG_DIR_MISSING',
      `The built-in catalogue folder (${dir}) holds no catalogue files. Reinstall Attest; the catalogues ship with it.`,
    );
  }
  const sources = names.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  const { loaded, problems } = validateCatalogueSources(sources);
  if (problems.length) {
    const detail = problems.map((p) => `${p.file}: ${p.problems.slice(0, 5).join('; ')}`).join(' | ');
    throw new AttestError('CATALOG_INVALID', `A built-in catalogue is not valid, so none were loaded. ${detail}`);
  }
  return loaded;
}
