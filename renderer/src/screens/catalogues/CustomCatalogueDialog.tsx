// Start a catalogue of your own: an id, a title, a description and its categories.
import { useState, type FormEvent } from 'react';
import type { CatalogueSummary } from '../../../../main/contract/catalog';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, TextAreaField } from '../../components/Field';
import { useAppStore } from '../../store';
import { CATALOGUE_ID, slug } from './text';

/** One category per non-empty line; its id is the line as a lower-case-hyphen slug. */
export function parseCategories(text: string): { id: string; title: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((title) => ({ id: slug(title) || 'category', title }));
}

export function CustomCatalogueDialog({
  catalogues,
  onClose,
  onCreated,
}: {
  catalogues: CatalogueSummary[];
  onClose(): void;
  onCreated(id: string): void;
}) {
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [categoryText, setCategoryText] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const effectiveId = idEdited ? id.trim() : slug(title, 63);
  const categories = parseCategories(categoryText);
  const duplicate = categories.find((c, i) => categories.findIndex((d) => d.id === c.id) !== i);
  const problems = {
    title: !title.trim() ? 'A title is required.' : null,
    id: !effectiveId
      ? 'An id is required.'
      : !CATALOGUE_ID.test(effectiveId) || effectiveId.length > 63
        ? 'An id is 1–63 lower-case letters, digits and hyphens, starting with a letter or digit.'
        : catalogues.some((c) => c.id === effectiveId)
          ? `The workspace already has a catalogue "${effectiveId}".`
          : null,
    categories:
      categories.length === 0
        ? 'Give at least one category, one per line.'
        : duplicate
          ? `Two categories have the id "${duplicate.id}"; give them names that differ in letters or digits.`
          : categories.some((c) => c.title.length > 200)
            ? 'A category name has at most 200 characters.'
            : null,
  };
  const valid = Object.values(problems).every((p) => p === null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const created = await useAppStore
        .getState()
        .mutate(() => call('catalog.createCustom', { id: effectiveId, title: title.trim(), description: description.trim(), categories }));
      onCreated(created.id);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  const show = (p: string | null) => (tried ? p : null);

  return (
    <Dialog title="New custom catalogue" open onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="New custom catalogue"
        data-testid="custom-catalogue-form"
      >
        <p className="cat-muted">Your own controls, for a client’s policy or an internal standard. Add its controls once it exists.</p>
        <Field
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={show(problems.title)}
          maxLength={200}
          autoFocus
        />
        <Field
          label="Id"
          value={effectiveId}
          onChange={(e) => {
            setIdEdited(true);
            setId(e.target.value);
          }}
          error={show(problems.id)}
          hint="Derived from the title; lower-case letters, digits and hyphens. It cannot change later."
          maxLength={63}
        />
        <TextAreaField
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
          hint="What the catalogue covers (optional)."
        />
        <TextAreaField
          label="Categories"
          value={categoryText}
          onChange={(e) => setCategoryText(e.target.value)}
          rows={4}
          hint="One per line, for example Access control."
          error={show(problems.categories)}
        />
        {categories.length ? (
          <p className="cat-muted cat-derived" aria-live="polite">
            Category ids: {categories.map((c) => c.id).join(', ')}
          </p>
        ) : null}
        <ErrorText error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Creating…' : 'Create catalogue'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
