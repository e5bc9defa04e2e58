// Issued reports with hash and signer: save one, or preview its first pages (drawn by
// pdf.js in the renderer from the issued file's bytes).
import { useEffect, useState } from 'react';
import type { IssuedReportView } from '../../../../main/contract/report';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { messageOf } from '../../components/ErrorText';
import { base64ToBytes, saveDownload } from '../../lib/files';
import type { PageImage } from '../../lib/pdf-pages';
import { shortHash, when } from './files';
import { DataTable } from '../../components/DataTable';

export interface PreviewState {
  report: IssuedReportView;
  pages: PageImage[] | null;
  pageCount: number;
  error: string | null;
}

export function usePreview(): [PreviewState | null, (r: IssuedReportView) => void] {
  const [state, setState] = useState<PreviewState | null>(null);
  // The page images are blob: URLs; release them when the preview changes or goes.
  useEffect(() => () => state?.pages?.forEach((p) => URL.revokeObjectURL(p.url)), [state]);
  const show = (report: IssuedReportView) => {
    setState({ report, pages: null, pageCount: 0, error: null });
    call('report.file', { id: report.id })
      .then(async (file) => {
        // pdf.js loads with the first preview, not with the app.
        const { pdfPageImages } = await import('../../lib/pdf-pages');
        return pdfPageImages(base64ToBytes(file.dataBase64), 2);
      })
      .then(
        (p) => setState({ report, pages: p.pages, pageCount: p.pageCount, error: null }),
        (e: unknown) =>
          setState({
            report,
            pages: null,
            pageCount: 0,
            error: `The preview could not be drawn (${messageOf(e)}); save the report and open it in a PDF reader.`,
          }),
      );
  };
  return [state, show];
}

export function PreviewPane({ preview }: { preview: PreviewState | null }) {
  if (!preview) return null;
  return (
    <section className="card report-card" aria-labelledby="preview-title">
      <h2 id="preview-title">
        Preview · {preview.report.id}
        {preview.pageCount ? <span className="muted"> · first pages of {preview.pageCount}</span> : null}
      </h2>
      {preview.error ? (
        <p className="form-error" role="alert">
          {preview.error}
        </p>
      ) : null}
      {preview.pages ? (
        <div className="preview-pages" data-testid="preview">
          {preview.pages.map((p) => (
            <img key={p.page} src={p.url} width={p.width} height={p.height} alt={`Page ${p.page} of ${preview.report.title}`} />
          ))}
        </div>
      ) : preview.error ? null : (
        <p className="muted" role="status">
          Drawing the first pages…
        </p>
      )}
    </section>
  );
}

export function IssuedReports({ onPreview, onError }: { onPreview(r: IssuedReportView): void; onError(e: string): void }) {
  const list = useQuery('report.list', {});
  const reports = list.data?.reports ?? null;
  useEffect(() => {
    if (list.error) onError(messageOf(list.error));
  }, [list.error, onError]);

  const save = async (r: IssuedReportView) => {
    try {
      saveDownload(await call('report.file', { id: r.id }));
    } catch (e) {
      onError(messageOf(e));
    }
  };

  return (
    <section className="card report-card" aria-labelledby="issued-title">
      <h2 id="issued-title">Issued reports</h2>
      {reports === null ? (
        <p className="muted">Loading…</p>
      ) : reports.length === 0 ? (
        <p className="muted">No report issued yet. Issue one above; every issued report is kept here with its hash and signer.</p>
      ) : (
        <DataTable
          label="Issued reports"
          className="issued-table"
          rows={reports}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'report',
              header: 'Report',
              width: '34%',
              sort: (r) => r.title,
              render: (r) => (
                <>
                  <div className="issued-title">{r.title}</div>
                  <div className="muted mono small">{r.id}</div>
                </>
              ),
            },
            { key: 'issued', header: 'Issued', className: 'nowrap', sort: (r) => r.issuedAt, render: (r) => when(r.issuedAt) },
            {
              key: 'signer',
              header: 'Signer',
              sort: (r) => r.signerName,
              render: (r) => (
                <>
                  {r.signerName ?? <span className="muted">Not signed</span>}
                  {r.signerFingerprint ? (
                    <div className="muted mono small" title={r.signerFingerprint}>
                      {r.signerFingerprint.slice(0, 23)}…
                    </div>
                  ) : null}
                </>
              ),
            },
            {
              key: 'sha',
              header: 'SHA-256',
              className: 'mono small',
              sort: (r) => r.sha256,
              render: (r) => <span title={r.sha256}>{shortHash(r.sha256)}</span>,
            },
            {
              key: 'actions',
              header: 'Actions',
              hideHeader: true,
              className: 'row-actions',
              render: (r) => (
                <>
                  <button type="button" className="button ghost" onClick={() => onPreview(r)} aria-label={`Preview ${r.id}`}>
                    Preview
                  </button>
                  <button type="button" className="button" onClick={() => void save(r)} aria-label={`Save ${r.id}`}>
                    Save
                  </button>
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
