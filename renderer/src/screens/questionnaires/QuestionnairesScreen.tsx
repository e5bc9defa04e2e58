// The Questionnaires screen: the templates of the workspace, one template's form as the
// vendor sees it, the builder for custom templates, and the import of VSAQ or template files.
import { useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { Builder } from './Builder';
import { CopyDialog } from './CopyDialog';
import { blankTemplate } from './draft';
import { ImportTemplateDialog } from './ImportTemplateDialog';
import { TemplateList } from './TemplateList';
import { TemplateView } from './TemplateView';
import type { TemplateBody, TemplateSummary } from './types';
import './questionnaires.css';
import { workspaceShown } from '../../store/workspace';

type View =
  { kind: 'list' } | { kind: 'view'; id: string } | { kind: 'edit'; body: TemplateBody; create: boolean; summary?: TemplateSummary };

export function QuestionnairesScreen() {
  const open = useAppStore(workspaceShown);
  if (!open) return <WorkspaceScreen id="questionnaires" />;
  return <Templates />;
}

function Templates() {
  const list = useQuery('template.list', {});
  const templates: TemplateSummary[] | null = list.data?.templates ?? null;
  const [view, setView] = useState<View>({ kind: 'list' });
  const [importing, setImporting] = useState(false);
  const [copying, setCopying] = useState<TemplateSummary | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const { write, error: writeError } = useWrite();
  const error = openError ?? writeError ?? (list.error ? messageOf(list.error) : null);

  const edit = async (id: string) => {
    setOpenError(null);
    try {
      const t = await call('template.get', { id });
      setView({ kind: 'edit', body: t.body, create: false, summary: t.summary });
    } catch (e) {
      setOpenError(messageOf(e));
    }
  };
  // Undo in the window's toast and on Ctrl+Z.
  const remove = async (t: TemplateSummary) => {
    setOpenError(null);
    const done = await write(() => call('template.remove', { id: t.id }), {
      what: 'Not removed',
      done: `Removed “${t.title}”. Questionnaires already sent keep their copy.`,
      undoable: true,
    });
    if (done !== undefined) setView({ kind: 'list' });
  };
  const freshId = () => {
    const ids = new Set(templates?.map((t) => t.id));
    let n = 1;
    while (ids.has(`custom-${n}`)) n++;
    return `custom-${n}`;
  };

  const back = (
    <button type="button" className="button" onClick={() => setView({ kind: 'list' })}>
      ← All templates
    </button>
  );

  if (view.kind === 'edit') {
    return (
      <>
        <ScreenHeader
          title={view.create ? 'New template' : view.body.title}
          subtitle="Build the questions on the left; the right side shows the form as the vendor sees it."
          actions={back}
        />
        <Builder
          key={`${view.body.id}-${view.create}`}
          body={view.body}
          create={view.create}
          summary={view.summary}
          onSaved={() => undefined}
          onClose={() => setView({ kind: 'list' })}
        />
      </>
    );
  }
  if (view.kind === 'view') {
    const summary = templates?.find((t) => t.id === view.id);
    return (
      <>
        <TemplateView
          id={view.id}
          summary={summary}
          back={back}
          onEdit={() => void edit(view.id)}
          onCopy={() => summary && setCopying(summary)}
          onRemove={() => summary && void remove(summary)}
          error={error}
        />
        <CopyDialog
          source={copying}
          onClose={() => setCopying(null)}
          onCopied={(s) => {
            setCopying(null);
            void edit(s.id);
          }}
        />
      </>
    );
  }

  return (
    <>
      <ScreenHeader
        title="Questionnaires"
        subtitle="Templates to send to vendors. A questionnaire for a vendor starts from its page under Vendors."
        actions={
          <>
            <button type="button" className="button" onClick={() => setImporting(true)}>
              Import template…
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => setView({ kind: 'edit', body: blankTemplate(freshId()), create: true })}
            >
              New template
            </button>
          </>
        }
      />
      <ErrorText error={error} />
      {templates === null && !error ? <p className="muted">Loading…</p> : null}
      {templates && templates.length === 0 ? (
        <EmptyState
          title="No templates"
          action={
            <button type="button" className="button primary" onClick={() => setImporting(true)}>
              Import a VSAQ file
            </button>
          }
        >
          <p>Every template was removed. Build one with New template, or import a Google VSAQ questionnaire or an Attest template file.</p>
        </EmptyState>
      ) : null}
      {templates && templates.length > 0 ? (
        <>
          {templates.every((t) => t.origin === 'builtin') ? (
            <div className="card teach" role="note">
              <h2>Start from the baseline, or bring your own</h2>
              <p>
                The built-in vendor security baseline is ready to send. To change its questions, open it and choose{' '}
                <strong>Copy to edit</strong>. <strong>New template</strong> starts an empty one; <strong>Import template…</strong> reads a
                Google VSAQ questionnaire with all its items and conditions.
              </p>
            </div>
          ) : null}
          <TemplateList templates={templates} onOpen={(id) => setView({ kind: 'view', id })} />
        </>
      ) : null}
      <ImportTemplateDialog open={importing} onClose={() => setImporting(false)} onOpen={(id) => setView({ kind: 'view', id })} />
    </>
  );
}
