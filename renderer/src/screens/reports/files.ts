// Files between the user and the core for the Reports screen: picked or dropped files
// read as base64 (IPC carries strings), and downloads handed back through a Blob URL.
export interface Upload {
  name: string;
  dataBase64: string;
}

export function readUpload(file: File): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`“${file.name}” could not be read: ${reader.error?.message ?? 'unknown error'}`));
    reader.readAsDataURL(file);
  });
}

export function saveDownload(d: { name: string; mediaType: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(d.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: d.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = d.name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const shortHash = (h: string) => `${h.slice(0, 12)}…`;
export const when = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';
