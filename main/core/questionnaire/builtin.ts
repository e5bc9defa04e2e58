// Reads and validates the built-in questionnaire templates in catalog/questionnaires/.
// A file that does not match the schema stops the load with the file and the problem.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateBody } from '../../contract/questionnaire';
import { AttestError } from '../errors';
import { parseTemplate } from './templates';

export function defaultTemplateDir(catalogueDir?: string): string {
  return catalogueDir ? join(catalogueDir, 'questionnaires') : fileURLToPath(new URL('../../../catalog/questionnaires/', import.meta.url));
}

export function loadBuiltinTemplates(dir = defaultTemplateDir()): TemplateBody[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
  return files.map((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (cause) {
      throw new AttestError('TEMPLATE_INVALID', `The built-in template ${file} is not valid JSON.`, { cause });
    }
    return parseTemplate(data, `The built-in template ${file}`);
  });
}
