// What the catalogue import takes: its size limit and the kinds of file it reads.

/** The contract's upload limit: 30 MB of file. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export type ImportKind = 'oscal' | 'tabular';

/** What the core will make of a file, by its name, or why it cannot take it. */
export function importKind(name: string): ImportKind | null {
  const lower = name.toLowerCase();
  if (/\.(json|xml|ya?ml)$/.test(lower)) return 'oscal';
  if (lower.endsWith('.csv') || lower.endsWith('.xlsx')) return 'tabular';
  return null;
}
