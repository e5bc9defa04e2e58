// One template: what it is (origin, version, counts) and its form as the vendor sees it,
// with Edit for custom templates and Copy to edit for built-ins and imports.
import type { ReactNode } from 'react';
import { useQuery } from '../../api/query';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ORIGIN_LABELS } from './labels';
import { Preview } from './Preview';
import type { TemplateBody, TemplateSummary } from './types';

export function TemplateView({
  id,
  summary,
  back,
  error,
  onEdit,
  onCopy,
  onRemove,
}: {
  id: string;
  summary: TemplateSummary | undefined;
  back: ReactNode;
  error: string | null;
  onEdit(): void;
  onCopy(): void;
  onRemove(): void;
}) {
  // The version is part of the request's key, so a saved edit is read again.
  const read = useQuery('template.get', { id }, { tag: String(summary?.version ?? '') });
  const body: TemplateBody | null = read.data?.body ?? null;
  const loadError = read.error ? messageOf(read.error) : null;
  const custom = summary?.origin === 'custom';
  return (
    <>
      <ScreenHeader
        title={summary?.title ?? body?.title ?? 'Template'}
        subtitle={body?.description || undefined}
        actions={
          <>
            {back}
            {summary && summary.origin !== 'builtin' ? (
              <button type="button" className="button danger-ghost" onClick={onRemove}>
                Remove
              </button>
            ) : null}
            <button type="button" className="button" onClick={onCopy}>
              Copy to edit
            </button>
            {custom ? (
              <button type="button" className="button primary" onClick={onEdit}>
                Edit
              </button>
            ) : null}
          </>
        }
      />
      <ErrorText error={error ?? loadError} />
      {summary ? (
        <dl className="facts template-facts">
          <dt>Origin</dt>
          <dd>{ORIGIN_LABELS[summary.origin]}</dd>
          <dt>Version</dt>
          <dd>{summary.version}</dd>
          <dt>Content</dt>
          <dd>
            {summary.sections} sections, {summary.questions} questions, {summary.items} items
          </dd>
          <dt>Source</dt>
          <dd>{summary.source || '—'}</dd>
        </dl>
      ) : null}
      {summary && !custom ? (
        <p className="muted">
          {ORIGIN_LABELS[summary.origin]} templates are not edited in place: Copy to edit makes a custom template you can change.
        </p>
      ) : null}
      {body ? <Preview body={body} label="The form as the vendor sees it" /> : !loadError ? <p className="muted">Loading…</p> : null}
    </>
  );
}
