// Evidence on the active control: the list (note, link, file with its size) with
// download and remove (undoable), and one small form per kind of evidence to add.
import { useId, useState } from 'react';
import type { EvidenceView } from '../../../../main/contract/assessment';
import type { RequestOf } from '../../../../main/contract/ipc';
import { call } from '../../api/client';
import { runWrite } from '../../api/write';
import { messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';
import { readAsBase64 } from '../../lib/files';
import { downloadEvidence } from './files';
import { formatBytes, formatWhen } from './format';

export const EVIDENCE_LIMIT_MB = 10;
// Above this the file is not even read: it could not cross the contract's size limit.
const SEND_LIMIT_BYTES = 30 * 1024 * 1024;

type Kind = 'note' | 'link' | 'file';
const KIND_LABELS: Record<EvidenceView['kind'], string> = { note: 'Note', link: 'Link', file: 'File', check: 'Live check' };

interface Props {
  assessmentId: string;
  catalogueId: string;
  controlId: string;
  evidence: readonly EvidenceView[];
  readOnly: boolean;
}

// The panel re-reads on its own: every write moves the read cache past what it showed.
export function EvidenceSection(props: Props) {
  const { assessmentId, catalogueId, controlId } = props;
  const say = useAppStore((s) => s.say);

  const remove = (e: EvidenceView) =>
    runWrite(() => call('evidence.remove', { id: e.id }), {
      done: `Removed “${e.title}”.`,
      undoable: true,
    }).catch((err: unknown) => say({ text: messageOf(err), tone: 'error' }));

  const download = async (e: EvidenceView) => {
    try {
      await downloadEvidence(e.id);
    } catch (err) {
      say({ text: messageOf(err), tone: 'error' });
    }
  };

  return (
    <section className="asm-section" aria-labelledby="asm-evidence-title">
      <h3 id="asm-evidence-title">Evidence ({props.evidence.length})</h3>
      {props.evidence.length === 0 ? (
        <p className="asm-muted">No evidence yet.{props.readOnly ? '' : ' Add a note, a link or a file below.'}</p>
      ) : (
        <ul className="asm-evidence">
          {props.evidence.map((e) => (
            <li key={e.id}>
              <div className="asm-evidence-main">
                <span className="asm-kind">{KIND_LABELS[e.kind]}</span>
                <span className="asm-evidence-title" title={e.title}>
                  {/* An untitled note is titled "Note" by the core; its text says more. */}
                  {e.kind === 'note' && e.title === 'Note' ? '' : e.title}
                </span>
                {e.kind === 'file' && e.size !== null ? <span className="asm-muted">{formatBytes(e.size)}</span> : null}
              </div>
              {(e.kind === 'note' || e.kind === 'check') && e.body ? <p className="asm-note">{e.body}</p> : null}
              {e.kind === 'link' && e.url ? <p className="asm-url">{e.url}</p> : null}
              <div className="asm-evidence-foot">
                <span className="asm-muted">
                  {e.addedBy}, {formatWhen(e.addedAt)}
                </span>
                {e.kind === 'file' ? (
                  <button type="button" className="button subtle" onClick={() => void download(e)} aria-label={`Download ${e.title}`}>
                    Download
                  </button>
                ) : null}
                {props.readOnly ? null : (
                  <button type="button" className="button subtle" onClick={() => void remove(e)} aria-label={`Remove ${e.title}`}>
                    Remove
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {props.readOnly ? null : <AddEvidence assessmentId={assessmentId} catalogueId={catalogueId} controlId={controlId} />}
    </section>
  );
}

function AddEvidence({ assessmentId, catalogueId, controlId }: { assessmentId: string; catalogueId: string; controlId: string }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>('note');
  const [note, setNote] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileInput, setFileInput] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = (request: RequestOf<'evidence.add'>) =>
    runWrite(() => call('evidence.add', request), {
      done: (e) => `Added “${e.title}”.`,
      undoable: true,
    });

  const submit = async () => {
    setError(null);
    const target = { assessmentId, catalogueId, controlId };
    try {
      if (kind === 'note') {
        if (!note.trim()) return setError('A note needs some text.');
        setBusy(true);
        await add({ ...target, kind, body: note, title: title.trim() });
        setNote('');
      } else if (kind === 'link') {
        if (!/^https?:\/\/\S+$/i.test(url.trim())) return setError('A link must be an http or https URL, like https://example.com/policy.');
        setBusy(true);
        await add({ ...target, kind, url: url.trim(), title: title.trim() });
        setUrl('');
      } else {
        if (!file) return setError('Choose a file to attach.');
        if (file.size > SEND_LIMIT_BYTES) {
          return setError(`“${file.name}” is ${formatBytes(file.size)}; evidence files can be at most ${EVIDENCE_LIMIT_MB} MB.`);
        }
        setBusy(true);
        const dataBase64 = await readAsBase64(file);
        await add({ ...target, kind, title: title.trim(), file: { name: file.name, dataBase64 } });
        setFile(null);
        setFileInput((n) => n + 1);
      }
      setTitle('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="asm-add-evidence"
      aria-label="Add evidence"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="asm-kinds">
        <legend>Add evidence</legend>
        {(['note', 'link', 'file'] as const).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setError(null);
              }}
            />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {kind === 'note' ? (
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      ) : null}
      {kind === 'link' ? (
        <div className="field">
          <label htmlFor={`${id}-url`}>URL</label>
          <input id={`${id}-url`} type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
      ) : null}
      {kind === 'file' ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>File</label>
          <input
            key={fileInput}
            id={`${id}-file`}
            type="file"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <div id={`${id}-file-hint`} className="field-hint">
            Up to {EVIDENCE_LIMIT_MB} MB. The file is stored encrypted inside the workspace.
          </div>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-title`}>Title (optional)</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="asm-editor-actions">
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy ? 'Adding…' : kind === 'file' ? 'Attach file' : kind === 'link' ? 'Add link' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
