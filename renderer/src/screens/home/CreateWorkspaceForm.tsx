import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { NewPassphraseFields, newPassphraseReady } from '../../components/NewPassphraseFields';
import { useAppStore } from '../../store';

const slug = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'workspace';

export function CreateWorkspaceForm() {
  const createWorkspace = useAppStore((s) => s.createWorkspace);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ready = Boolean(name.trim() && newPassphraseReady(passphrase, confirm) && !busy);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      // Where the file goes is the user's choice in the system's save dialog.
      const file = await call('dialog.save', { purpose: 'workspace', suggestedName: `${slug(name)}.attest` });
      if (file.canceled) {
        setBusy(false);
        return;
      }
      await createWorkspace({ handle: file.handle, name: name.trim(), passphrase, remember });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="create-title" noValidate>
      <h2 id="create-title">Create a workspace</h2>
      <p className="card-intro">One encrypted file per client engagement or vendor programme.</p>
      <Field
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="e.g. Northwind Health review"
        autoComplete="off"
        required
      />
      <p className="muted">Create asks where to save the encrypted .attest file. Attest never overwrites an existing file.</p>
      <NewPassphraseFields passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} />
      <label className="check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember on this device (the key is kept in the operating system&apos;s keychain)
      </label>
      <p className="warning-text">A forgotten passphrase cannot be recovered. Keep it in your password manager.</p>
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!ready} aria-busy={busy}>
          {busy ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
