// The starter library: openly licensed OSCAL catalogues shipped with Attest under
// catalog/library/, Brotli-compressed, each checked against the sha256 of the published
// file before it is imported. Reads the disk (the app's own resources), nothing else.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { z } from 'zod';
import { AttestError } from '../errors';
import { importOscalCatalog, type OscalImportResult } from './import-oscal';
import { defaultCatalogueDir } from './loader';

const indexSchema = z.object({
  licence: z.string(),
  entries: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
      title: z.string(),
      file: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      publisher: z.string(),
      source: z.string(),
    }),
  ),
});

export type LibraryEntry = z.infer<typeof indexSchema>['entries'][number] & { licence: string };

export function libraryDir(catalogueDir: string = defaultCatalogueDir()): string {
  return join(catalogueDir, 'library');
}

export function libraryEntries(dir: string = libraryDir()): LibraryEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  } catch (cause) {
    throw new AttestError(
      'LIBRARY_MISSING',
      `The catalogue library (${dir}) could not be read. Reinstall Attest; the library ships with it.`,
      { cause },
    );
  }
  const index = indexSchema.parse(raw);
  return index.entries.map((e) => ({ ...e, licence: index.licence }));
}

/** The library catalogue `id`, read, checked and imported under that id. */
export function loadLibraryCatalogue(id: string, dir: string = libraryDir()): { entry: LibraryEntry; result: OscalImportResult } {
  const entries = libraryEntries(dir);
  const entry = entries.find((e) => e.id === id);
  if (!entry)
    throw new AttestError('LIBRARY_NOT_FOUND', `The library has no catalogue "${id}". It offers: ${entries.map((e) => e.id).join(', ')}.`);
  let bytes: Buffer;
  try {
    bytes = brotliDecompressSync(readFileSync(join(dir, entry.file)));
  } catch (cause) {
    throw new AttestError('LIBRARY_DAMAGED', `The library file for "${id}" (${entry.file}) is missing or damaged. Reinstall Attest.`, {
      cause,
    });
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== entry.sha256)
    throw new AttestError(
      'LIBRARY_DAMAGED',
      `The library file for "${id}" (${entry.file}) does not match its published checksum. Reinstall Attest.`,
    );
  const result = importOscalCatalog(bytes, { id: entry.id });
  result.catalogue.licence = { note: entry.licence };
  result.catalogue.source = { ...result.catalogue.source, name: entry.source, publisher: entry.publisher };
  return { entry, result };
}
