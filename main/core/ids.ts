import { randomBytes } from 'node:crypto';

/** A short random id with a prefix that says what it names, e.g. `asm_3f9c1a20b7`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
