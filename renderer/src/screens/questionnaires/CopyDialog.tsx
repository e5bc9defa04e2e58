// Copy a template (a built-in or an import cannot be edited in place) under a new id and
// title, then open the copy in the builder.
import { useState } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useAppStore } from '../../store';
import type { TemplateSummary } from './types';

function CopyForm({ source, onClose, onCopied }: { source: TemplateSummary; onClose(): void; onCopied(s: TemplateSummary): void }) {
  const [newId, setNewId] = useState(`${source.id}-copy`.slice(0, 63));
  const [title, setTitle] = useState(`${source.title} (our copy)`.slice(0, 300));
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      onCopied(await useAppStore.getState().mutate(() => call('template.duplicate', { id: source.id, newId: newId.trim(), title })));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="muted">The copy is a custom template you can change; “{source.title}” stays as it is.</p>
      <Field
        label="New template id"
        value={newId}
        onChange={(e) => setNewId(e.target.value)}
        hint="Lower-case letters, digits and hyphens."
        required
      />
      <Field label="New title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Copy and edit
        </button>
      </div>
    </form>
  );
}

export function CopyDialog({
  source,
  onClose,
  onCopied,
}: {
  source: TemplateSummary | null;
  onClose(): void;
  onCopied(s: TemplateSummary): void;
}) {
  return (
    <Dialog title="Copy to edit" open={source !== null} onClose={onClose}>
      {source ? <CopyForm key={source.id} source={source} onClose={onClose} onCopied={onCopied} /> : null}
    </Dialog>
  );
}
