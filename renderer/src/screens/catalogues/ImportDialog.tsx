// Import a catalogue: pick a file → the core previews it (an OSCAL summary, or the columns
// of a spreadsheet to map) → import → how many controls came in and which rows did not.
import { useId, useRef, useState } from 'react';
import type { CatalogueSummary } from '../../../../main/contract/catalog';
import type { RequestOf, ResponseOf } from '../../../../main/contract/ipc';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useAppStore } from '../../store';
import { ImportProgress, type Stage } from './ImportProgress';
import { LibraryList } from './LibraryList';
import { ProfileSources, type Sources } from './ProfileSources';
import { ImportResult } from './ImportResult';
import { ProblemList } from './ProblemList';
import { MappingStep, missingFields, type Mapping } from './MappingStep';
import { SheetChooser, type Layout } from './SheetChooser';
import { readAsBase64 } from '../../lib/files';
import { MAX_IMPORT_BYTES, importKind } from './readFile';
import { CATALOGUE_ID, fileSize, plural } from './text';

type Preview = ResponseOf<'catalog.preview'>;
type Upload = { name: string; dataBase64: string };

type Step =
  | { kind: 'pick' }
  | { kind: 'busy'; stage: Stage }
  | { kind: 'review'; file: Upload; preview: Preview }
  | { kind: 'done'; result: ResponseOf<'catalog.import'> };

export function ImportDialog({
  catalogues,
  onClose,
  onOpen,
}: {
  catalogues: CatalogueSummary[];
  onClose(): void;
  onOpen(id: string): void;
}) {
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [error, setError] = useState<string | null>(null);
  // Review choices
  const [mapping, setMapping] = useState<Mapping>({});
  const [layout, setLayout] = useState<Layout>({});
  const [title, setTitle] = useState('');
  const [asNewVersion, setAsNewVersion] = useState(true);
  const [otherId, setOtherId] = useState('');
  const [tried, setTried] = useState(false);
  const [existsConflict, setExistsConflict] = useState(false);
  // A profile's imports: the local file the user chose for each href.
  const [sources, setSources] = useState<Sources>({});
  const sourceList = (s: Sources) => Object.entries(s).map(([href, file]) => ({ href, file }));

  const busy = step.kind === 'busy';
  const close = () => {
    if (!busy) onClose();
  };

  const pick = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (!importKind(file.name)) {
      setError(
        `${file.name} is not a file Attest imports. Choose an OSCAL catalog or profile (.json, .xml, .yaml), a CSV file (.csv) or an Excel workbook (.xlsx).`,
      );
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`${file.name} is ${fileSize(file.size)}; imports are limited to ${fileSize(MAX_IMPORT_BYTES)}.`);
      return;
    }
    if (file.size === 0) {
      setError(`${file.name} is empty.`);
      return;
    }
    try {
      setStep({ kind: 'busy', stage: 'reading' });
      const upload = { name: file.name, dataBase64: await readAsBase64(file) };
      setStep({ kind: 'busy', stage: 'checking' });
      const preview = await call('catalog.preview', { file: upload });
      setSources({});
      setTried(false);
      setExistsConflict(false);
      setAsNewVersion(true);
      setOtherId('');
      setLayout({});
      if (preview.kind === 'tabular') {
        setMapping(preview.suggestedMapping);
        setTitle(file.name.replace(/\.[^.]+$/, ''));
      } else setTitle('');
      setStep({ kind: 'review', file: upload, preview });
    } catch (e) {
      setError(messageOf(e));
      setStep({ kind: 'pick' });
    } finally {
      // Picking the same file again after a fix must fire a change.
      if (input.current) input.current.value = '';
    }
  };

  /** Reads the spreadsheet again from another sheet or header row; the mapping is suggested afresh. */
  const relayout = async (file: Upload, next: Layout) => {
    setError(null);
    setStep({ kind: 'busy', stage: 'checking' });
    try {
      const preview = await call('catalog.preview', { file, ...next });
      setLayout(next);
      if (preview.kind === 'tabular') setMapping(preview.suggestedMapping);
      setStep({ kind: 'review', file, preview });
    } catch (e) {
      setError(messageOf(e));
      const preview = await call('catalog.preview', { file, ...layout }).catch(() => null);
      setStep(preview ? { kind: 'review', file, preview } : { kind: 'pick' });
    }
  };

  /** Reads the profile again with the files chosen so far; once every import is answered it becomes an OSCAL summary. */
  const resolveWith = async (file: Upload, next: Sources) => {
    setSources(next);
    setError(null);
    setStep({ kind: 'busy', stage: 'checking' });
    try {
      const preview = await call('catalog.preview', { file, sources: sourceList(next) });
      setStep({ kind: 'review', file, preview });
    } catch (e) {
      setError(messageOf(e));
      const preview = await call('catalog.preview', { file }).catch(() => null);
      setSources({});
      setStep(preview ? { kind: 'review', file, preview } : { kind: 'pick' });
    }
  };

  const conflictingId = (preview: Preview) =>
    preview.kind === 'oscal' ? preview.exists : preview.kind === 'tabular' ? existsConflict : false;
  const idProblem = (id: string) =>
    !id.trim()
      ? 'Give the catalogue an id.'
      : !CATALOGUE_ID.test(id.trim()) || id.trim().length > 63
        ? 'An id is 1–63 lower-case letters, digits and hyphens.'
        : catalogues.some((c) => c.id === id.trim())
          ? `The workspace already has a catalogue "${id.trim()}".`
          : null;

  const runImport = async (file: Upload, preview: Preview) => {
    setTried(true);
    setError(null);
    const conflict = conflictingId(preview);
    if (preview.kind === 'profile') return;
    if (preview.kind === 'tabular' && (missingFields(mapping).length || !title.trim())) return;
    if (conflict && !asNewVersion && idProblem(otherId)) return;
    const request: RequestOf<'catalog.import'> = {
      file,
      ...(preview.kind === 'tabular' ? { mapping, title: title.trim(), ...layout } : {}),
      ...(conflict && asNewVersion ? { replace: true } : {}),
      ...(conflict && !asNewVersion ? { id: otherId.trim() } : {}),
      ...(Object.keys(sources).length ? { sources: sourceList(sources) } : {}),
    };
    setStep({ kind: 'busy', stage: 'saving' });
    try {
      const result = await useAppStore.getState().mutate(() => call('catalog.import', request));
      setStep({ kind: 'done', result });
    } catch (e) {
      // A spreadsheet's id comes from its title, so a clash shows up only now: offer the same choice as for OSCAL.
      if (e instanceof ApiError && e.code === 'CATALOG_EXISTS' && preview.kind === 'tabular') setExistsConflict(true);
      setError(messageOf(e));
      setStep({ kind: 'review', file, preview });
    }
  };

  const existing = (id: string) => catalogues.find((c) => c.id === id);

  return (
    <Dialog title="Import a catalogue" open onClose={close} wide>
      <div className="form import-dialog" data-testid="import-dialog">
        {step.kind === 'pick' ? (
          <>
            <p className="cat-muted">
              An OSCAL catalog or profile in JSON, XML or YAML (for example NIST SP 800-53), or a spreadsheet saved as CSV or Excel (.xlsx)
              with one control per row and a header row naming the columns. Nothing is saved until you confirm.
            </p>
            <div className="field">
              <label htmlFor={`${ids}-file`}>File to import</label>
              <input
                id={`${ids}-file`}
                ref={input}
                type="file"
                accept=".json,.xml,.yaml,.yml,.csv,.xlsx,application/json,application/xml,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => void pick(e.target.files?.[0])}
                data-testid="import-file"
              />
              <div className="field-hint">
                .json, .xml or .yaml (OSCAL catalog or profile), .csv or .xlsx, up to {fileSize(MAX_IMPORT_BYTES)}.
              </div>
            </div>
            <LibraryList
              onAdded={(result) => setStep({ kind: 'done', result })}
              onBusy={(stage) => setStep(stage ? { kind: 'busy', stage } : { kind: 'pick' })}
              onError={setError}
            />
          </>
        ) : null}

        {step.kind === 'busy' ? <ImportProgress stage={step.stage} waiting /> : null}

        {step.kind === 'review' ? (
          <>
            <ImportProgress stage="checking" waiting={false} />
            {step.preview.kind === 'profile' ? (
              <ProfileSources
                title={step.preview.title}
                imports={step.preview.imports}
                chosen={sources}
                onChoose={(href, upload) => {
                  const next = { ...sources, [href]: upload };
                  const all =
                    step.kind === 'review' &&
                    step.preview.kind === 'profile' &&
                    step.preview.imports.every((i) => i.resolved || next[i.href]);
                  if (all) void resolveWith(step.file, next);
                  else setSources(next);
                }}
              />
            ) : step.preview.kind === 'oscal' ? (
              <OscalSummary preview={step.preview} fileName={step.file.name} />
            ) : (
              <>
                <SheetChooser
                  sheet={step.preview.sheet}
                  sheets={step.preview.sheets}
                  headerRow={step.preview.headerRow}
                  topRows={step.preview.topRows}
                  encoding={step.preview.encoding}
                  warnings={step.preview.warnings}
                  onLayout={(next) => void relayout(step.file, next)}
                />
                <MappingStep
                  fileName={step.file.name}
                  columns={step.preview.columns}
                  sampleRows={step.preview.sampleRows}
                  rowCount={step.preview.rowCount}
                  mapping={mapping}
                  onMapping={setMapping}
                  title={title}
                  onTitle={setTitle}
                  showErrors={tried}
                />
              </>
            )}
            {conflictingId(step.preview) ? (
              <fieldset className="import-conflict">
                <legend>A catalogue with this id is already in the workspace</legend>
                {step.preview.kind === 'oscal' && existing(step.preview.id) ? (
                  <p className="cat-muted">
                    {existing(step.preview.id)?.title}, version {existing(step.preview.id)?.version},{' '}
                    {plural(existing(step.preview.id)?.controlCount ?? 0, 'control')}.
                  </p>
                ) : null}
                <label className="check">
                  <input type="radio" name={`${ids}-conflict`} checked={asNewVersion} onChange={() => setAsNewVersion(true)} />
                  <span>Import as a new version of it (assessments already started keep the version they use)</span>
                </label>
                <label className="check">
                  <input type="radio" name={`${ids}-conflict`} checked={!asNewVersion} onChange={() => setAsNewVersion(false)} />
                  <span>Import as a separate catalogue under another id</span>
                </label>
                {!asNewVersion ? (
                  <Field
                    label="New id"
                    value={otherId}
                    onChange={(e) => setOtherId(e.target.value)}
                    error={tried ? idProblem(otherId) : null}
                    hint="Lower-case letters, digits and hyphens."
                  />
                ) : null}
              </fieldset>
            ) : null}
            <ErrorText error={error} />
            <div className="form-actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  setError(null);
                  setStep({ kind: 'pick' });
                }}
              >
                Choose another file
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => void runImport(step.file, step.preview)}
                disabled={
                  step.preview.kind === 'profile' ||
                  (step.preview.kind === 'oscal' && step.preview.controls + step.preview.enhancements === 0)
                }
              >
                Import
              </button>
            </div>
          </>
        ) : null}

        {step.kind === 'done' ? (
          <ImportResult result={step.result} onOpen={() => onOpen(step.result.catalogue.id)} onClose={onClose} />
        ) : null}

        {step.kind === 'pick' ? (
          <>
            <ErrorText error={error} />
            <div className="form-actions">
              <button type="button" className="button" onClick={close}>
                Cancel
              </button>
            </div>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}

function OscalSummary({ preview, fileName }: { preview: Extract<Preview, { kind: 'oscal' }>; fileName: string }) {
  return (
    <section className="oscal-summary" aria-labelledby="oscal-title" data-testid="oscal-summary">
      <h3 id="oscal-title">{preview.title}</h3>
      <dl className="facts">
        <dt>File</dt>
        <dd>{fileName}</dd>
        <dt>Id</dt>
        <dd>
          <code>{preview.id}</code>
        </dd>
        <dt>Version</dt>
        <dd>{preview.version}</dd>
        <dt>Groups</dt>
        <dd data-testid="oscal-groups">{preview.groups}</dd>
        <dt>Controls</dt>
        <dd data-testid="oscal-controls">{preview.controls}</dd>
        <dt>Enhancements</dt>
        <dd data-testid="oscal-enhancements">{preview.enhancements}</dd>
      </dl>
      {preview.controls + preview.enhancements === 0 ? (
        <p className="error-text">This file holds no control, so there is nothing to import.</p>
      ) : (
        <p className="ok-text">{plural(preview.controls + preview.enhancements, 'control')} (enhancements included) will be imported.</p>
      )}
      <ProblemList title="Warnings" items={preview.warnings} tone="warning" />
      <ProblemList title="Parts that cannot be imported" items={preview.errors} tone="error" />
    </section>
  );
}
