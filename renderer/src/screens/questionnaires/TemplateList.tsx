// The workspace's templates: built-in, imported (VSAQ or a template file) and custom, with
// their origin, version and how many sections, questions and notes (text that is shown, not answered) each holds.
import { ORIGIN_LABELS } from './labels';
import type { TemplateSummary } from './types';
import { formatDate } from '../../lib/dates';

export function TemplateList({ templates, onOpen }: { templates: TemplateSummary[]; onOpen(id: string): void }) {
  return (
    <div className="table-wrap card flush">
      <table className="data-table" data-testid="template-table">
        <caption className="visually-hidden">Questionnaire templates</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Origin</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col" className="num">
              Sections
            </th>
            <th scope="col" className="num">
              Questions
            </th>
            <th scope="col" className="num">
              Notes
            </th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.id}>
              <td className="wrap">
                <button type="button" className="link-button template-title" onClick={() => onOpen(t.id)}>
                  {t.title}
                </button>
                <div className="muted small">
                  {t.id}
                  {t.source ? ` · ${t.source}` : ''}
                </div>
              </td>
              <td>
                <span className={`badge origin-${t.origin}`}>{ORIGIN_LABELS[t.origin]}</span>
              </td>
              <td className="num">{t.version}</td>
              <td className="num">{t.sections}</td>
              <td className="num">{t.questions}</td>
              <td className="num">{t.items - t.questions}</td>
              <td>{formatDate(t.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
