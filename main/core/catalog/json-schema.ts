// The JSON Schema form of the built-in catalogue schema, as committed in catalog/schema.json.
import { z } from 'zod';
import { builtinCatalogueSchema } from './schema';

export function catalogueJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(builtinCatalogueSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://attest.invalid/catalog/schema.json',
    title: 'Attest built-in control catalogue',
    description: 'Generated from main/core/catalog/schema.ts by `npx tsx main/core/catalog/write-json-schema.ts`; do not edit by hand.',
  };
}

export function catalogueJsonSchemaText(): string {
  return `${JSON.stringify(catalogueJsonSchema(), null, 2)}\n`;
}
