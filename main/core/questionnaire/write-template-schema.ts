// Writes catalog/questionnaires/template.schema.json from the template schema, so an
// editor can check a template file: `npx tsx main/core/questionnaire/write-template-schema.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { templateBody } from '../../contract/questionnaire';

const target = fileURLToPath(new URL('../../../catalog/questionnaires/template.schema.json', import.meta.url));
const schema = { ...z.toJSONSchema(templateBody, { io: 'input' }), title: 'Attest questionnaire template' };
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
