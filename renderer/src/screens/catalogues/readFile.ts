// A picked file as base64, the form the import channels take (IPC carries strings safely).

/** The contract's upload limit: 30 MB of file. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`${file.name} could not be read: ${reader.error?.message ?? 'unknown error'}.`));
    reader.onload = () => {
      const url = String(reader.result);
      // A data URL: "data:<type>;base64,<data>".
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export type ImportKind = 'oscal' | 'tabular';

/** What the core will make of a file, by its name, or why it cannot take it. */
export function importKind(name: string): ImportKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'oscal';
  if (lower.endsWith('.csv') || lower.endsWith('.xlsx')) return 'tabular';
  return null;
}
