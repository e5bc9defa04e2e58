// Regenerates catalog/schema.json from the zod schema: `npx tsx main/core/catalog/write-json-schema.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueJsonSchemaText } from './json-schema';
import { defaultCatalogueDir } from './loader';

const target = join(defaultCatalogueDir(), 'schema.json');
writeFileSync(target, catalogueJsonSchemaText());
console.log(`wrote ${target}`);
