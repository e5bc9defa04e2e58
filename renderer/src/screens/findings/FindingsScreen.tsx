// Findings of one assessment (or all): filter, open to edit, create, remove with undo.
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { BulkBar } from '../../components/BulkBar';
import { NO_SELECTION, selectRows, selectedRows, type RowSelection, type SelectMode } from '../../lib/row-selection';
import { BulkFindingChanges, type BulkChange } from './BulkFindingChanges';
import { AssessmentPicker, useAssessmentList } from '../../components/AssessmentPicker';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { applyFilters, isFiltering, clearRequestedFilters, NO_FILTERS, requestedFilters, type Filters } from './filters';
import { FindingEditor, type EditorTarget } from './FindingEditor';
import { FindingFilters } from './FindingFilters';
import { FindingsExport } from './FindingsExport';
import { FindingList } from './FindingList';
import type { FindingView } from './types';
import './findings.css';
import { workspaceShown } from '../../store/workspace';

const SUBTITLE = 'Weaknesses found during assessments, with severity, owner, due date and remediation.';

export function FindingsScreen() {
  const open = useAppStore(workspaceShown);
  if (!open) return <WorkspaceScreen id="findings" />;
  return <Findings />;
}

function Findings() {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const navigate = useAppStore((s) => s.navigate);
  const { assessments, loaded, error: listError } = useAssessmentList();
  const [all, setAll] = useState(false);
  const [filters, setFilters] = useState<Filters>(requestedFilters);
  const [active, setActive] = useState(0);
  const [editor, setEditor] = useState<EditorTarget | null>(null);

  useEffect(clearRequestedFilters, []);

  const assessment = assessments.find((a) => a.id === assessmentId);
  const scope = all ? undefined : assessment?.id;

  const read = useQuery('finding.list', all ? {} : scope ? { assessmentId: scope } : null);
  const findings: FindingView[] | null = read.data?.findings ?? null;
  const { write, error: writeError } = useWrite();
  const error = writeError ?? (read.error ? messageOf(read.error) : null);

  const shown = useMemo(() => applyFilters(findings ?? [], filters), [findings, filters]);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  const activeFinding = shown[activeIndex];

  // Many findings chosen with Ctrl/Shift: one change for all, in one write with one undo.
  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  const chosen = useMemo(() => selectedRows(shown, (f) => f.id, selection), [shown, selection]);
  const tableSelection = useMemo(
    () => ({
      isSelected: (f: FindingView) => selection.keys.has(f.id),
      onSelect: (i: number, mode: SelectMode, shownKeys: readonly string[]) => setSelection((s) => selectRows(s, shownKeys, i, mode)),
    }),
    [selection],
  );
  const applyBulk = async (change: BulkChange) => {
    const n = chosen.length;
    const what = 'status' in change ? 'status' : 'owner' in change ? 'owner' : 'due date';
    const done = await write(() => call('finding.updateMany', { changes: chosen.map((f) => ({ id: f.id, ...change })) }), {
      what: 'Nothing was changed',
      toastError: true,
      done: `Set the ${what} of ${n} finding${n === 1 ? '' : 's'}.`,
      undoable: true,
    });
    if (done) setSelection(NO_SELECTION);
  };

  // A jump from the command palette: that finding, active and open (filters cleared).
  const pendingJump = useAppStore((s) => (s.jump?.kind === 'finding' ? s.jump : null));
  useEffect(() => {
    if (!pendingJump || !findings) return;
    const target = findings.find((f) => f.id === pendingJump.findingId);
    if (!target) return;
    const visible = applyFilters(findings, NO_FILTERS);
    const t = setTimeout(() => {
      useAppStore.getState().takeJump('finding');
      setFilters(NO_FILTERS);
      setActive(Math.max(0, visible.indexOf(target)));
      setEditor({ mode: 'edit', finding: target, assessment: assessments.find((a) => a.id === target.assessmentId) });
    }, 0);
    return () => clearTimeout(t);
  }, [pendingJump, findings, assessments]);

  const openEditor = (f: FindingView) =>
    setEditor({ mode: 'edit', finding: f, assessment: assessments.find((a) => a.id === f.assessmentId) });
  const newFinding = () => assessment && setEditor({ mode: 'new', assessment });

  // Undo in the toast and on Ctrl+Z (the window's one undo).
  const remove = async (f: FindingView) => {
    const done = await write(() => call('finding.remove', { id: f.id }), {
      what: `${f.ref} was not removed`,
      done: `Removed ${f.ref} “${f.title}”.`,
      undoable: true,
    });
    if (done !== undefined) setEditor(null);
  };

  const header = (
    <ScreenHeader
      title="Findings"
      subtitle={SUBTITLE}
      actions={
        assessment ? (
          <>
            <FindingsExport assessmentId={all ? null : assessment.id} />
            <button type="button" className="button primary" onClick={newFinding}>
              New finding
            </button>
          </>
        ) : null
      }
    />
  );

  if (loaded && assessments.length === 0) {
    return (
      <>
        {header}
        <ErrorText error={listError} />
        <EmptyState
          title="No findings yet"
          action={
            <button type="button" className="button primary" onClick={() => navigate('assessments')}>
              Go to Assessments
            </button>
          }
        >
          <p>
            A finding records a weakness found while assessing a control, usually one assessed “not met”. Start an assessment in
            Assessments; there, select a control that is not met and press <kbd>f</kbd> to turn it into a finding.
          </p>
        </EmptyState>
      </>
    );
  }

  const nothingYet = findings !== null && findings.length === 0;
  return (
    <>
      {header}
      <div className="findings-toolbar">
        <AssessmentPicker assessments={assessments} all={{ selected: all, onChange: setAll }} />
        {assessment?.state === 'final' && !all ? (
          <p className="warning-text">This assessment is final and read-only; reopen it in Assessments to change its findings.</p>
        ) : null}
      </div>
      <ErrorText error={listError ?? error} />
      {nothingYet ? (
        <EmptyState
          title={all ? 'No findings in any assessment' : 'No findings in this assessment'}
          action={
            assessment ? (
              <button type="button" className="button primary" onClick={newFinding}>
                New finding
              </button>
            ) : null
          }
        >
          <p>
            Findings usually come from a control assessed “not met”: in the Assessments table, select the control and press <kbd>f</kbd> to
            record it, prefilled from the control. You can also describe a weakness here with New finding.
          </p>
        </EmptyState>
      ) : findings ? (
        <>
          <FindingFilters value={filters} onChange={setFilters} shown={shown.length} total={findings.length} />
          <div className="finding-actions" aria-label="Selected finding" role="group">
            {activeFinding ? (
              <>
                <span className="selected-finding">
                  <span className="ref">{activeFinding.ref}</span> {activeFinding.title}
                </span>
                <button type="button" className="button" onClick={() => openEditor(activeFinding)}>
                  Edit
                </button>
                <button type="button" className="button danger-ghost" onClick={() => void remove(activeFinding)}>
                  Remove
                </button>
              </>
            ) : (
              <span className="muted">No finding selected.</span>
            )}
            <span className="keys muted">
              <kbd>Enter</kbd> edit · <kbd>Delete</kbd> remove · <kbd>j</kbd>/<kbd>k</kbd> move
            </span>
          </div>
          <BulkBar count={chosen.length} noun={['finding', 'findings']} onClear={() => setSelection(NO_SELECTION)}>
            <BulkFindingChanges disabled={false} onApply={(c) => void applyBulk(c)} />
          </BulkBar>
          <FindingList
            selection={tableSelection}
            findings={shown}
            assessments={assessments}
            showAssessment={all}
            activeIndex={activeIndex}
            onActiveChange={setActive}
            onOpen={openEditor}
            onRemove={(f) => void remove(f)}
            empty={isFiltering(filters) ? 'No finding matches these filters.' : 'No findings.'}
          />
        </>
      ) : (
        <p className="muted">Loading findings…</p>
      )}
      {editor ? (
        <FindingEditor
          key={editor.mode === 'edit' ? editor.finding.id : 'new'}
          target={editor}
          onClose={() => setEditor(null)}
          onRemove={(f) => void remove(f)}
        />
      ) : null}
    </>
  );
}
