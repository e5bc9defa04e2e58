// Findings of one assessment or vendor, or of all of them: filter, open to edit, create
// (in an assessment), change many at once, remove with undo. Vendor findings are the
// follow-ups raised from questionnaires; they are edited here under the same rules.
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/query';
import { useWrite } from '../../api/write';
import { BulkBar } from '../../components/BulkBar';
import { NO_SELECTION, selectRows, selectedRows, type RowSelection, type SelectMode } from '../../lib/row-selection';
import { BulkFindingChanges, type BulkChange } from './BulkFindingChanges';
import { useAssessmentList } from '../../components/AssessmentPicker';
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
import type { AssessmentSummary, FindingView } from './types';
import './findings.css';
import { workspaceShown } from '../../store/workspace';
import type { FindingScope } from '../../store/selection';
import { FindingScopePicker, type VendorChoice } from './FindingScopePicker';
import { refLabeller } from '../../lib/finding-refs';

const SUBTITLE = 'Weaknesses found in assessments and vendor reviews, with severity, owner, due date and remediation.';

const NO_VENDORS: VendorChoice[] = [];

/** The store's scope, made valid for what exists: a vendor or assessment that is gone falls back to all. */
function effectiveScope(scope: FindingScope, assessmentId: string | undefined, vendors: readonly VendorChoice[] | null): FindingScope {
  if (scope.kind === 'assessment' && !assessmentId) return { kind: 'all' };
  if (scope.kind === 'vendor' && vendors && !vendors.some((v) => v.id === scope.vendorId)) return { kind: 'all' };
  return scope;
}

const editTarget = (f: FindingView, assessments: readonly AssessmentSummary[]): EditorTarget => ({
  mode: 'edit',
  finding: f,
  assessment: assessments.find((a) => a.id === f.assessmentId),
});

function requestOf(scope: FindingScope, assessmentId: string | undefined) {
  if (scope.kind === 'assessment') return assessmentId ? { assessmentId } : null;
  if (scope.kind === 'vendor') return { vendorId: scope.vendorId };
  return { subjects: scope.kind };
}

const EMPTY_TITLE: Record<FindingScope['kind'], string> = {
  assessment: 'No findings in this assessment',
  assessments: 'No findings in any assessment',
  vendor: 'No findings for this vendor',
  vendors: 'No findings for any vendor',
  all: 'No findings yet',
};

export function FindingsScreen() {
  const open = useAppStore(workspaceShown);
  if (!open) return <WorkspaceScreen id="findings" />;
  return <Findings />;
}

function Findings() {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const navigate = useAppStore((s) => s.navigate);
  const { assessments, loaded, error: listError } = useAssessmentList();
  const vendorRead = useQuery('vendor.list', {});
  const vendors: VendorChoice[] | null = vendorRead.data?.vendors ?? null;
  const storedScope = useAppStore((s) => s.findingScope);
  const [filters, setFilters] = useState<Filters>(requestedFilters);
  const [active, setActive] = useState(0);
  const [editor, setEditor] = useState<EditorTarget | null>(null);

  useEffect(clearRequestedFilters, []);

  const assessment = assessments.find((a) => a.id === assessmentId);
  const scope = effectiveScope(storedScope, assessment?.id, vendors);
  const oneAssessment = scope.kind === 'assessment' ? assessment : undefined;

  const read = useQuery('finding.list', loaded ? requestOf(scope, assessment?.id) : null);
  const findings: FindingView[] | null = read.data?.findings ?? null;
  const { write, error: writeError } = useWrite();
  const error = writeError ?? (read.error ? messageOf(read.error) : null);

  const shown = useMemo(() => applyFilters(findings ?? [], filters), [findings, filters]);
  // Several assessments or vendors listed: refs carry their subject, here and in every message.
  const showSubject = scope.kind !== 'assessment' && scope.kind !== 'vendor';
  const refOf = useMemo(() => refLabeller(findings ?? [], assessments, showSubject), [findings, assessments, showSubject]);
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
      setEditor(editTarget(target, assessments));
    }, 0);
    return () => clearTimeout(t);
  }, [pendingJump, findings, assessments]);

  const openEditor = (f: FindingView) => setEditor(editTarget(f, assessments));
  const newFinding = () => oneAssessment && setEditor({ mode: 'new', assessment: oneAssessment });

  // Undo in the toast and on Ctrl+Z (the window's one undo).
  const remove = async (f: FindingView) => {
    const ref = refOf(f);
    const done = await write(() => call('finding.remove', { id: f.id }), {
      what: `${ref} was not removed`,
      done: `Removed ${ref} “${f.title}”.`,
      undoable: true,
    });
    if (done !== undefined) setEditor(null);
  };

  const header = (
    <ScreenHeader
      title="Findings"
      subtitle={SUBTITLE}
      actions={
        oneAssessment ? (
          <>
            <FindingsExport assessmentId={oneAssessment.id} />
            <button type="button" className="button primary" onClick={newFinding}>
              New finding
            </button>
          </>
        ) : scope.kind === 'assessments' && assessments.length > 0 ? (
          <FindingsExport assessmentId={null} />
        ) : null
      }
    />
  );

  if (loaded && assessments.length === 0 && vendors !== null && vendors.length === 0) {
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
        <FindingScopePicker scope={scope} assessments={assessments} vendors={vendors ?? NO_VENDORS} />
        {oneAssessment?.state === 'final' ? (
          <p className="warning-text">This assessment is final and read-only; reopen it in Assessments to change its findings.</p>
        ) : null}
      </div>
      <ErrorText error={listError ?? error} />
      {nothingYet ? (
        <EmptyState
          title={EMPTY_TITLE[scope.kind]}
          action={
            oneAssessment ? (
              <button type="button" className="button primary" onClick={newFinding}>
                New finding
              </button>
            ) : null
          }
        >
          <p>
            Findings usually come from a control assessed “not met”: in the Assessments table, select the control and press <kbd>f</kbd> to
            record it, prefilled from the control. You can also describe a weakness here with New finding. A vendor&apos;s findings are
            raised from the gaps of its scored questionnaires, on the vendor&apos;s page.
          </p>
        </EmptyState>
      ) : findings ? (
        <>
          <FindingFilters value={filters} onChange={setFilters} shown={shown.length} total={findings.length} />
          <div className="finding-actions" aria-label="Selected finding" role="group">
            {activeFinding ? (
              <>
                <span className="selected-finding">
                  <span className="ref">{refOf(activeFinding)}</span> {activeFinding.title}
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
            showSubject={showSubject}
            refOf={refOf}
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
          refLabel={editor.mode === 'edit' ? refOf(editor.finding) : null}
          onClose={() => setEditor(null)}
          onRemove={(f) => void remove(f)}
        />
      ) : null}
    </>
  );
}
