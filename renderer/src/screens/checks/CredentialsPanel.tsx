// Credentials: add (the value field is cleared once saved and never shown again), test,
// replace the value, delete with confirmation. Only metadata ever comes back.
import { useState } from 'react';
import type { CredentialMeta } from '../../../../main/contract/checks';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field, SelectField } from '../../components/Field';
import { runWrite } from '../../api/write';

type Kind = CredentialMeta['kind'];
const KIND_LABELS: Record<Kind, string> = { bearer: 'Bearer token', basic: 'Basic auth (user:password)', header: 'Custom header' };

export function CredentialsPanel({ credentials }: { credentials: CredentialMeta[] }) {
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<Kind>('bearer');
  const [headerName, setHeaderName] = useState('');
  const [hosts, setHosts] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<CredentialMeta | null>(null);
  const [deleting, setDeleting] = useState<CredentialMeta | null>(null);
  const [newValue, setNewValue] = useState('');

  const add = async () => {
    try {
      const meta = await runWrite(() =>
        call('credential.create', {
          label,
          kind,
          headerName: kind === 'header' ? headerName : undefined,
          hosts: hosts
            .split(',')
            .map((h) => h.trim())
            .filter(Boolean),
          value,
        }),
      );
      setValue('');
      setLabel('');
      setHosts('');
      setHeaderName('');
      setError(null);
      setNote(`Saved “${meta.label}” in the OS keychain. Its value will not be shown again.`);
    } catch (e) {
      setValue('');
      setError(messageOf(e));
    }
  };
  const test = async (c: CredentialMeta) => {
    try {
      const r = await call('credential.test', { id: c.id });
      setNote(r.message);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="card chk-panel" aria-labelledby="chk-cred-title">
      <h2 id="chk-cred-title">Credentials</h2>
      <p className="chk-muted">Values live in the OS keychain and are sent only to their hosts. Attest never shows a value again.</p>
      {credentials.length === 0 ? <p className="chk-muted">No credentials saved.</p> : null}
      <ul className="chk-creds">
        {credentials.map((c) => (
          <li key={c.id}>
            <div>
              <strong>{c.label}</strong>{' '}
              <span className="chk-muted">{c.kind === 'header' ? `header ${c.headerName ?? ''}` : KIND_LABELS[c.kind]}</span>
              <div className="chk-muted">Hosts: {c.hosts.join(', ')}</div>
            </div>
            <div className="chk-actions">
              <button type="button" className="button ghost" onClick={() => void test(c)} aria-label={`Test ${c.label}`}>
                Test
              </button>
              <button type="button" className="button ghost" onClick={() => setReplacing(c)} aria-label={`Replace the value of ${c.label}`}>
                Replace value
              </button>
              <button type="button" className="button ghost danger" onClick={() => setDeleting(c)} aria-label={`Delete ${c.label}`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="chk-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h3>Add a credential</h3>
        <Field label="Label" value={label} onChange={(e) => setLabel(e.target.value)} required />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        {kind === 'header' ? (
          <Field label="Header name" value={headerName} onChange={(e) => setHeaderName(e.target.value)} placeholder="X-Api-Key" />
        ) : null}
        <Field
          label="Hosts it may be sent to"
          hint="Comma-separated, e.g. api.github.com"
          value={hosts}
          onChange={(e) => setHosts(e.target.value)}
          required
        />
        <Field label="Value" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} required />
        <button type="submit" className="button primary" disabled={!label.trim() || !hosts.trim() || !value}>
          Save credential
        </button>
      </form>
      <ErrorText error={error} />
      {note ? (
        <p className="chk-note" role="status">
          {note}
        </p>
      ) : null}
      <Dialog
        title={`Replace the value of “${replacing?.label ?? ''}”`}
        open={replacing !== null}
        onClose={() => (setReplacing(null), setNewValue(''))}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const c = replacing;
            if (!c) return;
            void runWrite(() => call('credential.replace', { id: c.id, value: newValue })).then(
              () => (setReplacing(null), setNewValue(''), setNote(`Replaced the value of “${c.label}”.`)),
              (err: unknown) => (setNewValue(''), setError(messageOf(err))),
            );
          }}
        >
          <Field
            label="New value"
            type="password"
            autoComplete="off"
            value={newValue}
            onChange={(e) => setNewValue(e.target.value)}
            required
          />
          <div className="chk-actions">
            <button type="submit" className="button primary" disabled={!newValue}>
              Replace
            </button>
            <button type="button" className="button ghost" onClick={() => (setReplacing(null), setNewValue(''))}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
      <Dialog title="Delete this credential?" open={deleting !== null} onClose={() => setDeleting(null)}>
        <p>“{deleting?.label}” is removed from the OS keychain. Targets that use it will need another credential.</p>
        <div className="chk-actions">
          <button
            type="button"
            className="button primary danger"
            onClick={() => {
              const c = deleting;
              if (!c) return;
              void runWrite(() => call('credential.delete', { id: c.id })).then(
                () => (setDeleting(null), setNote(`Deleted “${c.label}”.`)),
                (err: unknown) => (setDeleting(null), setError(messageOf(err))),
              );
            }}
          >
            Delete
          </button>
          <button type="button" className="button ghost" onClick={() => setDeleting(null)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </section>
  );
}
