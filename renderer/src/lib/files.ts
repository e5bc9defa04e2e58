// Files between the user and the core. IPC carries strings, so a picked or dropped file
// travels as base64, and bytes coming back are saved through a Blob URL and an
// <a download>, letting the browser's own download flow take over.

export interface Upload {
  name: string;
  dataBase64: string;
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // A data URL: "data:<type>;base64,<data>".
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`“${file.name}” could not be read: ${reader.error?.message ?? 'unknown error'}`));
    reader.readAsDataURL(file);
  });
}

export async function readUpload(file: File): Promise<Upload> {
  return { name: file.name, dataBase64: await readAsBase64(file) };
}

export const base64ToBytes = (data: string) => Uint8Array.from(atob(data), (c) => c.charCodeAt(0));

export function saveDownload(file: { name: string; mediaType?: string | null; dataBase64: string }): void {
  const bytes = base64ToBytes(file.dataBase64);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file size as people read it: KB below a megabyte, MB with one decimal above. */
export const formatSize = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
