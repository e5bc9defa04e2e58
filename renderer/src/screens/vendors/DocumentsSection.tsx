// Documents attached to the vendor (contract, DPA, audit report): upload, download,
// remove with undo.
import { useRef } from 'react';
import { call } from '../../api/client';
import { formatSize, readAsBase64, saveDownload } from '../../lib/files';
import type { DocumentView, VendorView } from './types';
import type { Act } from './VendorPage';
import { formatDate } from '../../lib/dates';

const LIMIT_MB = 10;

async function download(vendorId: string, blobId: string) {
  saveDownload(await call('vendor.document.file', { vendorId, blobId }));
}

export function DocumentsSection({ vendor, act }: { vendor: VendorView; act: Act }) {
  const input = useRef<HTMLInputElement>(null);
  const editable = !vendor.removedAt;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > LIMIT_MB * 1048576) {
      await act(`“${file.name}” was not attached`, () =>
        Promise.reject(new Error(`it is ${formatSize(file.size)}; documents can be at most ${LIMIT_MB} MB.`)),
      );
    } else {
      await act(`“${file.name}” was not attached`, async () =>
        call('vendor.document.add', { vendorId: vendor.id, file: { name: file.name, dataBase64: await readAsBase64(file) } }),
      );
    }
    if (input.current) input.current.value = '';
  };
  // Undo in the window's toast and on Ctrl+Z.
  const remove = (d: DocumentView) =>
    act(`“${d.name}” was not removed`, () => call('vendor.document.remove', { vendorId: vendor.id, blobId: d.blobId }), {
      done: `Removed “${d.name}”.`,
      undoable: true,
    });

  return (
    <section className="card" aria-labelledby="docs-h">
      <h2 id="docs-h">Documents</h2>
      {vendor.documents.length ? (
        <ul className="doc-list">
          {vendor.documents.map((d) => (
            <li key={d.blobId}>
              <span className="doc-name">{d.name}</span>
              <span className="muted">
                {formatSize(d.size)} · {formatDate(d.addedAt)}
              </span>
              <button
                type="button"
                className="button subtle"
                onClick={() => void act('Download failed', () => download(vendor.id, d.blobId))}
              >
                Download
              </button>
              {editable ? (
                <button type="button" className="button subtle" aria-label={`Remove ${d.name}`} onClick={() => void remove(d)}>
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No documents. Attach the contract, the data processing agreement or audit reports.</p>
      )}
      {editable ? (
        <div className="doc-upload">
          <button type="button" className="button" onClick={() => input.current?.click()}>
            Attach a document…
          </button>
          <input ref={input} hidden type="file" aria-label="Document to attach" onChange={(e) => void upload(e.target.files?.[0])} />
          <span className="muted">Up to {LIMIT_MB} MB, stored encrypted in the workspace.</span>
        </div>
      ) : null}
    </section>
  );
}
