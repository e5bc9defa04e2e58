// The workspace's templates: built-in, imported (VSAQ or a template file) and custom, with
// their origin, version and how many sections, questions and notes (text that is shown, not answered) each holds.
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ORIGIN_LABELS } from './labels';
import type { TemplateSummary } from './types';
import { formatDate } from '../../lib/dates';

export function TemplateList({ templates, onOpen }: { templates: TemplateSummary[]; onOpen(id: string): void }) {
  const columns: DataColumn<TemplateSummary>[] = [
    {
      key: 'title',
      header: 'Title',
      width: '34%',
      className: 'wrap',
      sort: (t) => t.title,
      render: (t) => (
        <>
          <button type="button" className="link-button template-title" onClick={() => onOpen(t.id)}>
            {t.title}
          </button>
          <div className="muted small">
            {t.id}
            {t.source ? ` · ${t.source}` : ''}
          </div>
        </>
      ),
    },
    {
      key: 'origin',
      header: 'Origin',
      sort: (t) => ORIGIN_LABELS[t.origin],
      render: (t) => <span className={`badge origin-${t.origin}`}>{ORIGIN_LABELS[t.origin]}</span>,
    },
    { key: 'version', header: 'Version', align: 'end', sort: (t) => t.version, render: (t) => t.version },
    { key: 'sections', header: 'Sections', align: 'end', sort: (t) => t.sections, render: (t) => t.sections },
    { key: 'questions', header: 'Questions', align: 'end', sort: (t) => t.questions, render: (t) => t.questions },
    { key: 'notes', header: 'Notes', align: 'end', sort: (t) => t.items - t.questions, render: (t) => t.items - t.questions },
    { key: 'updated', header: 'Updated', sort: (t) => t.updatedAt, render: (t) => formatDate(t.updatedAt) },
  ];
  return (
    <div className="card flush">
      <DataTable label="Questionnaire templates" testId="template-table" rows={templates} columns={columns} rowKey={(t) => t.id} />
    </div>
  );
}
