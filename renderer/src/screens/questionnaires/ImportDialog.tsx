// A dialog that takes one file (picked or dropped), sends it to the core with a progress
// line while it runs, and then shows what came of it: a result, or the refusal in words.
import { useRef, useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../components/ErrorText';
import { formatSize, readAsBase64 } from '../../lib/files';

const LIMIT_MB = 30;

type Stage<R> =
  | { step: 'pick' }
  | { step: 'running'; label: string }
  | { step: 'done'; result: R; file: string }
  | { step: 'failed'; message: string; file: string };

interface Props<R> {
  title: string;
  intro: ReactNode;
  accept: string;
  open: boolean;
  onClose(): void;
  run(file: { name: string; dataBase64: string }): Promise<R>;
  result(r: R, again: () => void): ReactNode;
}

/** The dialog's content lives only while it is open, so each opening starts at the file picker. */
export function ImportDialog<R>(props: Props<R>) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={props.title} open={props.open} onClose={() => !busy && props.onClose()} wide>
      <ImportBody {...props} setBusy={setBusy} />
    </Dialog>
  );
}

function ImportBody<R>({ intro, accept, onClose, run, result, setBusy }: Props<R> & { setBusy(b: boolean): void }) {
  const [stage, setStage] = useState<Stage<R>>({ step: 'pick' });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const close = () => onClose();
  const again = () => setStage({ step: 'pick' });

  const take = async (file: File | undefined) => {
    if (!file) return;
    if (input.current) input.current.value = '';
    if (file.size > LIMIT_MB * 1048576) {
      setStage({ step: 'failed', file: file.name, message: `It is ${formatSize(file.size)}; a file can be at most ${LIMIT_MB} MB.` });
      return;
    }
    try {
      setBusy(true);
      setStage({ step: 'running', label: `Reading “${file.name}” (${formatSize(file.size)})…` });
      const dataBase64 = await readAsBase64(file);
      setStage({ step: 'running', label: `Checking every item of “${file.name}”…` });
      const r = await run({ name: file.name, dataBase64 });
      setStage({ step: 'done', result: r, file: file.name });
    } catch (e) {
      setStage({ step: 'failed', file: file.name, message: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {stage.step === 'pick' ? (
        <>
          <div className="q-intro">{intro}</div>
          <div
            className={`drop-zone${over ? ' over' : ''}`}
            data-testid="drop-zone"
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(false);
              void take(e.dataTransfer.files[0]);
            }}
          >
            <p>Drop the file here, or</p>
            <button type="button" className="button primary" onClick={() => input.current?.click()}>
              Choose a file…
            </button>
            <input
              ref={input}
              type="file"
              hidden
              accept={accept}
              aria-label="File to import"
              onChange={(e) => void take(e.target.files?.[0])}
            />
            <p className="muted">Up to {LIMIT_MB} MB. The file is read on this computer; nothing is sent anywhere.</p>
          </div>
        </>
      ) : null}
      {stage.step === 'running' ? (
        <div className="import-progress" role="status">
          <progress aria-label="Import in progress" />
          <p>{stage.label}</p>
        </div>
      ) : null}
      {stage.step === 'done' ? result(stage.result, again) : null}
      {stage.step === 'failed' ? (
        <div className="import-failed" role="alert">
          <h3>“{stage.file}” was not imported</h3>
          <p>{stage.message}</p>
          <p className="muted">Nothing was changed in the workspace.</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={again}>
              Choose another file
            </button>
            <button type="button" className="button primary" onClick={close}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
