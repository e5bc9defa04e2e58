// One catalogue: what it is and where it comes from, its categories, and its controls in a
// windowed table beside the selected control. Custom and imported catalogues can be edited.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogueDetail as Detail, CatalogueSummary, ControlView } from '../../../../main/contract/catalog';
import { FINDING_SEVERITIES } from '../../../../main/contract/vocabulary';
import { call } from '../../api/client';
import { runWrite } from '../../api/write';
import { SeverityBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useAppStore } from '../../store';
import { ConfirmDialog } from './ConfirmDialog';
import { ControlDetail, type ControlTarget } from './ControlDetail';
import { ControlEditor } from './ControlEditor';
import { ORIGIN_LABELS, isEditable } from './labels';
import { plural, shortHash } from './text';

export interface DetailView {
  catalogueId: string;
  controlId?: string;
  category?: string;
}

type Editing =
  { kind: 'add' } | { kind: 'edit'; control: ControlView } | { kind: 'delete'; control: ControlView } | { kind: 'remove' } | null;

export function CatalogueDetail({
  summary,
  detail,
  view,
  knownCatalogues,
  onView,
  onJump,
  onBack,
}: {
  summary: CatalogueSummary;
  detail: Detail;
  view: DetailView;
  knownCatalogues: ReadonlySet<string>;
  onView(view: DetailView): void;
  onJump(target: ControlTarget): void;
  onBack(): void;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const editable = isEditable(summary);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a catalogue replaces what had focus (a list row, a search result): move focus to its title.
  useEffect(() => heading.current?.focus(), []);

  const categoryTitle = useMemo(() => new Map(detail.categories.map((c) => [c.id, c.title])), [detail.categories]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of detail.controls) m.set(c.category, (m.get(c.category) ?? 0) + 1);
    return m;
  }, [detail.controls]);
  const rows = useMemo(
    () => (view.category ? detail.controls.filter((c) => c.category === view.category) : detail.controls),
    [detail.controls, view.category],
  );
  const found = view.controlId ? rows.findIndex((c) => c.id === view.controlId) : -1;
  const activeIndex = found >= 0 ? found : rows.length ? 0 : -1;
  const active = activeIndex >= 0 ? rows[activeIndex] : undefined;

  // With one category shown, its column would repeat the same word on every row.
  const columns = useMemo<Column<ControlView>[]>(
    () =>
      [
        {
          key: 'id',
          header: 'Id',
          width: '6.5rem',
          sort: (c: ControlView) => c.label ?? c.id,
          render: (c: ControlView) => <code>{c.label ?? c.id}</code>,
        },
        {
          key: 'title',
          header: 'Title',
          width: 'minmax(8rem, 1fr)',
          wrap: true,
          sort: (c: ControlView) => c.title,
          render: (c: ControlView) => c.title,
        },
        view.category
          ? null
          : {
              key: 'category',
              header: 'Category',
              width: 'minmax(5rem, 9rem)',
              sort: (c: ControlView) => categoryTitle.get(c.category) ?? c.category,
              render: (c: ControlView) => categoryTitle.get(c.category) ?? c.category,
            },
        {
          key: 'severity',
          header: 'Severity',
          width: '6.6rem',
          sort: (c: ControlView) => (c.severity ? FINDING_SEVERITIES.indexOf(c.severity) : null),
          render: (c: ControlView) => (c.severity ? <SeverityBadge severity={c.severity} /> : <span className="cat-muted">–</span>),
        },
        {
          key: 'weight',
          header: 'Weight',
          width: '4.8rem',
          align: 'end' as const,
          sort: (c: ControlView) => c.weight,
          render: (c: ControlView) => c.weight ?? <span className="cat-muted">–</span>,
        },
      ].filter((c) => c !== null),
    [categoryTitle, view.category],
  );

  return (
    <div className="cat-detail">
      <nav aria-label="Breadcrumb" className="cat-breadcrumb">
        <button type="button" className="button subtle" onClick={onBack}>
          ← All catalogues
        </button>
      </nav>
      <section className="card cat-about" aria-labelledby="catalogue-title">
        <div className="cat-about-head">
          <div>
            <h2 id="catalogue-title" ref={heading} tabIndex={-1}>
              {summary.title}
            </h2>
            <p className="cat-muted">
              <code>{summary.id}</code> · version {summary.version} · {ORIGIN_LABELS[summary.origin]} ·{' '}
              {plural(summary.controlCount, 'control')} · <code title={summary.hash}>{shortHash(summary.hash)}</code>
            </p>
          </div>
          <div className="cat-about-actions">
            {editable ? (
              <>
                <button type="button" className="button primary" onClick={() => setEditing({ kind: 'add' })}>
                  Add control
                </button>
                <button type="button" className="button danger-ghost" onClick={() => setEditing({ kind: 'remove' })}>
                  Remove catalogue…
                </button>
              </>
            ) : (
              <p className="cat-readonly" data-testid="read-only-note">
                Built-in and read-only. For your own controls, create a custom catalogue.
              </p>
            )}
          </div>
        </div>
        {detail.description ? <p className="cat-description">{detail.description}</p> : null}
        <dl className="facts cat-facts">
          <dt>Source</dt>
          <dd>
            {detail.source.name}
            {detail.source.publisher ? <span className="cat-muted"> · {detail.source.publisher}</span> : null}
            {detail.source.retrieved ? <span className="cat-muted"> · retrieved {detail.source.retrieved}</span> : null}
          </dd>
          {detail.source.url ? (
            <>
              <dt>Source URL</dt>
              <dd className="control-url">{detail.source.url}</dd>
            </>
          ) : null}
          <dt>Licence</dt>
          <dd>
            {detail.licence.note}
            {detail.licence.spdx ? <span className="cat-muted"> ({detail.licence.spdx})</span> : null}
          </dd>
        </dl>
        <div className="cat-categories" role="group" aria-label="Show the controls of one category">
          <button
            type="button"
            className="cat-chip cat-chip-link"
            aria-pressed={!view.category}
            onClick={() => onView({ catalogueId: summary.id })}
          >
            All <span className="cat-count">{detail.controls.length}</span>
          </button>
          {detail.categories.map((c) => (
            <button
              key={c.id}
              type="button"
              className="cat-chip cat-chip-link"
              aria-pressed={view.category === c.id}
              title={c.description}
              onClick={() => onView({ catalogueId: summary.id, category: view.category === c.id ? undefined : c.id })}
            >
              {c.title} <span className="cat-count">{counts.get(c.id) ?? 0}</span>
            </button>
          ))}
        </div>
      </section>

      {detail.controls.length === 0 ? (
        <EmptyState
          title="No controls yet"
          action={
            editable ? (
              <button type="button" className="button primary" onClick={() => setEditing({ kind: 'add' })}>
                Add the first control
              </button>
            ) : undefined
          }
        >
          <p>A control is one requirement to assess: an id, a title, a statement of what must be true, and guidance on how to check it.</p>
        </EmptyState>
      ) : (
        <div className="cat-browse">
          <div>
            <VirtualTable
              label={`Controls of ${summary.title}`}
              rows={rows}
              columns={columns}
              rowKey={(c) => c.id}
              activeIndex={activeIndex}
              onActiveChange={(i) => {
                const c = rows[i];
                if (c) onView({ ...view, controlId: c.id });
              }}
              onKeyDown={(event, row) => {
                if (!editable || !row || event.ctrlKey || event.metaKey || event.altKey) return;
                if (event.key === 'e') {
                  event.preventDefault();
                  setEditing({ kind: 'edit', control: row });
                } else if (event.key === 'Delete') {
                  event.preventDefault();
                  setEditing({ kind: 'delete', control: row });
                }
              }}
              height="min(62vh, 640px)"
              testId="controls-table"
            />
            <p className="cat-keys cat-muted">
              <kbd>↑</kbd> <kbd>↓</kbd> or <kbd>j</kbd> <kbd>k</kbd> move
              {editable ? (
                <>
                  , <kbd>e</kbd> edits, <kbd>Delete</kbd> deletes the control
                </>
              ) : null}
              .
            </p>
          </div>
          {active ? (
            <ControlDetail
              control={active}
              categoryTitle={categoryTitle.get(active.category) ?? active.category}
              knownCatalogues={knownCatalogues}
              onJump={onJump}
              actions={
                editable ? (
                  <>
                    <button type="button" className="button" onClick={() => setEditing({ kind: 'edit', control: active })}>
                      Edit control
                    </button>
                    <button type="button" className="button danger-ghost" onClick={() => setEditing({ kind: 'delete', control: active })}>
                      Delete control…
                    </button>
                  </>
                ) : undefined
              }
            />
          ) : null}
        </div>
      )}

      {editing?.kind === 'add' || editing?.kind === 'edit' ? (
        <ControlEditor
          catalogue={detail}
          control={editing.kind === 'edit' ? editing.control : undefined}
          onClose={() => setEditing(null)}
          onSaved={(id) => onView({ catalogueId: summary.id, controlId: id })}
        />
      ) : null}
      {editing?.kind === 'delete' ? (
        <ConfirmDialog
          title={`Delete control ${editing.control.id}?`}
          confirmLabel="Delete control"
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            const control = editing.control;
            // Undo (the toast, or Ctrl+Z) brings the control back whole, in its place.
            await runWrite(() => call('catalog.deleteControl', { catalogueId: summary.id, controlId: control.id }), {
              done: `Deleted control ${control.id}.`,
              undoable: true,
            });
          }}
        >
          <p>
            “{editing.control.title}” leaves {summary.title}, whose version goes up. Assessments that already use this catalogue keep their
            own copy.
          </p>
          <p className="cat-muted">You can undo this right after; the control comes back whole, in its place.</p>
        </ConfirmDialog>
      ) : null}
      {editing?.kind === 'remove' ? (
        <ConfirmDialog
          title={`Remove ${summary.title}?`}
          confirmLabel="Remove catalogue"
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            await useAppStore.getState().mutate(() => call('catalog.remove', { id: summary.id }));
            onBack();
          }}
        >
          <p>
            The catalogue and its {plural(summary.controlCount, 'control')} leave this workspace. Assessments that use it keep the snapshot
            they were started with, so their results and reports stay as they are.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
