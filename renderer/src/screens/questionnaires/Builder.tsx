// The template builder: title and sections with their questions on the left, the form as
// the vendor will see it on the right, updated as you type. Items move with the arrow
// buttons or Alt+↑/↓; a deleted item or section comes back with Undo; Save stores a new
// version (or creates the template).
import { useMemo, useState, type KeyboardEvent } from 'react';
import { call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, TextAreaField } from '../../components/Field';
import { useAppStore } from '../../store';
import { blankQuestion, freeId, fromDraft, move, newKey, toDraft, type Draft, type DraftSection } from './draft';
import { Preview } from './Preview';
import { QuestionEditor } from './QuestionEditor';
import type { Question, TemplateBody, TemplateSummary } from './types';

type Restore = (d: Draft) => Draft;

/** Alt+↑/↓ on any control inside an item moves it; focus stays on that control. */
function moveKeys(onMove: (delta: -1 | 1) => void) {
  return (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    e.stopPropagation();
    const focused = document.activeElement as HTMLElement | null;
    onMove(e.key === 'ArrowUp' ? -1 : 1);
    requestAnimationFrame(() => focused?.focus());
  };
}

export function Builder({
  body,
  create,
  summary,
  onSaved,
  onClose,
}: {
  body: TemplateBody;
  create: boolean;
  summary?: TemplateSummary;
  onSaved(s: TemplateSummary): void;
  onClose(): void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(body));
  const [creating, setCreating] = useState(create);
  const [saved, setSaved] = useState<TemplateSummary | undefined>(summary);
  const [dirty, setDirty] = useState(create);
  const [error, setError] = useState<string | null>(null);
  const say = useAppStore((st) => st.say);
  // The draft is not saved yet, so its Undo is the toast's alone (Ctrl+Z undoes saved changes).
  const offerRestore = (label: string, restore: Restore) =>
    say({ text: label, tone: 'ok', action: { label: 'Undo', run: () => setDraft(restore) } });
  const [toast, setToast] = useState<string | null>(null);
  const preview = useMemo(() => fromDraft(draft), [draft]);

  const update = (f: (d: Draft) => Draft) => {
    setDraft(f);
    setDirty(true);
  };
  const setSection = (si: number, f: (s: DraftSection) => DraftSection) =>
    update((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? f(s) : s)) }));
  const questions = preview.sections.flatMap((s) => s.items).filter((i): i is Question => i.kind === 'question');
  const total = draft.sections.reduce((n, s) => n + s.items.length, 0);
  const offsets = draft.sections.map((_, si) => draft.sections.slice(0, si).reduce((n, s) => n + s.items.length, 0));

  const moveItem = (si: number, ii: number, delta: -1 | 1) =>
    update((d) => {
      const sections = d.sections.map((s) => ({ ...s, items: [...s.items] }));
      const here = sections[si]!;
      const to = ii + delta;
      if (to >= 0 && to < here.items.length) here.items = move(here.items, ii, to);
      else if (sections[si + delta]) {
        // Past the edge of its section, an item moves into the neighbouring section.
        const [it] = here.items.splice(ii, 1);
        const there = sections[si + delta]!;
        if (delta < 0) there.items.push(it!);
        else there.items.unshift(it!);
      }
      return { ...d, sections };
    });

  const removeItem = (si: number, ii: number) => {
    const s = draft.sections[si]!;
    const it = s.items[ii]!;
    update((d) => ({ ...d, sections: d.sections.map((x, i) => (i === si ? { ...x, items: x.items.filter((_, j) => j !== ii) } : x)) }));
    offerRestore(`Deleted ${it.item.id ?? 'a note'}.`, (d) => ({
      ...d,
      sections: d.sections.map((x) => (x.key === s.key ? { ...x, items: [...x.items.slice(0, ii), it, ...x.items.slice(ii)] } : x)),
    }));
  };
  const removeSection = (si: number) => {
    const s = draft.sections[si]!;
    update((d) => ({ ...d, sections: d.sections.filter((_, i) => i !== si) }));
    offerRestore(`Deleted the section “${s.section.title}” and its ${s.items.length} items.`, (d) => ({
      ...d,
      sections: [...d.sections.slice(0, si), s, ...d.sections.slice(si)],
    }));
  };

  const save = async () => {
    setError(null);
    try {
      const s = await useAppStore.getState().mutate(() => call('template.save', { body: preview, create: creating }));
      setSaved(s);
      setCreating(false);
      setDirty(false);
      setToast(creating ? `Created “${s.title}”, version ${s.version}.` : `Saved “${s.title}” as version ${s.version}.`);
      onSaved(s);
    } catch (e) {
      setError(`Not saved: ${messageOf(e)}`);
    }
  };

  return (
    <div className="builder-layout">
      <div className="builder" aria-label="Template builder" role="form">
        <section className="card">
          <div className="builder-head">
            <h2>{creating ? 'New template' : 'Edit template'}</h2>
            <span className="muted" role="status">
              {saved ? `Version ${saved.version}` : 'Not saved yet'}
              {dirty ? ' · unsaved changes' : ''}
            </span>
          </div>
          <div className="q-grid two">
            <Field
              label="Template title"
              value={draft.head.title}
              onChange={(e) => update((d) => ({ ...d, head: { ...d.head, title: e.target.value } }))}
            />
            <Field
              label="Template id"
              value={draft.head.id}
              disabled={!creating}
              hint={creating ? 'Lower-case letters, digits and hyphens.' : 'Fixed once the template exists.'}
              onChange={(e) => update((d) => ({ ...d, head: { ...d.head, id: e.target.value } }))}
            />
          </div>
          <TextAreaField
            label="Description"
            rows={2}
            value={draft.head.description}
            onChange={(e) => update((d) => ({ ...d, head: { ...d.head, description: e.target.value } }))}
          />
        </section>

        {draft.sections.map((s, si) => (
          <section
            key={s.key}
            className="card builder-section"
            aria-label={`Section ${s.section.title}`}
            onKeyDown={moveKeys((delta) => update((d) => ({ ...d, sections: move(d.sections, si, si + delta) })))}
          >
            <div className="section-head">
              <Field
                label={`Section ${si + 1} title`}
                value={s.section.title}
                onChange={(e) => setSection(si, (x) => ({ ...x, section: { ...x.section, title: e.target.value } }))}
              />
              <div className="q-tools">
                <button
                  type="button"
                  className="button subtle"
                  aria-label={`Move section ${s.section.title} up`}
                  disabled={si === 0}
                  onClick={() => update((d) => ({ ...d, sections: move(d.sections, si, si - 1) }))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button subtle"
                  aria-label={`Move section ${s.section.title} down`}
                  disabled={si === draft.sections.length - 1}
                  onClick={() => update((d) => ({ ...d, sections: move(d.sections, si, si + 1) }))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button subtle danger-text"
                  aria-label={`Delete section ${s.section.title}`}
                  onClick={() => removeSection(si)}
                >
                  Delete section
                </button>
              </div>
            </div>
            {s.items.length === 0 ? (
              <p className="muted">This section has no questions yet. Add one below, or move one here with Alt+↑/↓.</p>
            ) : null}
            <ol className="item-list">
              {s.items.map((it, ii) => (
                <li key={it.key} onKeyDown={moveKeys((delta) => moveItem(si, ii, delta))}>
                  {it.item.kind === 'question' ? (
                    <QuestionEditor
                      q={it.item}
                      others={questions.filter((o) => o !== it.item)}
                      position={{ index: offsets[si]! + ii, count: total }}
                      onChange={(q) =>
                        setSection(si, (x) => ({ ...x, items: x.items.map((y) => (y.key === it.key ? { ...y, item: q } : y)) }))
                      }
                      onMove={(delta) => moveItem(si, ii, delta)}
                      onRemove={() => removeItem(si, ii)}
                    />
                  ) : (
                    <div className="q-editor note-editor">
                      <TextAreaField
                        label={`Note ${it.item.id ?? ii + 1} (${it.item.style}, not answered)`}
                        rows={2}
                        value={it.item.text}
                        onChange={(e) =>
                          setSection(si, (x) => ({
                            ...x,
                            items: x.items.map((y) =>
                              y.key === it.key && y.item.kind === 'note' ? { ...y, item: { ...y.item, text: e.target.value } } : y,
                            ),
                          }))
                        }
                      />
                      <div className="q-tools">
                        <button
                          type="button"
                          className="button subtle danger-text"
                          aria-label={`Delete note ${ii + 1} of ${s.section.title}`}
                          onClick={() => removeItem(si, ii)}
                        >
                          Delete
                        </button>
                      </div>
                    </div>
                  )}
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="button"
              onClick={() =>
                setSection(si, (x) => ({ ...x, items: [...x.items, { key: newKey(), item: blankQuestion(freeId(draft, 'Q-')) }] }))
              }
            >
              Add question
            </button>
          </section>
        ))}
        {draft.sections.length === 0 ? <p className="muted">A template needs at least one section.</p> : null}
        <div className="builder-actions">
          <button
            type="button"
            className="button"
            onClick={() =>
              update((d) => ({
                ...d,
                sections: [
                  ...d.sections,
                  { key: newKey(), section: { id: freeId(d, 'section-'), title: `Section ${d.sections.length + 1}`, help: '' }, items: [] },
                ],
              }))
            }
          >
            Add section
          </button>
          <span className="muted small">Alt+↑/↓ moves the item or section you are in.</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {dirty ? 'Discard changes' : 'Close'}
          </button>
          <button type="button" className="button primary" onClick={() => void save()}>
            {creating ? 'Create template' : 'Save new version'}
          </button>
        </div>
        <ErrorText error={error} />
        {toast && !error ? (
          <p className="ok-text" role="status">
            {toast}
          </p>
        ) : null}
      </div>
      <div className="builder-preview">
        <Preview body={preview} />
      </div>
    </div>
  );
}
