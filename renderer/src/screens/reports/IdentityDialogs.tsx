// Dialogs to add a signing identity: import a PKCS#12 file, or generate a self-signed one.
// The passphrase goes to the core once, which keeps it in the OS keychain.
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useAppStore } from '../../store';
import { readUpload } from '../../lib/files';

export function ImportIdentityDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(fingerprint: string): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError('Choose a .p12 or .pfx file.');
    setBusy(true);
    setError(null);
    try {
      const upload = await readUpload(file);
      const id = await useAppStore.getState().mutate(() => call('report.identity.import', { file: upload, passphrase }));
      setPassphrase('');
      setFile(null);
      onDone(id.fingerprint);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Import a signing identity" open={open} onClose={onClose}>
      <form className="report-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          A PKCS#12 file (.p12 or .pfx) with an RSA key and its certificate, from your CA or exported by another tool.
        </p>
        <Field
          label="PKCS#12 file"
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <Field
          label="Passphrase"
          type="password"
          autoComplete="off"
          required
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          hint="Kept in this computer's keychain so Attest can sign; never in the workspace."
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function GenerateIdentityDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(fingerprint: string): void }) {
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase.length < 8) return setError('Choose a passphrase of at least 8 characters.');
    setBusy(true);
    setError(null);
    try {
      const id = await useAppStore
        .getState()
        .mutate(() => call('report.identity.generate', { commonName: name, organisation, passphrase }));
      setPassphrase('');
      onDone(id.fingerprint);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Generate a self-signed identity" open={open} onClose={onClose}>
      <form className="report-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          An RSA-3072 key and a certificate valid for five years. Readers trust it by its fingerprint: send them the fingerprint, or the
          certificate, through a channel they already trust.
        </p>
        <Field label="Signer name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        <Field label="Organisation" maxLength={120} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        <Field
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          required
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          hint="At least 8 characters. Protects the key; kept in this computer's keychain."
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Generating…' : 'Generate'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
